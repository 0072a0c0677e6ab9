"""Reminders a day and an hour before a published meeting, to the members who have not said
they will be absent; run from the scheduler."""

from datetime import datetime, timedelta

from sqlalchemy import select

from handbook.extensions import db
from handbook.meetings import messages as msg
from handbook.meetings.calendar.models import MeetingReminder
from handbook.meetings.models import Meeting, NotificationKind, Rsvp
from handbook.meetings.notify import cell_members, tell
from handbook.meetings.schedule import reminders_due
from handbook.timefmt import vn_datetime

DAY = timedelta(days=1)
HOUR = timedelta(hours=1)


def reminder_kind(meeting: Meeting, now: datetime) -> str | None:
    """"hour" within the last hour, "day" within the day before; None otherwise. A scheduler
    that was down sends the nearer one late rather than both. No day reminder when the agenda
    itself came out within that day: its notice was the reminder."""
    left = meeting.starts_at - now
    if left <= timedelta(0) or left > DAY:
        return None
    if left <= HOUR:
        return "hour"
    if meeting.published_at and meeting.published_at > meeting.starts_at - DAY:
        return None
    return "day"


def send_due_reminders(now: datetime) -> int:
    """The job: every reminder due at `now` not yet sent; returns how many meetings got one."""
    meetings = db.session.scalars(reminders_due(now, DAY))
    sent = 0
    for meeting in meetings:
        kind = reminder_kind(meeting, now)
        if kind is None or _already_sent(meeting, kind):
            continue
        db.session.add(MeetingReminder(meeting_id=meeting.id, kind=kind, starts_at=meeting.starts_at, sent_at=now))
        declined = set(db.session.scalars(
            select(Rsvp.user_id).where(Rsvp.meeting_id == meeting.id, Rsvp.attending.is_(False))))
        members = [user.id for user in cell_members(meeting.cell_id) if user.id not in declined]
        text = msg.REMIND_HOUR if kind == "hour" else msg.REMIND_DAY
        tell(meeting, members, NotificationKind.REMINDER,
             text.format(title=meeting.title, when=vn_datetime(meeting.starts_at), where=meeting.location or "—"))
        sent += 1
    db.session.flush()
    return sent


def _already_sent(meeting: Meeting, kind: str) -> bool:
    return db.session.scalar(select(MeetingReminder.id).where(
        MeetingReminder.meeting_id == meeting.id, MeetingReminder.kind == kind,
        MeetingReminder.starts_at == meeting.starts_at)) is not None
