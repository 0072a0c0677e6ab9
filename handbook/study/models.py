"""Tables of study programmes: the programme a committee or a cell sets, the documents and
articles it asks members to study, the study sessions (meetings) held for it, and each member's
thu hoạch (what they take from it)."""

from datetime import date, datetime

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from handbook.extensions import db
from handbook.models_base import UTCDateTime, utcnow
from handbook.versioning import versioned

HARVEST_STATUS_LABELS = {"writing": "Đang viết", "submitted": "Đã nộp chi bộ"}


class Programme(db.Model):
    """A programme for the members of an organisation's subtree (a cell: that cell alone), or its
    leaders only, to be studied between two days."""

    __tablename__ = "study_programme"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    org_id: Mapped[int] = mapped_column(ForeignKey("organization.id"), index=True)
    leaders_only: Mapped[bool] = mapped_column(default=False)
    starts_on: Mapped[date]
    ends_on: Mapped[date]
    set_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    org = relationship("Organization")
    items: Mapped[list["ProgrammeItem"]] = relationship(
        back_populates="programme", order_by="ProgrammeItem.position", cascade="all, delete-orphan",
        passive_deletes=True)
    sessions: Mapped[list["ProgrammeSession"]] = relationship(
        back_populates="programme", cascade="all, delete-orphan", passive_deletes=True)

    @property
    def document_ids(self) -> list[int]:
        return sorted({item.document_id for item in self.items})


class ProgrammeItem(db.Model):
    """A document to study, whole (`anchor` empty) or one of its articles. The article is held by
    its anchor ("dieu-3"), as quiz questions hold theirs: anchors outlive a document's new text."""

    __tablename__ = "study_item"
    __table_args__ = (UniqueConstraint("programme_id", "document_id", "anchor", name="uq_study_item"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    programme_id: Mapped[int] = mapped_column(ForeignKey("study_programme.id", ondelete="CASCADE"), index=True)
    position: Mapped[int]
    document_id: Mapped[int] = mapped_column(ForeignKey("document.id", ondelete="CASCADE"), index=True)
    anchor: Mapped[str] = mapped_column(String(80), default="")
    label: Mapped[str] = mapped_column(String(300), default="")  # the article's heading when it was picked

    programme: Mapped[Programme] = relationship(back_populates="items")
    document = relationship("Document")


class ProgrammeSession(db.Model):
    """A study session: a meeting of kind "study" of one cell, held for the programme."""

    __tablename__ = "study_session"

    id: Mapped[int] = mapped_column(primary_key=True)
    programme_id: Mapped[int] = mapped_column(ForeignKey("study_programme.id", ondelete="CASCADE"), index=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"), unique=True)

    programme: Mapped[Programme] = relationship(back_populates="sessions")
    meeting = relationship("Meeting")


class Harvest(db.Model):
    """A member's thu hoạch on a programme: theirs while they write it; once submitted, their
    cell's secretary and the committees above read it too, never other members."""

    __tablename__ = "study_harvest"
    __table_args__ = (UniqueConstraint("programme_id", "user_id", name="uq_study_harvest_member"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    programme_id: Mapped[int] = mapped_column(ForeignKey("study_programme.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    cell_id: Mapped[int] = mapped_column(ForeignKey("organization.id"), index=True)  # submitted to
    body: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(10), default="writing")
    # The version the editor's text was typed on (handbook/versioning.py).
    version: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    submitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    programme: Mapped[Programme] = relationship()
    user = relationship("User")
    cell = relationship("Organization")

    __mapper_args__ = versioned(version)

    @property
    def status_label(self) -> str:
        return HARVEST_STATUS_LABELS.get(self.status, self.status)
