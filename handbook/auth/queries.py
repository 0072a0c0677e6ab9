"""What other features read of the accounts, as questions rather than tables: a cell's members,
how many there are, an account by its id. A feature that only reads accounts asks here, so the
rule "a member of a cell is an active account whose cell it is" is written once."""

from sqlalchemy import func, select

from handbook.auth.models import User
from handbook.collation import vi_order
from handbook.extensions import db


def cell_members(cell_id: int) -> list[User]:
    """The cell's active members by their Vietnamese name (then id, so equal names keep a place)."""
    return list(db.session.scalars(select(User).where(User.cell_id == cell_id, User.active.is_(True))
                                   .order_by(vi_order(User.full_name), User.id)))


def cell_member_count(cell_id: int) -> int:
    return db.session.scalar(select(func.count(User.id)).where(User.cell_id == cell_id, User.active.is_(True)))


def user_by_id(user_id) -> User | None:
    """The account with this id, or None (also for an id that is not a whole number)."""
    return db.session.get(User, user_id) if isinstance(user_id, int) and not isinstance(user_id, bool) else None
