"""Votes at a meeting: opened by the secretary, cast on phones by members present, closed with
the show of hands, counted against the base (only ballots of members present at closing);
every bad input told in Vietnamese with nothing changed. Secret ballots:
test_secret_ballot.py."""

import json
from datetime import timedelta

import pytest
from sqlalchemy import func, select, update

from handbook.audit import AuditEntry
from handbook.extensions import db
from handbook.meetings.models import Attendance, Vote
from handbook.meetings.votes import service as votes
from tests.conftest import text_of
from tests.meetings.factories import HTMX, meeting, meeting_under_way


@pytest.fixture
def now_meeting(world):
    """Cell 1's meeting, begun ten minutes ago; the secretary and both members are present."""
    return meeting_under_way(world, items=("Khai mạc", "Kết luận; biểu quyết thông qua nghị quyết", "Bế mạc"))


def open_vote(client, auth, m, **data):
    auth.logout()
    auth.login("bithu")
    return client.post(f"/meetings/{m.id}/votes", data={"question": "Thông qua nghị quyết tháng",
                                                        "kind": "resolution", **data})


def the_vote(m) -> Vote:
    db.session.expire_all()
    return db.session.scalar(select(Vote).where(Vote.meeting_id == m.id).order_by(Vote.id.desc()))


def cast(client, auth, m, username, choice, **headers):
    auth.logout()
    auth.login(username)
    return client.post(f"/meetings/{m.id}/votes/{the_vote(m).id}/ballot", data={"choice": str(choice)},
                       headers=headers)


def close(client, auth, m, **hands):
    auth.logout()
    auth.login("bithu")
    return client.post(f"/meetings/{m.id}/votes/{the_vote(m).id}/close", data=hands)


def test_members_vote_on_phones_and_the_result_goes_into_the_minutes(client, auth, world, now_meeting):
    m = now_meeting
    assert open_vote(client, auth, m).status_code == 302
    auth.logout()
    auth.login("dangvien")
    box = text_of(client.get(f"/meetings/{m.id}"))
    assert "Thông qua nghị quyết tháng" in box and "Gửi biểu quyết" in box
    assert "Đã ghi nhận biểu quyết" in text_of(cast(client, auth, m, "dangvien", 0, **HTMX))
    cast(client, auth, m, "dangvien2", 1, **HTMX)
    changed = cast(client, auth, m, "dangvien2", 0, **HTMX)  # changed until closed
    assert "Đồng chí đã chọn: Tán thành" in text_of(changed)
    assert close(client, auth, m, hand_0="1").status_code == 302
    vote = the_vote(m)
    assert vote.status == "closed" and json.loads(vote.counts) == [3, 0, 0]
    assert votes.result(vote).sentence == "Thông qua: 3/3 đảng viên chính thức tán thành (100%)."
    builder = text_of(client.get(f"/meetings/{m.id}/minutes"))
    assert "Kết quả biểu quyết Thông qua nghị quyết tháng" in builder
    assert "Thông qua: 3/3 đảng viên chính thức tán thành (100%)." in builder
    late = cast(client, auth, m, "dangvien", 1, **HTMX)
    assert "Biểu quyết này đã đóng" in text_of(late) or "không thể bỏ phiếu" in text_of(late)
    assert json.loads(the_vote(m).counts) == [3, 0, 0]
    actions = db.session.scalars(select(AuditEntry.action).where(AuditEntry.action.like("vote.%"))
                                 .order_by(AuditEntry.id)).all()
    assert actions == ["vote.opened", "vote.closed"]


@pytest.mark.parametrize("secret", ["", "y"])
def test_a_ballot_of_a_member_marked_absent_before_closing_is_not_counted(client, auth, world, now_meeting, secret):
    m = now_meeting
    open_vote(client, auth, m, secret=secret)
    cast(client, auth, m, "dangvien", 0)
    cast(client, auth, m, "dangvien2", 0)
    auth.logout()
    auth.login("bithu")
    assert "2 phiếu qua điện thoại" in text_of(client.get(f"/meetings/{m.id}/votes"))
    # The secretary corrects the attendance: dangvien2 left before the vote was closed.
    db.session.execute(update(Attendance).where(Attendance.meeting_id == m.id,
                                                Attendance.user_id == world["users"]["dangvien2"].id)
                       .values(status="absent"))
    db.session.commit()
    assert "1 phiếu qua điện thoại" in text_of(client.get(f"/meetings/{m.id}/votes"))
    assert close(client, auth, m).status_code == 302
    assert json.loads(the_vote(m).counts) == [1, 0, 0]
    assert votes.result(the_vote(m)).sentence == (
        "Không thông qua: 1/3 đảng viên chính thức tán thành (33%), cần hơn một nửa.")


def test_opening_a_second_vote_while_one_is_open_is_refused(client, auth, world, now_meeting):
    m = now_meeting
    open_vote(client, auth, m)
    again = open_vote(client, auth, m, question="Biểu quyết khác")
    assert again.status_code == 400 and "Đang có biểu quyết chưa đóng" in text_of(again)
    close(client, auth, m)
    twice = open_vote(client, auth, m)  # the same question, already decided
    assert twice.status_code == 400 and "đã được biểu quyết" in text_of(twice)
    assert db.session.scalar(select(func.count(Vote.id)).where(Vote.meeting_id == m.id)) == 1


def test_a_vote_opens_only_once_the_meeting_is_near(client, auth, world):
    m = meeting(world["cell1"], status="published", starts_in=timedelta(days=2))
    response = open_vote(client, auth, m)
    assert response.status_code == 400 and "Buổi họp chưa bắt đầu" in text_of(response)
    assert db.session.scalar(select(func.count(Vote.id)).where(Vote.meeting_id == m.id)) == 0


def test_totals_can_never_exceed_the_base(client, auth, world, now_meeting):
    m = now_meeting
    open_vote(client, auth, m)
    cast(client, auth, m, "dangvien", 0)
    response = close(client, auth, m, hand_0="2", hand_1="1")  # 1 by phone + 3 hands > 3 official members
    assert response.status_code == 400 and "Tổng số phiếu (4) vượt quá số đảng viên chính thức được tính (3)" in \
        text_of(response)
    vote = the_vote(m)
    assert vote.status == "open" and vote.counts is None
    garbled = close(client, auth, m, hand_0="-1")
    assert garbled.status_code == 400 and "Số phiếu phải là số từ 0 đến 1000." in text_of(garbled)


def test_who_may_not_vote_is_told_why_and_nothing_is_stored(client, auth, world, now_meeting, make):
    m = now_meeting
    open_vote(client, auth, m)
    probationary = make.user("dubi", cell=world["cell1"], full_name="Vũ Thị Dự Bị",
                             admitted_on=world["users"]["dangvien"].admitted_on, official_on=None)
    make.user("vangmat", cell=world["cell1"], full_name="Đinh Văn Vắng")
    db.session.add(Attendance(meeting_id=m.id, user_id=probationary.id, status="present"))
    db.session.commit()
    assert "dự bị không có quyền biểu quyết" in text_of(cast(client, auth, m, "dubi", 0))
    assert "Chỉ đảng viên có mặt" in text_of(cast(client, auth, m, "vangmat", 0))
    assert cast(client, auth, m, "dangvien3", 0).status_code == 404  # another cell's meeting
    admin = cast(client, auth, m, "capuy", 0)
    assert admin.status_code == 400 and "không thuộc chi bộ này" in text_of(admin)
    bad = cast(client, auth, m, "dangvien", 7)
    assert bad.status_code == 400 and "Vui lòng chọn một phương án." in text_of(bad)
    assert votes.ballots_cast(the_vote(m)) == 0


def test_the_base_leaves_out_members_away_suspended_and_exempt_absent(client, auth, world, now_meeting, make):
    m = now_meeting
    make.user("tamthoi", cell=world["cell1"], party_standing="away")
    make.user("dinhchi", cell=world["cell1"], party_standing="suspended")
    make.user("mien", cell=world["cell1"], party_standing="exempt")
    open_vote(client, auth, m)
    cast(client, auth, m, "dangvien", 0)
    cast(client, auth, m, "dangvien2", 0)
    close(client, auth, m)
    vote = the_vote(m)
    result = votes.result(vote)
    assert result.basis.official == 6 and result.basis.base == 3
    assert result.sentence == "Thông qua: 2/3 đảng viên chính thức tán thành (67%)."


def test_a_closed_result_is_only_annulled_with_a_reason_that_stays(client, auth, world, now_meeting):
    m = now_meeting
    open_vote(client, auth, m)
    close(client, auth, m, hand_0="3")
    vote = the_vote(m)
    no_reason = client.post(f"/meetings/{m.id}/votes/{vote.id}/annul", data={"reason": " "})
    assert no_reason.status_code == 400 and "Vui lòng ghi lý do hủy kết quả." in text_of(no_reason)
    assert the_vote(m).status == "closed"
    again = client.post(f"/meetings/{m.id}/votes/{vote.id}/close", data={"hand_0": "0"})
    assert again.status_code == 400 and json.loads(the_vote(m).counts) == [3, 0, 0]  # never changed
    client.post(f"/meetings/{m.id}/votes/{vote.id}/annul", data={"reason": "Đếm nhầm số người giơ tay"})
    assert the_vote(m).status == "annulled"
    history = text_of(client.get(f"/meetings/{m.id}/votes"))
    assert "Kết quả đã hủy" in history and "Đếm nhầm số người giơ tay" in history
    assert "đã hủy: Đếm nhầm số người giơ tay" in text_of(client.get(f"/meetings/{m.id}/minutes"))
    assert open_vote(client, auth, m).status_code == 302  # the same question may be put again


def test_the_vote_box_answers_empty_until_something_changes(client, auth, world, now_meeting):
    m = now_meeting
    auth.login("dangvien")
    page = client.get(f"/meetings/{m.id}")
    # The box asks again when the live banner (every few seconds) saw something change.
    assert 'hx-trigger="live-changed from:body"' in page.get_data(as_text=True)
    assert "Chưa có biểu quyết nào đang mở" in text_of(page)
    assert client.get(f"/meetings/{m.id}/vote?seen=0").status_code == 204
    open_vote(client, auth, m)
    auth.logout()
    auth.login("dangvien")
    fresh_box = client.get(f"/meetings/{m.id}/vote?seen=0")
    assert fresh_box.status_code == 200 and "Thông qua nghị quyết tháng" in text_of(fresh_box)


def test_other_features_open_a_rating_vote_and_read_its_result(world, now_meeting):
    """The public surface the member's year uses: a vote on a member's rating, and its result."""
    member = world["users"]["dangvien2"]
    levels = ["Hoàn thành xuất sắc nhiệm vụ", "Hoàn thành tốt nhiệm vụ", "Hoàn thành nhiệm vụ",
              "Không hoàn thành nhiệm vụ"]
    vote = votes.open_vote(now_meeting, question="Xếp loại đồng chí Phạm Thị Hương", kind="rating",
                           choices=levels, subject=member)
    db.session.commit()
    assert votes.result(vote) is None  # still open
    votes.close(vote, [0, 3, 0, 0])
    db.session.commit()
    assert votes.result(vote).winners == ("Hoàn thành tốt nhiệm vụ",)
    assert votes.votes_on(member, "rating") == [vote]


def test_the_votes_page_states_its_base_in_one_plain_sentence(client, auth, world, now_meeting):
    auth.login("bithu")
    text = text_of(client.get(f"/meetings/{now_meeting.id}/votes"))
    assert "Cơ sở tính hiện nay: 3 đảng viên chính thức" in text
    assert "Hiện tính trên cơ sở tính" not in text
