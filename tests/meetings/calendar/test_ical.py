"""Calendar output, parsed back with icalendar: events, Vietnam times, alarms, sequence, cancellation."""

import re
from datetime import timedelta
from zoneinfo import ZoneInfo

from icalendar import Calendar
from sqlalchemy import func, select

from handbook.extensions import db
from handbook.meetings.models import CalendarToken
from tests.conftest import text_of
from tests.meetings.factories import HTMX, fresh, meeting


def events(response):
    assert response.status_code == 200 and response.mimetype == "text/calendar"
    return [c for c in Calendar.from_ical(response.data).walk("VEVENT")]


def feed_url(client):
    page = client.get("/account").get_data(as_text=True)
    if not re.search(r"/calendar/[\w-]+\.ics", page):  # no address yet: the member asks for one
        assert "Tạo địa chỉ lịch" in page
        client.post("/calendar/token")
        page = client.get("/account").get_data(as_text=True)
    return re.search(r"/calendar/[\w-]+\.ics", page).group(0)


def test_one_meeting_as_ics(client, auth, world):
    m = meeting(world["cell1"], status="published", title="Họp tháng có lịch")
    auth.login("dangvien")
    (event,) = events(client.get(f"/meetings/{m.id}.ics"))
    assert str(event["summary"]) == "Họp tháng có lịch"
    start = event.decoded("dtstart")
    assert start.tzinfo is not None and start.utcoffset() == timedelta(hours=7)
    assert start.tzinfo.key == "Asia/Ho_Chi_Minh" if isinstance(start.tzinfo, ZoneInfo) else True
    assert start == m.starts_at.replace(microsecond=0)
    assert event.decoded("dtend") - start == timedelta(minutes=120)
    triggers = sorted(a.decoded("trigger") for a in event.walk("VALARM"))
    assert triggers == [-timedelta(days=1), -timedelta(hours=1)]
    assert str(event["status"]) == "CONFIRMED" and int(event["sequence"]) == 0
    cal = Calendar.from_ical(client.get(f"/meetings/{m.id}.ics").data)
    assert cal.walk("VTIMEZONE")[0]["tzid"] == "Asia/Ho_Chi_Minh"


def test_uid_stays_and_sequence_grows_when_the_agenda_changes(client, auth, world):
    m = meeting(world["cell1"], status="published")
    auth.login("bithu")
    (before,) = events(client.get(f"/meetings/{m.id}.ics"))
    client.post(f"/meetings/{m.id}/items/{m.items[0].id}", headers=HTMX,
                data={"title": "Khai mạc mới", "seq": m.edit_seq})
    (after,) = events(client.get(f"/meetings/{m.id}.ics"))
    assert str(after["uid"]) == str(before["uid"])
    assert int(after["sequence"]) == int(before["sequence"]) + 1


def test_cancelled_meeting_is_cancelled_in_the_calendar(client, auth, world):
    m = meeting(world["cell1"], status="published")
    auth.login("bithu")
    client.post(f"/meetings/{m.id}/cancel", data={"confirm": "y"})
    (event,) = events(client.get(f"/meetings/{m.id}.ics"))
    assert str(event["status"]) == "CANCELLED" and not event.walk("VALARM")
    assert fresh(m.id).version == 2


def test_personal_feed_lists_the_members_meetings_and_tokens_can_be_revoked(client, auth, world):
    meeting(world["cell1"], status="published", title="Họp trong lịch")
    meeting(world["cell1"], title="Bản nháp không vào lịch")
    meeting(world["cell2"], status="published", title="Họp chi bộ khác")
    auth.login("dangvien")
    client.get("/account")
    assert db.session.scalar(select(func.count()).select_from(CalendarToken)) == 0  # a GET writes nothing
    url = feed_url(client)
    auth.logout()
    titles = {str(e["summary"]) for e in events(client.get(url))}  # no login: the token is the key
    assert "Họp trong lịch" in titles
    assert "Bản nháp không vào lịch" not in titles and "Họp chi bộ khác" not in titles
    auth.login("dangvien")
    response = client.post("/calendar/token")
    assert response.status_code == 302
    assert "Đã tạo địa chỉ lịch mới" in text_of(client.get("/account"))
    new_url = feed_url(client)
    assert new_url != url
    assert client.get(url).status_code == 404
    assert client.get(new_url).status_code == 200


def test_ics_of_another_cells_meeting_is_404(client, auth, world):
    m = meeting(world["cell2"], status="published")
    auth.login("dangvien")
    assert client.get(f"/meetings/{m.id}.ics").status_code == 404


def test_demo_seed_is_idempotent(world):
    from sqlalchemy import func, select

    from handbook.demo import seed_demo
    from handbook.extensions import db
    from handbook.meetings.models import AgendaItem, Meeting

    before = (db.session.scalar(select(func.count(Meeting.id))), db.session.scalar(select(func.count(AgendaItem.id))))
    seed_demo()
    assert before == (db.session.scalar(select(func.count(Meeting.id))),
                      db.session.scalar(select(func.count(AgendaItem.id))))
    # Five of cells 1 and 2, cell 1's three before last month's (a member absent from each), one of
    # the cell merged into cell 2 in 2025, cell 1's study session.
    assert before[0] == 10


def test_demo_links_the_next_meeting_to_article_3_of_regulation_08(world):
    from sqlalchemy import select

    from handbook.library.models import Document, Section
    from handbook.meetings.models import Meeting

    article = db.session.scalar(
        select(Section).join(Document).where(Document.slug == "08-qdi-tw", Section.anchor == "dieu-3"))
    upcoming = db.session.scalars(select(Meeting).where(
        Meeting.cell_id == world["cell1"].id, Meeting.status == "published")).all()
    assert len(upcoming) == 1
    linked = [link.section_id for item in upcoming[0].items for link in item.links]
    assert linked == [article.id]


def test_demo_has_a_past_meeting_with_a_vote_signed_minutes_and_tasks(client, auth, world):
    from handbook.demo import seed_demo
    from handbook.meetings.models import Meeting, Minutes, MinutesSignature, Task, Vote

    past = db.session.scalar(select(Meeting).where(Meeting.cell_id == world["cell1"].id, Meeting.status == "closed")
                             .order_by(Meeting.starts_at.desc()))  # last month's, the whole record
    minutes = db.session.scalar(select(Minutes).where(Minutes.meeting_id == past.id))
    signed = set(db.session.scalars(select(MinutesSignature.role).where(MinutesSignature.minutes_id == minutes.id)))
    assert minutes.is_final and signed == {"chair", "note_taker"}
    assert db.session.scalar(select(Vote.status).where(Vote.meeting_id == past.id)) == "closed"
    def counts():
        return db.session.scalar(select(func.count(Task.id))), db.session.scalar(select(func.count(Vote.id)))

    before = counts()
    assert before == (3, 1)
    seed_demo()
    assert counts() == before
    auth.login("dangvien")
    page = text_of(client.get(f"/meetings/{past.id}"))
    assert "Thông qua: 3/3 đảng viên chính thức tán thành (100%)." in page and "đã ký xác nhận" in page
    upcoming = db.session.scalar(select(Meeting.id).where(Meeting.cell_id == world["cell1"].id,
                                                          Meeting.status == "published"))
    review = text_of(client.get(f"/meetings/{upcoming}")).split("Đánh giá kết quả thực hiện nhiệm vụ tháng trước")[-1]
    assert "Cập nhật hồ sơ đảng viên lên Sổ tay Đang thực hiện" in review and "Quá hạn" in review
