"""In-app notifications: what members are told when an agenda or minutes change.

Telling a whole cell is a job (handbook/jobs): a province's cell of 40 members means 40 rows
and, for those who allowed it, 40 pushes to phone services that may be slow; with a worker
none of it holds up the secretary's request. `members_notified` lets Web Push follow. Old
notifications are purged by the scheduler.
"""

from datetime import datetime, timedelta

from flask import has_request_context
from flask_login import current_user
from sqlalchemy import bindparam, delete, func, select, update

from handbook.auth.queries import cell_members  # noqa: F401 (the meeting's parts ask it here too)
from handbook.extensions import db
from handbook.jobs import enqueue
from handbook.meetings.models import Meeting, Notification
from handbook.models_base import utcnow
from handbook.signals import members_notified

NOTIFICATIONS_KEPT = timedelta(days=180)
# Where on the meeting page a notification (and its push) takes the member: the vote's ballot,
# the signer's own box.
ANCHORS = {"vote": "#bieu-quyet", "sign": "#ky-bien-ban"}


def actor_id() -> int | None:
    """The signed-in user's id, or None outside a request (CLI, demo seed)."""
    if has_request_context() and current_user.is_authenticated:
        return current_user.id
    return None


def notify_members(meeting: Meeting, kind: str, message: str) -> None:
    """Tells every active member of the cell (not the person acting), through a job."""
    # The queue keeps the kind as a plain word: a worker of another release reads it too.
    enqueue(tell_cell, meeting.id, str(kind), message, actor_id())


def tell_cell(meeting_id: int, kind: str, message: str, actor: int | None) -> None:
    """The job: one notification per active member of the meeting's cell but the actor."""
    meeting = db.session.get(Meeting, meeting_id)
    if meeting is not None:  # deleted since: nobody to tell
        tell(meeting, [user.id for user in cell_members(meeting.cell_id) if user.id != actor], kind, message)


def tell(meeting: Meeting, user_ids: list[int], kind: str, message: str) -> None:
    """The notifications themselves, then whoever carries them further (Web Push)."""
    message = message[:500]
    # In id order: each notification moves its member's content version (a lock on the member's
    # row till commit), and two transactions taking those locks in one order cannot deadlock.
    for user_id in sorted(user_ids):
        db.session.add(Notification(user_id=user_id, meeting_id=meeting.id, kind=kind, message=message))
    members_notified.send(meeting, user_ids=list(user_ids), kind=kind, message=message,
                          url=f"/meetings/{meeting.id}{ANCHORS.get(str(kind), '')}")


def notify_people(user_ids, kind: str, message: str, url: str) -> None:
    """Tells these members something that belongs to no meeting (an answer to their question):
    the notification links to `url`, and Web Push follows it as it follows a meeting's."""
    message = message[:500]
    user_ids = sorted(set(user_ids))
    for user_id in user_ids:
        db.session.add(Notification(user_id=user_id, kind=kind, message=message, url=url[:200]))
    members_notified.send(None, user_ids=user_ids, kind=kind, message=message, url=url)


# Built once: the bell is counted on every full page a member opens, and SQLAlchemy works out
# a cache key again for every newly built statement (as for the login session's lookup). Over
# the table, not the mapped class: a plain statement skips the ORM's compile and result steps,
# which cost more than the count itself (0.31 -> 0.12 ms on SQLite, the same one statement).
_NOTIFICATION = Notification.__table__
_UNREAD = select(func.count()).select_from(_NOTIFICATION).where(
    _NOTIFICATION.c.user_id == bindparam("user_id"), _NOTIFICATION.c.read_at.is_(None))


def unread_count(user) -> int:
    return db.session.scalar(_UNREAD, {"user_id": user.id}) or 0


def recent(user, limit: int = 50) -> list[Notification]:
    return list(db.session.scalars(
        select(Notification).where(Notification.user_id == user.id)
        .order_by(Notification.created_at.desc(), Notification.id.desc()).limit(limit)
    ))


def mark_all_read(user) -> None:
    db.session.execute(
        update(Notification).where(Notification.user_id == user.id, Notification.read_at.is_(None))
        .values(read_at=utcnow())
    )


def notify_users(meeting: Meeting | None, user_ids, kind: str, message: str) -> int:
    """One notification for each of these members (not the person acting)."""
    actor = actor_id()
    count = 0
    for user_id in sorted({u for u in user_ids if u is not None and u != actor}):  # id order: see tell
        db.session.add(Notification(user_id=user_id, meeting_id=meeting.id if meeting else None, kind=kind,
                                    message=message[:500]))
        count += 1
    return count


def purge_old_notifications(now: datetime) -> int:
    """The job: notifications older than half a year go; the meetings' own pages keep the facts."""
    result = db.session.execute(delete(Notification).where(Notification.created_at < now - NOTIFICATIONS_KEPT))
    return result.rowcount or 0
