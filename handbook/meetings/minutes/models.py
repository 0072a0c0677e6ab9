"""Tables of the minutes: the text and its revisions, a text kept when two saves crossed,
opinions by speaker, and the chair's and note-taker's signatures."""

from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from handbook.extensions import db
from handbook.models_base import UTCDateTime, utcnow
from handbook.versioning import versioned

if TYPE_CHECKING:
    from handbook.meetings.models import Meeting


class MinutesStatus(StrEnum):
    """The minutes' own statuses, not the meeting's (handbook/meetings/status.py). Draft: never
    signed yet; final: both signed the current revision; revising: final once, then changed, so
    the current revision waits for both signatures again (members still read the last revision
    both signed)."""

    DRAFT = "draft"
    FINAL = "final"
    REVISING = "revising"


MINUTES_STATUS = {MinutesStatus.DRAFT: "Bản nháp", MinutesStatus.FINAL: "Đã hoàn thành",
                  MinutesStatus.REVISING: "Đang sửa, chờ ký lại"}
PUBLISHED_MINUTES = (MinutesStatus.FINAL, MinutesStatus.REVISING)


class Minutes(db.Model):
    """The biên bản: a draft autosaved while typing, then final (signed, published to members);
    a change to final minutes opens a new revision, to be signed again (service.py)."""

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"), unique=True)
    status: Mapped[str] = mapped_column(String(10), default=MinutesStatus.DRAFT.value)  # a MinutesStatus
    # The revision being written or signed: 1 for the first text, +1 each time final minutes change.
    revision: Mapped[int] = mapped_column(default=1)
    held_from: Mapped[str] = mapped_column(String(60), default="")
    held_to: Mapped[str] = mapped_column(String(60), default="")
    place: Mapped[str] = mapped_column(String(300), default="")
    # The names as printed; the ids are the members who sign (signoff.py).
    chair: Mapped[str] = mapped_column(String(120), default="")
    note_taker: Mapped[str] = mapped_column(String(120), default="")
    chair_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    note_taker_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    item_notes: Mapped[str] = mapped_column(Text, default="{}")  # JSON: agenda item id -> text
    conclusions: Mapped[str] = mapped_column(Text, default="")
    resolution: Mapped[str] = mapped_column(Text, default="")
    votes_for: Mapped[int | None]
    votes_against: Mapped[int | None]
    votes_abstain: Mapped[int | None]
    locked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    # Bumped by every save: secretary and deputy may type the same minutes at once, and a text
    # sent on an older version is kept in the shared conflict store (handbook/editing).
    version: Mapped[int] = mapped_column(default=0, server_default="0")

    meeting: Mapped["Meeting"] = relationship()
    revisions: Mapped[list["MinutesRevision"]] = relationship(
        back_populates="minutes", order_by="MinutesRevision.number", cascade="all, delete-orphan"
    )

    __mapper_args__ = versioned(version)

    @property
    def is_final(self) -> bool:
        return self.status == MinutesStatus.FINAL

    @property
    def is_published(self) -> bool:
        """Signed once: members read the last revision both signed."""
        return self.status in PUBLISHED_MINUTES


class MinutesRevision(db.Model):
    """One revision of the minutes: the first is the text first signed, each later one is opened
    by a change to final minutes, with its reason. Once both signed it, `snapshot` holds its whole
    content as signed and `content_hash` the sha256 both signatures carry (digest.py)."""

    __table_args__ = (UniqueConstraint("minutes_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    minutes_id: Mapped[int] = mapped_column(ForeignKey("minutes.id", ondelete="CASCADE"), index=True)
    number: Mapped[int]
    reason: Mapped[str] = mapped_column(String(500), default="")
    snapshot: Mapped[str | None] = mapped_column(Text)  # JSON of the content; None while waiting
    content_hash: Mapped[str | None] = mapped_column(String(64))  # None while waiting
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))  # who opened it
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    final_at: Mapped[datetime | None] = mapped_column(UTCDateTime)  # when the second signature came

    minutes: Mapped[Minutes] = relationship(back_populates="revisions")
    created_by = relationship("User")

    @property
    def is_signed(self) -> bool:
        return self.content_hash is not None


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
    sha256 of the whole content they read (digest.py): it counts only beside that very
    content, so a later change leaves it standing on the text it was given for. One per role and
    revision; signing the same revision again (after a change) replaces it."""

    __table_args__ = (UniqueConstraint("minutes_id", "revision", "role"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    minutes_id: Mapped[int] = mapped_column(ForeignKey("minutes.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(12))  # a key of SIGN_ROLES
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id"), index=True)  # a rename bumps their meetings
    revision: Mapped[int] = mapped_column(default=1, server_default="1")
    content_hash: Mapped[str | None] = mapped_column(String(64))  # None: given before hashes were kept
    version: Mapped[int]  # the minutes' version the signer's page was loaded on
    signed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    user = relationship("User")
