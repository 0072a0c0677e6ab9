"""Accounts, roles and server-side login sessions."""

from datetime import date, datetime

from flask_login import UserMixin
from sqlalchemy import ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from handbook import content_version
from handbook.extensions import db
from handbook.models_base import UTCDateTime, utcnow
from handbook.orgs.models import Organization

# Where a member stands for the cell's meetings and votes. Only "regular" members are all
# counted; the others change the base of a vote (handbook/meetings/votes/rules.py).
STANDING_LABELS = {
    "regular": "Sinh hoạt bình thường",
    "exempt": "Được miễn sinh hoạt",
    "away": "Sinh hoạt tạm thời nơi khác",
    "suspended": "Đình chỉ sinh hoạt, bị khởi tố, truy tố hoặc tạm giam",
}

ROLE_LABELS = {
    "secretary": "Bí thư chi bộ",
    "deputy": "Phó bí thư chi bộ",
    "admin": "Quản trị cấp ủy",
    "treasurer": "Thủ quỹ chi bộ (thu đảng phí)",
}


class User(UserMixin, db.Model):
    # The member list is read in name order: its first page, and a search's many matches,
    # walk this index instead of sorting the whole subtree (migration 0008_idx).
    __table_args__ = (Index("ix_user_full_name", "full_name", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    full_name: Mapped[str] = mapped_column(String(120))
    card_number: Mapped[str | None] = mapped_column(String(20), unique=True)
    phone: Mapped[str | None] = mapped_column(String(20), unique=True)
    date_of_birth: Mapped[date | None]
    sex: Mapped[str | None] = mapped_column(String(10))
    admitted_on: Mapped[date | None]
    official_on: Mapped[date | None]
    holds_leadership_post: Mapped[bool] = mapped_column(default=False)
    party_standing: Mapped[str] = mapped_column(String(12), default="regular", server_default="regular")
    active: Mapped[bool] = mapped_column(default=True)
    cell_id: Mapped[int | None] = mapped_column(ForeignKey("organization.id"), index=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    must_change_password: Mapped[bool] = mapped_column(default=True)
    font_step: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_login_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # What every page shows of the member (the bell, their marks in the reader), in one number
    # (handbook/content_version.py): part of every page's validator.
    content_version: Mapped[int] = content_version.column()

    cell: Mapped[Organization | None] = relationship()
    roles: Mapped[list["RoleAssignment"]] = relationship(
        back_populates="user", cascade="all, delete-orphan", lazy="selectin"
    )
    # Kept in step with username, card number and phone by handbook/auth/identifiers.py.
    identifiers: Mapped[list["LoginIdentifier"]] = relationship(
        back_populates="user", cascade="all, delete-orphan", passive_deletes=True
    )

    def is_probationary(self, on: date) -> bool:
        """Admitted but not yet official on `on` (a member without either date is taken as official:
        the record is incomplete, and the committee fills the dates in)."""
        return self.admitted_on is not None and (self.official_on is None or self.official_on > on)

    @property
    def standing_label(self) -> str:
        return STANDING_LABELS.get(self.party_standing, self.party_standing)

    @property
    def is_active(self) -> bool:  # Flask-Login refuses inactive accounts
        return self.active

    def __repr__(self) -> str:
        return f"<User {self.username}>"


class RoleAssignment(db.Model):
    """A role held on an organisation: secretary/deputy of a cell, admin of a subtree."""

    __table_args__ = (UniqueConstraint("user_id", "org_id", "role"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    org_id: Mapped[int] = mapped_column(ForeignKey("organization.id"), index=True)
    role: Mapped[str] = mapped_column(String(20))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    user: Mapped[User] = relationship(back_populates="roles")
    org: Mapped[Organization] = relationship(lazy="joined")

    @property
    def label(self) -> str:
        return ROLE_LABELS.get(self.role, self.role)


class LoginIdentifier(db.Model):
    """A text that logs an account in (login name, card number, phone), normalised. Unique
    across all of them: one text can only ever mean one account, whichever kind it is."""

    id: Mapped[int] = mapped_column(primary_key=True)
    value: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)

    user: Mapped[User] = relationship(back_populates="identifiers")


class LoginSession(db.Model):
    """One row per logged-in device, so logout and timeouts end it on the server."""

    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_seen_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    user_agent: Mapped[str] = mapped_column(String(200), default="")
