"""Cell meetings and their agendas."""

from datetime import datetime, timedelta
from enum import StrEnum

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from handbook import content_version
from handbook.extensions import db
from handbook.meetings.status import LABELS as STATUS_LABELS
from handbook.meetings.status import Status
from handbook.models_base import UTCDateTime, utcnow
from handbook.orgs.models import Organization
from handbook.versioning import versioned

KIND_LABELS = {"regular": "Sinh hoạt định kỳ", "thematic": "Sinh hoạt chuyên đề", "extraordinary": "Họp bất thường",
               "study": "Học tập nghị quyết"}


class Meeting(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    cell_id: Mapped[int] = mapped_column(ForeignKey("organization.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20), default="regular")
    title: Mapped[str] = mapped_column(String(300))
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    duration_minutes: Mapped[int] = mapped_column(default=90)
    location: Mapped[str] = mapped_column(String(300), default="")
    # A Status; changed only by handbook.meetings.status.move, which consults the table.
    status: Mapped[str] = mapped_column(String(12), default=Status.DRAFT.value, index=True)
    version: Mapped[int] = mapped_column(default=1)  # bumped by every change after publishing
    # The agenda's version for its editors (handbook/versioning.py): every saved edit bumps it, a
    # form typed on an older one is shown back with its text, and two saves on the same one
    # cannot both win.
    edit_seq: Mapped[int] = mapped_column(default=1, server_default="1")
    paper_author: Mapped[str] = mapped_column(String(120), default="", server_default="")  # thematic
    document_id: Mapped[int | None] = mapped_column(ForeignKey("document.id", ondelete="SET NULL"))
    checkin_code: Mapped[str | None] = mapped_column(String(8))
    checkin_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    cancelled_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    # What its page shows, in one number (handbook/content_version.py): its validator and parts cache.
    content_version: Mapped[int] = content_version.column()

    cell: Mapped[Organization] = relationship()
    document = relationship("Document")
    items: Mapped[list["AgendaItem"]] = relationship(
        back_populates="meeting", order_by="AgendaItem.position", cascade="all, delete-orphan"
    )

    __mapper_args__ = versioned(edit_seq)

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
    changed_in_version: Mapped[int | None]  # marks items edited after publishing
    # What the item is for, where the app acts on it: "review" (last month's tasks are listed
    # under it), "closing" (new items go before it); "" for the rest.
    purpose: Mapped[str] = mapped_column(String(12), default="", server_default="")

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


class AgendaChange(db.Model):
    """One saved change to a published agenda: the version it produced and what it touched."""

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"), index=True)
    version: Mapped[int]
    summary: Mapped[str] = mapped_column(Text, default="")
    changed_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class NotificationKind(StrEnum):
    """What a notification tells of. "published" and "cancelled" name what happened to the
    agenda, not a meeting's status (which only status.py names)."""

    PUBLISHED = "published"
    CHANGED = "changed"
    RESCHEDULED = "rescheduled"
    CANCELLED = "cancelled"
    MINUTES = "minutes"
    CHECKIN = "checkin"
    VOTE = "vote"
    SIGN = "sign"
    TASK = "task"
    CALENDAR = "calendar"
    REMINDER = "reminder"
    ANSWER = "answer"  # to a member's question (handbook/voice)


NOTIFICATION_KINDS = {
    NotificationKind.PUBLISHED: "Chương trình họp đã công bố",
    NotificationKind.CHANGED: "Chương trình họp thay đổi",
    NotificationKind.RESCHEDULED: "Đổi thời gian họp",
    NotificationKind.CANCELLED: "Hủy buổi họp",
    NotificationKind.MINUTES: "Biên bản đã công bố",
    NotificationKind.CHECKIN: "Mở điểm danh",
    NotificationKind.VOTE: "Biểu quyết",
    NotificationKind.SIGN: "Ký biên bản",
    NotificationKind.TASK: "Nhiệm vụ",
    NotificationKind.CALENDAR: "Địa chỉ lịch đã đổi",
    NotificationKind.ANSWER: "Trả lời câu hỏi, góp ý",
}


class Notification(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))  # a NotificationKind
    message: Mapped[str] = mapped_column(String(500))
    # Where a notification that belongs to no meeting leads (a path of this app), if anywhere.
    url: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    read_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    @property
    def kind_label(self) -> str:
        return NOTIFICATION_KINDS.get(self.kind, self.kind)


# The parts' tables live in their subpackages; imported here so the metadata (and Alembic)
# sees them, and other features find every table of meetings in this module.
from handbook.meetings.calendar.models import CalendarToken, MeetingReminder  # noqa: E402,F401
from handbook.meetings.minutes.models import (  # noqa: E402,F401
    PUBLISHED_MINUTES,
    Minutes,
    MinutesOpinion,
    MinutesRevision,
    MinutesSignature,
    MinutesStatus,
)
from handbook.meetings.quality.models import SELF_RATINGS, MeetingAssessment  # noqa: E402,F401
from handbook.meetings.tasks.models import TASK_STATUS_LABELS, Task  # noqa: E402,F401
from handbook.meetings.votes.models import Ballot, SecretChoice, SecretTally, Vote, VoteSecret  # noqa: E402,F401
