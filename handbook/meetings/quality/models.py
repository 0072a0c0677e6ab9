"""The cell's own verdict on a meeting's quality."""

from datetime import datetime

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from handbook.extensions import db
from handbook.models_base import UTCDateTime, utcnow

SELF_RATINGS = {"tot": "Tốt", "kha": "Khá", "trung_binh": "Trung bình", "kem": "Kém"}


class MeetingAssessment(db.Model):
    """The cell's own verdict on a meeting's quality, with its reasons (Hướng dẫn 12-HD/BTCTW)."""

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"), unique=True)
    rating: Mapped[str] = mapped_column(String(12))  # a key of SELF_RATINGS
    reasons: Mapped[str] = mapped_column(Text, default="")
    assessed_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    assessed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    @property
    def rating_label(self) -> str:
        return SELF_RATINGS.get(self.rating, self.rating)
