"""Which meeting is coming: "the next meeting" of the home page and of the phone's meeting pack,
and the meetings the reminders are for. One rule, so the home card, the pack and the reminders
never disagree about the next meeting.

A meeting is coming from the moment its agenda is published until three hours after it starts:
members open its agenda and type their note while it runs, and taking its attendance (held)
does not end it. A draft is not announced yet; a cancelled or closed one is over.
"""

from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, Select, select

from handbook.extensions import db
from handbook.meetings.access import visible_meetings
from handbook.meetings.models import Meeting
from handbook.meetings.status import Status
from handbook.models_base import utcnow

COMING = (Status.PUBLISHED, Status.HELD)
STARTED_GRACE = timedelta(hours=3)


def coming(now: datetime) -> ColumnElement[bool]:
    """The SQL condition: the meeting is still coming at `now`."""
    return Meeting.status.in_(COMING) & (Meeting.starts_at >= now - STARTED_GRACE)


def next_meeting_for(user, now: datetime | None = None, *, own_cell: bool = False) -> Meeting | None:
    """The next meeting of the meetings `user` may see (a leader's cells and a committee's too),
    or with `own_cell` of the member's own cell only (what their phone keeps)."""
    if own_cell:
        if not user.cell_id:
            return None
        meetings = select(Meeting).where(Meeting.cell_id == user.cell_id)
    else:
        meetings = visible_meetings(user)
    return db.session.scalar(meetings.where(coming(now or utcnow())).order_by(Meeting.starts_at).limit(1))


def reminders_due(now: datetime, ahead: timedelta) -> Select:
    """The meetings a reminder may be due for: coming, not begun, starting within `ahead`, and
    still only published (once its attendance is taken, the meeting has begun in all but name)."""
    return select(Meeting).where(coming(now), Meeting.status == Status.PUBLISHED,
                                 Meeting.starts_at > now, Meeting.starts_at <= now + ahead)
