"""A member's private notes (on a meeting or a library section) and their kept revisions."""

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from handbook import content_version
from handbook.extensions import db
from handbook.library.models import Section
from handbook.meetings.models import Meeting
from handbook.models_base import UTCDateTime, utcnow
from handbook.versioning import versioned

REVISION_KINDS = {
    "autosave": "Bản lưu tự động",
    "conflict": "Bản gửi cùng lúc từ thiết bị khác",
    "restore": "Bản trước khi khôi phục",
    # The member's choice after two devices saved different texts: the text set aside is kept.
    "kept-mine": "Chọn bản của máy này — bản của máy kia được giữ ở đây",
    "kept-other": "Chọn bản của máy kia — bản của máy này được giữ ở đây",
    "kept-both": "Chọn giữ cả hai bản — bản trước khi ghép được giữ ở đây",
}


class Note(db.Model):
    """One note per owner per meeting, or per owner per section; never both targets."""

    __table_args__ = (
        UniqueConstraint("owner_id", "meeting_id", name="uq_note_owner_meeting"),
        UniqueConstraint("owner_id", "section_id", name="uq_note_owner_section"),
        CheckConstraint("NOT (meeting_id IS NOT NULL AND section_id IS NOT NULL)", name="one_target"),
        Index("ix_note_owner_updated", "owner_id", "updated_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    # SET NULL, not CASCADE: a deleted meeting or a re-imported document must not take notes with it.
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meeting.id", ondelete="SET NULL"), index=True)
    section_id: Mapped[int | None] = mapped_column(ForeignKey("section.id", ondelete="SET NULL"), index=True)
    # What the note was about, kept in case the meeting or section disappears.
    context_title: Mapped[str] = mapped_column(String(500), default="")
    # Why the note is no longer on its article after a document changed (handbook/notes/relink.py).
    notice: Mapped[str] = mapped_column(String(300), default="", server_default="")
    body: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_revision_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    content_version: Mapped[int] = content_version.column()  # the note page's validator

    # Two devices saving the same note at once cannot both win; the loser's text becomes a
    # conflict revision (handbook/versioning.py, handbook/notes/editor.py).
    __mapper_args__ = versioned(version)

    meeting: Mapped[Meeting | None] = relationship()
    section: Mapped[Section | None] = relationship()
    revisions: Mapped[list["NoteRevision"]] = relationship(
        back_populates="note", order_by="NoteRevision.id.desc()", cascade="all, delete-orphan",
        passive_deletes=True,
    )


class NoteRevision(db.Model):
    """A kept text: the note as it was before a pause, an incoming text that conflicted, or
    the text replaced by a restore."""

    id: Mapped[int] = mapped_column(primary_key=True)
    note_id: Mapped[int] = mapped_column(ForeignKey("note.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(12), default="autosave")
    body: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(default=0)  # the note version this text belonged to
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    note: Mapped[Note] = relationship(back_populates="revisions")

    @property
    def kind_label(self) -> str:
        return REVISION_KINDS.get(self.kind, self.kind)
