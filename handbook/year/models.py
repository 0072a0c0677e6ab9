"""Tables of the member's year: the commitment and its evidence, the self-review, the cell's
rating of each member, and the mark that a cell has finished rating its members for a year."""

import json
from datetime import date, datetime

from sqlalchemy import Float, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from handbook.extensions import db
from handbook.models_base import UTCDateTime, utcnow
from handbook.versioning import versioned

PAPER_STATUS_LABELS = {"draft": "Bản nháp (chỉ mình đồng chí xem)", "submitted": "Đã nộp chi bộ"}


class YearTemplate(db.Model):
    """The commitment's starting text a committee sets for the cells below it."""

    id: Mapped[int] = mapped_column(primary_key=True)
    org_id: Mapped[int] = mapped_column(ForeignKey("organization.id", ondelete="CASCADE"), unique=True)
    commitment_body: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


class Commitment(db.Model):
    """A member's commitment (bản cam kết, kế hoạch làm theo) for one year."""

    __table_args__ = (UniqueConstraint("user_id", "year", name="uq_commitment_user_year"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    year: Mapped[int]
    # The cell when written: the secretary who reads it is that cell's, even after a move.
    cell_id: Mapped[int] = mapped_column(ForeignKey("organization.id"), index=True)
    body: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(10), default="draft")
    version: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    submitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    __mapper_args__ = versioned(version)

    user = relationship("User")
    evidence: Mapped[list["CommitmentEvidence"]] = relationship(
        back_populates="commitment", order_by="CommitmentEvidence.month, CommitmentEvidence.id",
        cascade="all, delete-orphan", passive_deletes=True)

    @property
    def status_label(self) -> str:
        return PAPER_STATUS_LABELS.get(self.status, self.status)


class CommitmentEvidence(db.Model):
    """A short note of what the member did in a month, or text copied from one of their notes
    (a copy: the note itself stays private)."""

    id: Mapped[int] = mapped_column(primary_key=True)
    commitment_id: Mapped[int] = mapped_column(ForeignKey("commitment.id", ondelete="CASCADE"), index=True)
    month: Mapped[int]
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    commitment: Mapped[Commitment] = relationship(back_populates="evidence")


class SelfReview(db.Model):
    """The year-end self-review (bản tự kiểm điểm) in the official parts: under Quy định
    366-QĐ/TW, on the paper of the member's kind (2A, 2B, 2C) with the points the member
    proposes for each criterion group, kept as typed until submitted."""

    __table_args__ = (UniqueConstraint("user_id", "year", name="uq_self_review_user_year"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    year: Mapped[int]
    cell_id: Mapped[int] = mapped_column(ForeignKey("organization.id"), index=True)
    political: Mapped[str] = mapped_column(Text, default="")
    ethics: Mapped[str] = mapped_column(Text, default="")
    discipline: Mapped[str] = mapped_column(Text, default="")
    tasks: Mapped[str] = mapped_column(Text, default="")
    exemplary: Mapped[str] = mapped_column(Text, default="")
    shortcomings: Mapped[str] = mapped_column(Text, default="")
    leadership: Mapped[str] = mapped_column(Text, default="", server_default="")  # paper 2B only
    self_level: Mapped[str] = mapped_column(String(12), default="")
    # The rule the paper follows ("124" for papers submitted before Quy định 366 came in).
    rule: Mapped[str] = mapped_column(String(3), default="366", server_default="366")
    # "2A", "2B" or "2C" (scoring.KINDS); "" until the member saves the paper: their default.
    kind: Mapped[str] = mapped_column(String(2), default="", server_default="")
    proposed_political: Mapped[str] = mapped_column(String(8), default="", server_default="")
    proposed_ethics: Mapped[str] = mapped_column(String(8), default="", server_default="")
    proposed_discipline: Mapped[str] = mapped_column(String(8), default="", server_default="")
    proposed_tasks: Mapped[str] = mapped_column(String(8), default="", server_default="")
    # The percent of tasks the member says were done beyond requirement.
    proposed_beyond: Mapped[str] = mapped_column(String(8), default="", server_default="")
    status: Mapped[str] = mapped_column(String(10), default="draft")
    facts: Mapped[str] = mapped_column(Text, default="")  # JSON: the app's figures, frozen at submission
    version: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    submitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    __mapper_args__ = versioned(version)

    user = relationship("User")
    cell = relationship("Organization")  # where it was written, wherever the member went since

    @property
    def status_label(self) -> str:
        return PAPER_STATUS_LABELS.get(self.status, self.status)


class ScoredMixin:
    """What a rating under Quy định 366-QĐ/TW keeps beside its level: the total the cell
    decided and its basis (points per group out of the group's maximum then, the share of tasks
    done beyond requirement, the tasks counted and those late), so it reads the same after the
    settings or the tasks change. A rating made under Quy định 124 has neither."""

    rule: Mapped[str] = mapped_column(String(3), default="366", server_default="366")
    score: Mapped[float | None] = mapped_column(Float)
    basis: Mapped[str] = mapped_column(Text, default="", server_default="")

    @property
    def basis_data(self) -> dict:
        return json.loads(self.basis) if self.basis else {}


class Rating(ScoredMixin, db.Model):
    """The cell's rating of a member for a year: a level and exemplary conduct, under the rule
    it was made by (`rule`: "124" or "366"). It belongs to the cell that gave it (`cell_id`),
    wherever the member goes afterwards."""

    __table_args__ = (
        UniqueConstraint("user_id", "year", name="uq_rating_user_year"),
        Index("ix_rating_year_cell", "year", "cell_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    year: Mapped[int]
    cell_id: Mapped[int] = mapped_column(ForeignKey("organization.id"))
    level: Mapped[str] = mapped_column(String(12))
    conduct: Mapped[str] = mapped_column(String(12))
    comment: Mapped[str] = mapped_column(Text, default="")
    # Whether the member held a leadership post when rated: the year's figures are split by it,
    # and must not change when the member's post changes later.
    leader: Mapped[bool] = mapped_column(default=False)
    vote_id: Mapped[int | None] = mapped_column(ForeignKey("vote.id", ondelete="SET NULL"))
    rated_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    rated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    user = relationship("User", foreign_keys=[user_id])


class OccasionalRating(ScoredMixin, db.Model):
    """A review "khi cần thiết" (on demand, Quy định 366-QĐ/TW): the cell rates one member on a
    day, for a reason (a transfer, a proposal for a post …), on the same scale. Not capped and
    not part of the year's finish: it is final, and shown to the member, once recorded."""

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    cell_id: Mapped[int] = mapped_column(ForeignKey("organization.id"), index=True)
    rated_on: Mapped[date]
    reason: Mapped[str] = mapped_column(String(300))
    level: Mapped[str] = mapped_column(String(12))
    conduct: Mapped[str] = mapped_column(String(12))
    comment: Mapped[str] = mapped_column(Text, default="")
    rated_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    rated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class CellYear(db.Model):
    """A cell's rating of its members for a year: open from the first rating (the row every
    rating and the finish lock, one at a time), finished once `finished_at` is set — then the
    ratings are locked and shown."""

    __table_args__ = (UniqueConstraint("cell_id", "year", name="uq_cell_year"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    cell_id: Mapped[int] = mapped_column(ForeignKey("organization.id"), index=True)
    year: Mapped[int]
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    finished_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))


class ModelCell(db.Model):
    """A cell registered by a committee to become a model cell (chi bộ kiểu mẫu) over a period,
    with the targets the committee sets on what the app measures and its other criteria."""

    __table_args__ = (UniqueConstraint("cell_id", "start_year", name="uq_model_cell_start"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    cell_id: Mapped[int] = mapped_column(ForeignKey("organization.id", ondelete="CASCADE"), index=True)
    start_year: Mapped[int]
    end_year: Mapped[int]
    # Percent targets: months with a held meeting; held meetings meeting each quality check
    # (Hướng dẫn 12 and 42); members rated "hoàn thành tốt" or better in the last finished year.
    meetings_target: Mapped[int] = mapped_column(default=100)
    quality_target: Mapped[int] = mapped_column(default=85)
    good_target: Mapped[int] = mapped_column(default=80)
    criteria: Mapped[str] = mapped_column(Text, default="")  # the committee's other criteria, one a line
    registered_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    cell = relationship("Organization")
