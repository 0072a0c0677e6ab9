"""The resolution's tasks: what, who (a member, or the whole cell), by when, and how they stand."""

from datetime import date, datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from handbook.extensions import db
from handbook.models_base import UTCDateTime, utcnow

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
