"""Tables of the calendar: a member's secret feed address, and the reminders sent."""

from datetime import datetime

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from handbook.extensions import db
from handbook.models_base import UTCDateTime, utcnow


class MeetingReminder(db.Model):
    """A reminder sent for a meeting: one row per meeting, kind and start time, so each is sent
    once (two schedulers, or a retried job, meet the unique key) and a new time earns new ones."""

    __table_args__ = (UniqueConstraint("meeting_id", "kind", "starts_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(8))  # "day" or "hour"
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime)  # the time the reminder was for
    sent_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class CalendarToken(db.Model):
    """The secret in a member's subscription feed URL; regenerating replaces (revokes) it."""

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), unique=True)
    token: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
