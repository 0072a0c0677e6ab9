"""Which meeting is coming: "the next meeting" of the home page and of the phone's meeting pack,
and the meetings the reminders are for. One rule, so the home card, the pack and the reminders
never disagree about the next meeting.

A meeting is coming from the moment its agenda is published until three hours after it starts:
members open its agenda and type their note while it runs, and taking its attendance (held)
does not end it. A draft is not announced yet; a cancelled or closed one is over.
"""

from datetime import datetime, time, timedelta

from flask import g
from sqlalchemy import ColumnElement, Select, select

from handbook.extensions import db
from handbook.meetings.access import visible_meetings
from handbook.meetings.models import PUBLISHED_MINUTES, Meeting, Minutes
from handbook.meetings.status import PUBLISHED, Status
from handbook.models_base import utcnow
from handbook.timefmt import VN

COMING = (Status.PUBLISHED, Status.HELD)
STARTED_GRACE = timedelta(hours=3)


def coming(now: datetime) -> ColumnElement[bool]:
    """The SQL condition: the meeting is still coming at `now`."""
    return started_since(now - STARTED_GRACE)


def started_since(since) -> ColumnElement[bool]:
    """The same, given `now - STARTED_GRACE` (a time, or a bound parameter for a statement built once)."""
    return Meeting.status.in_(COMING) & (Meeting.starts_at >= since)


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


def pack_meetings(user) -> tuple[list[Meeting], Meeting | None]:
    """What the member's phone keeps (the meeting pack): the next meeting of their own cell and
    any meeting of it today; and the last one with final minutes. Worked out once per request:
    the meetings, notes and library each list their pages of it."""
    memo = g.setdefault("pack_meetings", {})
    if user.id not in memo:
        memo[user.id] = _pack_meetings(user)
    return memo[user.id]


def _pack_meetings(user) -> tuple[list[Meeting], Meeting | None]:
    if not user.cell_id:
        return [], None
    now = utcnow()
    # Meetings whose agenda is out: published, held or closed.
    shown = select(Meeting).where(Meeting.cell_id == user.cell_id, Meeting.status.in_(PUBLISHED))
    today = datetime.combine(now.astimezone(VN).date(), time(), tzinfo=VN)
    found = list(db.session.scalars(
        shown.where(Meeting.starts_at >= today, Meeting.starts_at < today + timedelta(days=1))
        .order_by(Meeting.starts_at)))
    upcoming = next_meeting_for(user, now, own_cell=True)
    if upcoming is not None and upcoming not in found:
        found.append(upcoming)
    previous = db.session.scalar(
        shown.join(Minutes, Minutes.meeting_id == Meeting.id)
        .where(Minutes.status.in_(PUBLISHED_MINUTES), Meeting.starts_at < now)
        .order_by(Meeting.starts_at.desc()).limit(1))
    return found, (previous if previous not in found else None)


def reminders_due(now: datetime, ahead: timedelta) -> Select:
    """The meetings a reminder may be due for: coming, not begun, starting within `ahead`, and
    still only published (once its attendance is taken, the meeting has begun in all but name)."""
    return select(Meeting).where(coming(now), Meeting.status == Status.PUBLISHED,
                                 Meeting.starts_at > now, Meeting.starts_at <= now + ahead)
