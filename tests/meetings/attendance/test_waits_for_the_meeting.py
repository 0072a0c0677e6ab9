"""Attendance waits for the meeting: saved before the meeting's day it is refused, told in
Vietnamese, with nothing stored and the marks left on screen; on the day but before the start
it is kept while the meeting stays published; once the meeting has begun it is held."""

from datetime import timedelta

from sqlalchemy import func, select

from handbook.audit import AuditEntry
from handbook.extensions import db
from handbook.meetings.models import Attendance
from handbook.meetings.status import Action, MeetingRefused, Status, check
from handbook.models_base import utcnow
from handbook.timefmt import to_vn, vn_date
from tests.conftest import text_of
from tests.meetings.factories import fresh, meeting


def marks(world) -> dict:
    return {f"status-{world['users']['dangvien'].id}": "present",
            f"status-{world['users']['dangvien2'].id}": "excused",
            f"reason-{world['users']['dangvien2'].id}": "Đi công tác"}


def stored(m) -> int:
    return db.session.scalar(select(func.count(Attendance.id)).where(Attendance.meeting_id == m.id))


def test_attendance_on_a_meeting_days_away_is_refused_and_changes_nothing(client, auth, world):
    m = meeting(world["cell1"], status="published", starts_in=timedelta(days=60))
    auth.login("bithu")
    page = text_of(client.get(f"/meetings/{m.id}/attendance"))
    day = vn_date(m.starts_at)
    assert f"Buổi họp diễn ra ngày {day}: điểm danh chỉ ghi từ ngày họp." in page
    refused = client.post(f"/meetings/{m.id}/attendance", data=marks(world))
    assert refused.status_code == 400
    assert "điểm danh chỉ ghi từ ngày họp. Danh sách chưa được lưu" in text_of(refused)
    assert 'value="Đi công tác"' in refused.get_data(as_text=True)  # what was typed stays on screen
    assert stored(m) == 0 and fresh(m.id).status == Status.PUBLISHED
    assert db.session.scalar(select(func.count(AuditEntry.id)).where(AuditEntry.action == "attendance.saved")) == 0
    assert "Đã họp" not in text_of(client.get(f"/meetings/{m.id}"))


def test_on_the_day_before_the_start_attendance_is_kept_but_the_meeting_is_not_held_yet(client, auth, world):
    now = utcnow()
    # Twenty minutes ahead, unless that crosses midnight in Vietnam: then a minute ahead.
    ahead = timedelta(minutes=20) if to_vn(now + timedelta(minutes=20)).date() == to_vn(now).date() \
        else timedelta(minutes=1)
    m = meeting(world["cell1"], status="published", starts_in=ahead)
    auth.login("bithu")
    assert client.post(f"/meetings/{m.id}/attendance", data=marks(world)).status_code == 302
    assert stored(m) == 2 and fresh(m.id).status == Status.PUBLISHED


def test_once_begun_attendance_makes_the_meeting_held(client, auth, world):
    m = meeting(world["cell1"], status="published", starts_in=timedelta(minutes=-5))
    auth.login("bithu")
    assert client.post(f"/meetings/{m.id}/attendance", data=marks(world)).status_code == 302
    assert stored(m) == 2 and fresh(m.id).status == Status.HELD


def test_the_status_table_says_the_same(world):
    m = meeting(world["cell1"], status="published", starts_in=timedelta(days=3))
    try:
        check(m, Action.TAKE_ATTENDANCE)
    except MeetingRefused as refused:
        assert "điểm danh chỉ ghi từ ngày họp" in refused.message
    else:
        raise AssertionError("attendance three days early was allowed")
    assert check(m, Action.TAKE_ATTENDANCE, now=m.starts_at - timedelta(minutes=1)) == Status.PUBLISHED
    assert check(m, Action.TAKE_ATTENDANCE, now=m.starts_at + timedelta(minutes=1)) == Status.HELD
