"""Cell meetings and their agendas."""

from datetime import datetime, timedelta

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from handbook.extensions import db
from handbook.models_base import UTCDateTime, utcnow
from handbook.orgs.models import Organization

KIND_LABELS = {"regular": "Sinh hoạt định kỳ", "thematic": "Sinh hoạt chuyên đề", "extraordinary": "Họp bất thường"}
STATUS_LABELS = {
    "draft": "Bản nháp",
    "published": "Đã công bố",
    "held": "Đã họp",
    "closed": "Đã kết thúc",
    "cancelled": "Đã hủy",
}


class Meeting(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    cell_id: Mapped[int] = mapped_column(ForeignKey("organization.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20), default="regular")
    title: Mapped[str] = mapped_column(String(300))
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    duration_minutes: Mapped[int] = mapped_column(default=90)
    location: Mapped[str] = mapped_column(String(300), default="")
    status: Mapped[str] = mapped_column(String(12), default="draft", index=True)
    version: Mapped[int] = mapped_column(default=1)
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    cell: Mapped[Organization] = relationship()
    items: Mapped[list["AgendaItem"]] = relationship(
        back_populates="meeting", order_by="AgendaItem.position", cascade="all, delete-orphan"
    )

    @property
    def ends_at(self) -> datetime:
        return self.starts_at + timedelta(minutes=self.duration_minutes)

    @property
    def kind_label(self) -> str:
        return KIND_LABELS.get(self.kind, self.kind)

    @property
    def status_label(self) -> str:
        return STATUS_LABELS.get(self.status, self.status)


class AgendaItem(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"), index=True)
    position: Mapped[int]
    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(Text, default="")  # limited Markdown
    presenter: Mapped[str] = mapped_column(String(120), default="")
    planned_minutes: Mapped[int | None]

    meeting: Mapped[Meeting] = relationship(back_populates="items")
    links: Mapped[list["AgendaLink"]] = relationship(
        back_populates="item", cascade="all, delete-orphan", lazy="selectin"
    )


class AgendaLink(db.Model):
    """An agenda item points members at library sections to read beforehand."""

    __table_args__ = (UniqueConstraint("item_id", "section_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("agenda_item.id", ondelete="CASCADE"), index=True)
    section_id: Mapped[int] = mapped_column(ForeignKey("section.id", ondelete="CASCADE"), index=True)

    item: Mapped[AgendaItem] = relationship(back_populates="links")
    section: Mapped["Section"] = relationship(lazy="joined")  # noqa: F821


from handbook.library.models import Section  # noqa: E402,F401  (resolves the relationship)


class Rsvp(db.Model):
    """A member's answer: attending, or absent with a reason. Reset when the date changes."""

    __table_args__ = (UniqueConstraint("meeting_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    attending: Mapped[bool]
    reason: Mapped[str] = mapped_column(String(500), default="")
    answered_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


ATTENDANCE_LABELS = {"present": "Có mặt", "excused": "Vắng có lý do", "absent": "Vắng không lý do"}


class Attendance(db.Model):
    __table_args__ = (UniqueConstraint("meeting_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    status: Mapped[str] = mapped_column(String(10))  # present / excused / absent
    reason: Mapped[str] = mapped_column(String(500), default="")
    checked_in_by_self: Mapped[bool] = mapped_column(default=False)
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class ReadReceipt(db.Model):
    """First time a member opened a published agenda."""

    __table_args__ = (UniqueConstraint("meeting_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    read_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
