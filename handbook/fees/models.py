"""The party-fee record: one row per member and month, written by the cell's treasurer or
secretary. The handbook records and reminds; it takes no payment."""

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from handbook.extensions import db
from handbook.fees.rates import DEFAULT_TABLE, PER, money, share_text
from handbook.models_base import UTCDateTime, utcnow

# Where the money went (Quy định 01-QĐ/TW, 03/02/2026: monthly on the national public-service
# portal, or in cash straight to the cell).
CHANNEL_LABELS = {"cash": "Tiền mặt cho chi bộ", "portal": "Cổng Dịch vụ công quốc gia"}


class FeeRecord(db.Model):
    """A member's fee for one month, as the cell recorded it. The category, base and share are kept
    as they were that month, so a later change of the table or of the member leaves it alone;
    amounts are whole đồng."""

    __table_args__ = (
        UniqueConstraint("user_id", "year", "month", name="uq_fee_record_user_month"),
        Index("ix_fee_record_cell_month", "cell_id", "year", "month"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # A member's own pages read by (user_id, year): the unique constraint's index serves them.
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"))
    # The cell that recorded it: its report keeps the row after the member moves away.
    cell_id: Mapped[int] = mapped_column(ForeignKey("organization.id"))
    year: Mapped[int]
    month: Mapped[int]
    category: Mapped[str] = mapped_column(String(20))  # a group of the fee table (rates.py)
    base: Mapped[int | None]
    share: Mapped[int | None]  # hundredths of a percent of the base; None for a fixed amount
    due: Mapped[int]
    paid: Mapped[int] = mapped_column(default=0)
    extra: Mapped[int] = mapped_column(default=0)  # paid of their own will beyond the due
    channel: Mapped[str] = mapped_column(String(10), default="")
    reference: Mapped[str] = mapped_column(String(40), default="")  # the portal's transaction code
    note: Mapped[str] = mapped_column(String(200), default="")
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    user = relationship("User", foreign_keys=[user_id])
    recorded_by = relationship("User", foreign_keys=[recorded_by_id])

    @property
    def unpaid(self) -> bool:
        """Nothing paid toward a due: the month the three-month rule counts."""
        return self.due > 0 and self.paid == 0

    @property
    def short(self) -> int:
        return max(self.due - self.paid, 0)

    @property
    def channel_label(self) -> str:
        return CHANNEL_LABELS.get(self.channel, "")

    @property
    def category_label(self) -> str:
        rate = DEFAULT_TABLE.get(self.category)
        return rate.label if rate else self.category

    @property
    def rate_text(self) -> str:
        """The share of the base, or the fixed amount it was: "1%", "5.000 đ/tháng"."""
        if self.share == PER:  # the whole base: the amount the committee set, written as the base
            return "mức cấp ủy hướng dẫn"
        return share_text(self.share) if self.share is not None else f"{money(self.due)}/tháng"
