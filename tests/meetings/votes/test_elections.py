"""Elections of several people on one ballot, as the secretary and the members use them: the
secretary opens one with a list and N seats, members present pick up to N on their phones (more
is refused, nothing stored), closing counts only the ballots of members present then, the show
of hands is entered per candidate, and the result, per candidate, goes into the minutes.
Secrecy of election ballots: test_secret_election.py."""

import json

import pytest
from sqlalchemy import select, update

from handbook.extensions import db
from handbook.meetings.models import Attendance, Ballot
from handbook.meetings.votes import service as votes
from tests.conftest import text_of
from tests.meetings.factories import HTMX, meeting_under_way
from tests.meetings.votes.test_votes import close, open_vote, the_vote

CANDIDATES = "Nguyễn Văn An\nTrần Thị Bình\nLê Văn Cường"


@pytest.fixture
def now_meeting(world):
    """Cell 1's meeting, begun ten minutes ago; the secretary and both members are present."""
    return meeting_under_way(world)


def open_election(client, auth, m, seats="2", **data):
    return open_vote(client, auth, m, question="Bầu chi ủy", kind="election", choices=CANDIDATES,
                     seats=seats, **data)


def pick(client, auth, m, username, *picks, **headers):
    auth.logout()
    auth.login(username)
    return client.post(f"/meetings/{m.id}/votes/{the_vote(m).id}/ballot", data={"picks": [str(n) for n in picks]},
                       headers=headers)


def test_members_pick_up_to_the_seats_and_the_result_names_who_is_elected(client, auth, world, now_meeting):
    m = now_meeting
    assert votes.current_basis(m).base == 3  # bithu, dangvien, dangvien2: official, present
    assert open_election(client, auth, m).status_code == 302
    assert the_vote(m).seats == 2
    auth.logout()
    auth.login("dangvien")
    box = text_of(client.get(f"/meetings/{m.id}"))
    assert "Bầu 2 người: đánh dấu tối đa 2 người" in box and "Lê Văn Cường" in box
    too_many = pick(client, auth, m, "dangvien", 0, 1, 2, **HTMX)
    assert "Phiếu bầu quá số lượng: chỉ được chọn tối đa 2 người (đồng chí đã chọn 3)." in text_of(too_many)
    assert votes.own_ballot(the_vote(m), world["users"]["dangvien"]) is None  # nothing stored
    answer = pick(client, auth, m, "dangvien", 0, 1, **HTMX)
    assert "Đồng chí đã chọn: Nguyễn Văn An, Trần Thị Bình" in text_of(answer)
    assert pick(client, auth, m, "dangvien2", 0).status_code == 302
    blank = pick(client, auth, m, "bithu", **HTMX)  # a ballot picking no one is valid
    assert "Đồng chí đã chọn: không chọn ai" in text_of(blank)
    assert close(client, auth, m).status_code == 302
    vote = the_vote(m)
    assert json.loads(vote.counts) == [2, 1, 0] and vote.ballots == 3
    result = votes.result(vote)
    assert result.winners == ("Nguyễn Văn An",)
    page = text_of(client.get(f"/meetings/{m.id}/votes"))
    assert "Bầu 2 người, 3 phiếu hợp lệ" in page and "Trúng cử: Nguyễn Văn An (2 phiếu)" in page
    assert "Còn thiếu 1 người: cần bầu lại" in page
    assert "Nguyễn Văn An: 2 phiếu (67%) — trúng cử" in page and "Trần Thị Bình: 1 phiếu (33%)" in page
    minutes = text_of(client.get(f"/meetings/{m.id}/minutes"))
    assert "Trúng cử: Nguyễn Văn An (2 phiếu)" in minutes and "Lê Văn Cường: 0 phiếu" in minutes


def test_a_ballot_of_a_member_absent_at_closing_is_not_counted(client, auth, world, now_meeting):
    m = now_meeting
    open_election(client, auth, m, secret="y")
    for name in ("dangvien", "dangvien2", "bithu"):
        pick(client, auth, m, name, 1)
    db.session.execute(update(Attendance).where(Attendance.meeting_id == m.id,
                                                Attendance.user_id == world["users"]["dangvien2"].id)
                       .values(status="absent"))
    db.session.commit()
    assert close(client, auth, m).status_code == 302
    vote = the_vote(m)
    assert json.loads(vote.counts) == [0, 2, 0] and vote.ballots == 2
    # 2 votes of a base of 3 (an absent member stays in the base; only the exempt who are absent
    # leave it): more than half.
    assert votes.result(vote).winners == ("Trần Thị Bình",)


def test_the_secretary_enters_the_show_of_hands_per_candidate(client, auth, world, now_meeting):
    m = now_meeting
    open_election(client, auth, m)
    refused = close(client, auth, m, hand_ballots="1", hand_0="2")
    assert refused.status_code == 400 and "Số đồng chí bầu bằng giơ tay (1) không đủ" in text_of(refused)
    assert the_vote(m).status == "open"
    above = close(client, auth, m, hand_ballots="4", hand_0="4")
    assert above.status_code == 400 and "Tổng số phiếu bầu (4) vượt quá" in text_of(above)
    assert close(client, auth, m, hand_ballots="3", hand_0="3", hand_1="2", hand_2="1").status_code == 302
    vote = the_vote(m)
    assert json.loads(vote.counts) == [3, 2, 1] and vote.ballots == 3
    assert votes.result(vote).winners == ("Nguyễn Văn An", "Trần Thị Bình")
    assert db.session.scalar(select(Ballot.id).where(Ballot.vote_id == vote.id)) is None


def test_the_seats_are_checked_when_the_election_opens(client, auth, world, now_meeting):
    m = now_meeting
    refused = open_election(client, auth, m, seats="4")
    assert refused.status_code == 400 and "Vui lòng ghi số người cần bầu (từ 1 đến 3)" in text_of(refused)
    assert "Nguyễn Văn An" in refused.get_data(as_text=True)  # the list typed is kept
    assert the_vote(m) is None
    one_seat = open_vote(client, auth, m, question="Bầu phó bí thư", kind="election",
                         choices="Lê Văn Đức\nPhạm Thị Hương")
    assert one_seat.status_code == 302 and the_vote(m).seats == 1
