"""Reminders a day and an hour before a published meeting, with the clock passed in: each sent
once, to the members who have not said they will be absent, again after a new time."""

from datetime import timedelta

from sqlalchemy import select

from handbook.extensions import db
from handbook.jobs.scheduler import run_due
from handbook.meetings.models import Meeting, MeetingReminder, Notification, Rsvp
from tests.jobs_helpers import run_worker
from tests.meetings.factories import meeting


def reminders_of(user) -> list[str]:
    db.session.expire_all()
    return list(db.session.scalars(select(Notification.message).where(
        Notification.user_id == user.id, Notification.kind == "reminder").order_by(Notification.id)))


def published_in_three_days(world, title="Họp chi bộ tháng Mười hai"):
    m = meeting(world["cell1"], status="published", starts_in=timedelta(days=3), title=title)
    db.session.add(Rsvp(meeting_id=m.id, user_id=world["users"]["dangvien2"].id, attending=False, reason="Đi công tác"))
    db.session.commit()
    return m


def test_a_day_and_an_hour_before_once_each_not_to_who_declined(world):
    m = published_in_three_days(world)
    member, declined = world["users"]["dangvien"], world["users"]["dangvien2"]
    start = m.starts_at
    run_due(start - timedelta(days=2))
    assert reminders_of(member) == []  # too early
    run_due(start - timedelta(hours=23, minutes=59))
    run_due(start - timedelta(hours=23))  # the next minutes: not again
    day = reminders_of(member)
    assert len(day) == 1 and "ngày mai" in day[0] and "Họp chi bộ tháng Mười hai" in day[0]
    assert reminders_of(declined) == []
    assert reminders_of(world["users"]["dangvien3"]) == []  # another cell
    run_due(start - timedelta(minutes=59))
    run_due(start - timedelta(minutes=30))
    both = reminders_of(member)
    assert len(both) == 2 and "1 giờ" in both[1]
    run_due(start + timedelta(minutes=5))  # under way: nothing more
    assert len(reminders_of(member)) == 2


def test_a_new_time_earns_new_reminders(world):
    m = published_in_three_days(world)
    member = world["users"]["dangvien"]
    run_due(m.starts_at - timedelta(hours=20))
    m.starts_at = m.starts_at + timedelta(days=1)
    db.session.commit()
    run_due(m.starts_at - timedelta(hours=20))
    assert len(reminders_of(member)) == 2
    assert len(db.session.scalars(select(MeetingReminder).where(MeetingReminder.meeting_id == m.id)).all()) == 2


def test_drafts_and_cancelled_meetings_remind_nobody(world):
    draft = meeting(world["cell1"], status="draft", starts_in=timedelta(hours=5))
    cancelled = meeting(world["cell1"], status="cancelled", starts_in=timedelta(hours=5))
    run_due(draft.starts_at - timedelta(minutes=30))
    run_due(cancelled.starts_at - timedelta(minutes=30))
    assert reminders_of(world["users"]["dangvien"]) == []


def test_no_day_reminder_when_the_agenda_came_out_within_that_day(world):
    m = meeting(world["cell1"], status="published", starts_in=timedelta(hours=10))
    run_due(m.starts_at - timedelta(hours=9))
    assert reminders_of(world["users"]["dangvien"]) == []
    run_due(m.starts_at - timedelta(minutes=45))
    assert len(reminders_of(world["users"]["dangvien"])) == 1


def test_the_worker_sends_the_reminder_the_scheduler_enqueued(app, world, rq_mode):
    m = published_in_three_days(world, title="Họp qua hàng đợi")
    run_due(m.starts_at - timedelta(hours=12))
    assert reminders_of(world["users"]["dangvien"]) == []  # enqueued, not yet run
    run_worker(app)
    told = reminders_of(world["users"]["dangvien"])
    assert len(told) == 1 and "Họp qua hàng đợi" in told[0]
    run_due(m.starts_at - timedelta(hours=11))
    run_worker(app)
    assert len(reminders_of(world["users"]["dangvien"])) == 1
    assert db.session.get(Meeting, m.id) is not None
