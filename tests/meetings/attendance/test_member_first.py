"""The member's part of a meeting comes first and tells the truth after a reload:
the answer with one-tap buttons, "Đã điểm danh lúc …", and the same answer on the home card."""

from datetime import timedelta

from sqlalchemy import select

from handbook.extensions import db
from handbook.meetings.models import Rsvp
from tests.conftest import text_of
from tests.meetings.attendance.checkin import open_checkin
from tests.meetings.factories import HTMX, meeting


def test_member_box_comes_before_the_agenda(client, auth, world):
    m = meeting(world["cell1"], status="published")
    auth.login("dangvien")
    page = client.get(f"/meetings/{m.id}").get_data(as_text=True)
    box, agenda = page.index("member-box"), page.index("Chương trình</h2>")
    assert box < page.index('name="answer" value="yes"') < agenda
    assert box < page.index("Ghi chép của tôi") < agenda


def test_reload_after_check_in_says_when_instead_of_an_empty_code_box(client, auth, world):
    m = meeting(world["cell1"], status="published", starts_in=timedelta(minutes=-5))
    code = open_checkin(client, auth, m)
    client.post(f"/meetings/{m.id}/checkin", data={"code": code})
    page = text_of(client.get(f"/meetings/{m.id}"))
    assert "Đã điểm danh lúc" in page and "Mã điểm danh" not in page


def test_reason_is_cleared_when_the_member_switches_to_attend(client, auth, world):
    m = meeting(world["cell1"], status="published")
    auth.login("dangvien")
    client.post(f"/meetings/{m.id}/rsvp", headers=HTMX, data={"answer": "no", "reason": "Đi công tác"})
    page = client.get(f"/meetings/{m.id}").get_data(as_text=True)
    assert 'value="Đi công tác"' in page and '<details class="rsvp-absent" open>' in page
    answer = client.post(f"/meetings/{m.id}/rsvp", headers=HTMX,
                         data={"answer": "yes", "reason": "Đi công tác"}).get_data(as_text=True)
    assert "Đi công tác" not in answer and '<details class="rsvp-absent">' in answer
    rsvp = db.session.scalar(select(Rsvp).where(Rsvp.meeting_id == m.id))
    assert rsvp.attending and rsvp.reason == ""
    assert "Đi công tác" not in client.get(f"/meetings/{m.id}").get_data(as_text=True)


def test_home_card_shows_the_answer_and_offers_the_buttons(client, auth, world):
    m = meeting(world["cell1"], status="published", title="Họp chi bộ sắp tới", starts_in=timedelta(hours=2))
    auth.login("dangvien")
    home = client.get("/").get_data(as_text=True)
    assert "Họp chi bộ sắp tới" in home and "chưa trả lời" in home
    assert f'hx-post="/meetings/{m.id}/rsvp"' in home
    client.post(f"/meetings/{m.id}/rsvp", data={"answer": "yes"})
    assert "Đồng chí đã đăng ký: Tham dự" in text_of(client.get("/"))


def test_no_rsvp_buttons_on_the_home_card_of_someone_outside_the_cell(client, auth, world):
    meeting(world["cell1"], status="published", title="Họp chi bộ tháng tới")
    auth.login("capuy")
    assert "/rsvp" not in client.get("/").get_data(as_text=True)


def test_a_checked_in_member_is_no_longer_asked_whether_they_will_come(client, auth, world):
    # Check-in opens half an hour before the start, while answers are still taken.
    m = meeting(world["cell1"], status="published", starts_in=timedelta(minutes=20))
    code = open_checkin(client, auth, m)
    before = client.get(f"/meetings/{m.id}").get_data(as_text=True)
    assert "chưa trả lời có tham dự" in before and 'name="answer" value="yes"' in before
    client.post(f"/meetings/{m.id}/checkin", data={"code": code})
    page = client.get(f"/meetings/{m.id}").get_data(as_text=True)
    assert "Đã điểm danh lúc" in text_of(client.get(f"/meetings/{m.id}"))
    assert "chưa trả lời" not in page and 'name="answer"' not in page and "Đăng ký tham dự" not in page
    home = client.get("/").get_data(as_text=True)
    assert "Đã điểm danh lúc" in home and "chưa trả lời" not in home and 'name="answer"' not in home
