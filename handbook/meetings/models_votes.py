"""Tables of the cell's votes: the vote, who voted, and the secret ballots' counts.

A secret vote keeps who voted (one `Ballot` per member, its `choice` empty) apart from what
was chosen (`SecretTally`, a count per choice): no row names both a member and a choice. An
open vote keeps each member's choice on their ballot.
"""

import json
from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from handbook.extensions import db
from handbook.models_base import UTCDateTime, utcnow

VOTE_STATUS_LABELS = {"open": "Đang biểu quyết", "closed": "Đã có kết quả", "annulled": "Kết quả đã hủy"}


class Vote(db.Model):
    __table_args__ = (
        # One open vote per meeting: two "Mở biểu quyết" taps cannot both open one.
        Index("uq_vote_open_per_meeting", "meeting_id", unique=True,
              sqlite_where=text("status = 'open'"), postgresql_where=text("status = 'open'")),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"), index=True)
    item_id: Mapped[int | None] = mapped_column(ForeignKey("agenda_item.id", ondelete="SET NULL"))
    kind: Mapped[str] = mapped_column(String(20))  # a key of vote_rules.KINDS
    question: Mapped[str] = mapped_column(String(300))
    choices: Mapped[str] = mapped_column(Text)  # JSON list of labels
    secret: Mapped[bool] = mapped_column(default=False)
    # open -> closed -> annulled; changed only by handbook.meetings.votes (its MOVES table).
    status: Mapped[str] = mapped_column(String(10), default="open")
    subject_user_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    hand_counts: Mapped[str | None] = mapped_column(Text)  # JSON list: the show of hands, per choice
    counts: Mapped[str | None] = mapped_column(Text)  # JSON list: phones and hands, frozen at closing
    basis: Mapped[str | None] = mapped_column(Text)  # JSON vote_rules.Basis, frozen at closing
    opened_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    opened_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    annulled_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    annulled_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    annulled_reason: Mapped[str] = mapped_column(String(500), default="")
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    item = relationship("AgendaItem")
    subject = relationship("User", foreign_keys=[subject_user_id])

    @property
    def choice_list(self) -> list[str]:
        return json.loads(self.choices)

    @property
    def status_label(self) -> str:
        return VOTE_STATUS_LABELS.get(self.status, self.status)


class Ballot(db.Model):
    """A member's vote. Open vote: the choice. Secret vote: no choice, only `receipt`, the hash
    of a token held in the member's own session, so only that device may change the ballot."""

    __table_args__ = (UniqueConstraint("vote_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    vote_id: Mapped[int] = mapped_column(ForeignKey("vote.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    choice: Mapped[int | None]
    receipt: Mapped[str | None] = mapped_column(String(64))


class SecretTally(db.Model):
    """How many phone ballots of a secret vote chose each choice; it names no one."""

    __table_args__ = (UniqueConstraint("vote_id", "choice"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    vote_id: Mapped[int] = mapped_column(ForeignKey("vote.id", ondelete="CASCADE"), index=True)
    choice: Mapped[int]
    count: Mapped[int] = mapped_column(default=0)
