"""In-app notifications: what members are told when an agenda or minutes change."""

from flask import has_request_context
from flask_login import current_user
from sqlalchemy import func, select, update

from handbook.auth.models import User
from handbook.collation import vi_order
from handbook.extensions import db
from handbook.meetings.models import Meeting, Notification
from handbook.models_base import utcnow


def cell_members(cell_id: int) -> list[User]:
    return list(db.session.scalars(
        select(User).where(User.cell_id == cell_id, User.active.is_(True)).order_by(vi_order(User.full_name))
    ))


def actor_id() -> int | None:
    """The signed-in user's id, or None outside a request (CLI, demo seed)."""
    if has_request_context() and current_user.is_authenticated:
        return current_user.id
    return None


def notify_members(meeting: Meeting, kind: str, message: str) -> int:
    """Adds one notification per active member of the cell (not the person acting)."""
    actor = actor_id()
    count = 0
    for user in cell_members(meeting.cell_id):
        if user.id != actor:
            db.session.add(Notification(user_id=user.id, meeting_id=meeting.id, kind=kind, message=message[:500]))
            count += 1
    return count


def unread_count(user) -> int:
    return db.session.scalar(
        select(func.count(Notification.id)).where(Notification.user_id == user.id, Notification.read_at.is_(None))
    ) or 0


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
    for user_id in {u for u in user_ids if u is not None and u != actor}:
        db.session.add(Notification(user_id=user_id, meeting_id=meeting.id if meeting else None, kind=kind,
                                    message=message[:500]))
        count += 1
    return count
