"""Membership history, and the indexes the dashboard's per-cell, per-month queries need."""

from datetime import datetime

from sqlalchemy import ForeignKey, Index
from sqlalchemy.orm import Mapped, mapped_column, relationship

from handbook.extensions import db
from handbook.meetings.models import Meeting
from handbook.models_base import UTCDateTime, utcnow


class MembershipChange(db.Model):
    """A member moved from one cell to another (or was first placed): kept for good."""

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    from_cell_id: Mapped[int | None] = mapped_column(ForeignKey("organization.id"))
    to_cell_id: Mapped[int | None] = mapped_column(ForeignKey("organization.id"))
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    changed_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    # The merge or split that moved the member, whose day is the day of the move.
    link_id: Mapped[int | None] = mapped_column(ForeignKey("organization_link.id"))

    from_cell = relationship("Organization", foreign_keys=[from_cell_id], lazy="joined")
    to_cell = relationship("Organization", foreign_keys=[to_cell_id], lazy="joined")
    changed_by = relationship("User", foreign_keys=[changed_by_id], lazy="joined")
    link = relationship("OrganizationLink", lazy="joined")


# The dashboard reads a cell's meetings of a period: one range scan per cell.
Index("ix_meeting_cell_id_starts_at", Meeting.cell_id, Meeting.starts_at)
