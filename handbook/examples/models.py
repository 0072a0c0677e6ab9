"""A good example a cell or a committee registered, and its review by the committee."""

from datetime import date, datetime

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from handbook.extensions import db
from handbook.models_base import UTCDateTime, utcnow

STATUS_LABELS = {"pending": "Chờ cấp ủy duyệt", "approved": "Đã duyệt", "returned": "Không duyệt"}


class GoodExample(db.Model):
    """Who (`person`, and `member` when they are a member here), what, when, registered for
    `org` (a cell by its secretary, a committee by its admins). Members of `org`'s subtree see it
    once a committee at or above `org` approved it."""

    __tablename__ = "good_example"
    __table_args__ = (
        Index("ix_good_example_org_status", "org_id", "status"),
        Index("ix_good_example_member", "member_id", "happened_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    org_id: Mapped[int] = mapped_column(ForeignKey("organization.id"))
    member_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    person: Mapped[str] = mapped_column(String(120))
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    happened_on: Mapped[date]
    # The photo's key in handbook.storage and its type, as its first bytes showed it.
    photo_key: Mapped[str | None] = mapped_column(String(200))
    photo_type: Mapped[str] = mapped_column(String(20), default="")
    status: Mapped[str] = mapped_column(String(10), default="pending")
    review_note: Mapped[str] = mapped_column(String(500), default="")
    registered_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    reviewed_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    reviewed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    org = relationship("Organization")
    member = relationship("User", foreign_keys=[member_id])
    registered_by = relationship("User", foreign_keys=[registered_by_id])
    reviewed_by = relationship("User", foreign_keys=[reviewed_by_id])

    @property
    def status_label(self) -> str:
        return STATUS_LABELS.get(self.status, self.status)
