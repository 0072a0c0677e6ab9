"""Tables of the cell's votes: the vote, who voted, and the secret ballots' choices and counts.

A secret vote keeps who voted (one `Ballot` per member, its `choice` empty) apart from what
was chosen: while it is open, a `SecretChoice` per ballot under a key only the vote's own
secret (`VoteSecret`) links to a member; once closed, only `SecretTally`, a count per choice.
Why it is built so, and what it cannot hide: secret_ballot.py. An open vote keeps each
member's choice on their ballot.
"""

import json
from datetime import datetime
from enum import StrEnum

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from handbook.extensions import db
from handbook.models_base import UTCDateTime, utcnow


class VoteStatus(StrEnum):
    """A vote's own statuses, not a meeting's (handbook/meetings/status.py): open -> closed ->
    annulled, changed only through the votes service's MOVES."""

    OPEN = "open"
    CLOSED = "closed"
    ANNULLED = "annulled"


VOTE_STATUS_LABELS = {VoteStatus.OPEN: "Đang biểu quyết", VoteStatus.CLOSED: "Đã có kết quả",
                      VoteStatus.ANNULLED: "Kết quả đã hủy"}


class Vote(db.Model):
    __table_args__ = (
        # One open vote per meeting: two "Mở biểu quyết" taps cannot both open one.
        Index("uq_vote_open_per_meeting", "meeting_id", unique=True,
              sqlite_where=text(f"status = '{VoteStatus.OPEN}'"),
              postgresql_where=text(f"status = '{VoteStatus.OPEN}'")),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"), index=True)
    item_id: Mapped[int | None] = mapped_column(ForeignKey("agenda_item.id", ondelete="SET NULL"))
    kind: Mapped[str] = mapped_column(String(20))  # a key of rules.KINDS
    question: Mapped[str] = mapped_column(String(300))
    choices: Mapped[str] = mapped_column(Text)  # JSON list of labels
    secret: Mapped[bool] = mapped_column(default=False)
    # A VoteStatus; changed only by the votes service (its MOVES table).
    status: Mapped[str] = mapped_column(String(10), default=VoteStatus.OPEN.value)
    # An election of several people on one ballot (election.py): how many are to be elected;
    # each ballot then picks up to `seats` candidates. None: one choice per ballot.
    seats: Mapped[int | None]
    subject_user_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    hand_counts: Mapped[str | None] = mapped_column(Text)  # JSON list: the show of hands, per choice
    counts: Mapped[str | None] = mapped_column(Text)  # JSON list: phones and hands, frozen at closing
    basis: Mapped[str | None] = mapped_column(Text)  # JSON rules.Basis, frozen at closing
    ballots: Mapped[int | None]  # an election's valid ballots (phones and hands), frozen at closing
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
    """A member's vote by phone. Open vote: the choice. Secret vote: only that the member voted
    (no choice, no time), rewritten at closing in the members' order."""

    __table_args__ = (UniqueConstraint("vote_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    vote_id: Mapped[int] = mapped_column(ForeignKey("vote.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    # An election's ballot (`Vote.seats`): the candidates picked, as bits (election.as_bits).
    choice: Mapped[int | None]


class VoteSecret(db.Model):
    """An open secret vote's key to its ballots (hex), made at opening, deleted at closing; a
    table of its own, kept as small as the votes open now, so closing can rewrite it whole."""

    vote_id: Mapped[int] = mapped_column(ForeignKey("vote.id", ondelete="CASCADE"), primary_key=True)
    secret: Mapped[str] = mapped_column(String(64))


class SecretChoice(db.Model):
    """What one ballot of an open secret vote chose, under `key`, the HMAC of the member's id by
    the vote's secret: no member id, no time, no row number. All are deleted at closing."""

    vote_id: Mapped[int] = mapped_column(ForeignKey("vote.id", ondelete="CASCADE"), primary_key=True)
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    choice: Mapped[int]  # an election's: the candidates picked, as bits (one row per ballot all the same)


class SecretTally(db.Model):
    """How many phone ballots of a secret vote chose each choice, written at closing in the
    choices' order; it names no one."""

    __table_args__ = (UniqueConstraint("vote_id", "choice"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    vote_id: Mapped[int] = mapped_column(ForeignKey("vote.id", ondelete="CASCADE"), index=True)
    choice: Mapped[int]
    count: Mapped[int] = mapped_column(default=0)
