"""Tables of the meeting's record beyond the minutes' text: opinions by speaker, the chair's
and note-taker's signatures, the resolution's tasks, and the cell's self-assessment."""

from datetime import date, datetime

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from handbook.extensions import db
from handbook.models_base import UTCDateTime, utcnow


class MinutesOpinion(db.Model):
    """What one speaker said on one agenda item, as the note-taker wrote it down."""

    id: Mapped[int] = mapped_column(primary_key=True)
    minutes_id: Mapped[int] = mapped_column(ForeignKey("minutes.id", ondelete="CASCADE"), index=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("agenda_item.id", ondelete="CASCADE"), index=True)
    speaker_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    speaker_name: Mapped[str] = mapped_column(String(120))  # as printed, kept if the account changes
    text: Mapped[str] = mapped_column(Text)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


SIGN_ROLES = {"chair": "Chủ trì", "note_taker": "Thư ký"}


class MinutesSignature(db.Model):
    """The chair's or the note-taker's confirmation of one revision of the minutes, bound to the
    sha256 of the whole content they read (minutes_digest.py): it counts only beside that very
    content, so a later change leaves it standing on the text it was given for. One per role and
    revision; signing the same revision again (after a change) replaces it."""

    __table_args__ = (UniqueConstraint("minutes_id", "revision", "role"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    minutes_id: Mapped[int] = mapped_column(ForeignKey("minutes.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(12))  # a key of SIGN_ROLES
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id"))
    revision: Mapped[int] = mapped_column(default=1, server_default="1")
    content_hash: Mapped[str | None] = mapped_column(String(64))  # None: given before hashes were kept
    version: Mapped[int]  # the minutes' version the signer's page was loaded on
    signed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    user = relationship("User")


TASK_STATUS_LABELS = {"in_progress": "Đang thực hiện", "done": "Đã xong", "late": "Quá hạn",
                      "done_late": "Xong, trễ hạn"}


class Task(db.Model):
    """A task the resolution gives a member, or the whole cell (no owner), by a date."""

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"), index=True)
    cell_id: Mapped[int] = mapped_column(ForeignKey("organization.id"), index=True)
    title: Mapped[str] = mapped_column(String(300))
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"), index=True)
    due_on: Mapped[date]
    status: Mapped[str] = mapped_column(String(12), default="in_progress")  # in_progress / done
    done_on: Mapped[date | None]
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    owner = relationship("User", foreign_keys=[owner_id])
    meeting = relationship("Meeting")

    def state(self, today: date) -> str:
        """done, done_late, late (not done, past its date) or in_progress."""
        if self.status == "done":
            return "done_late" if self.done_on and self.done_on > self.due_on else "done"
        return "late" if self.due_on < today else "in_progress"

    def state_label(self, today: date) -> str:
        return TASK_STATUS_LABELS[self.state(today)]


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
