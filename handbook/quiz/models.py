"""Tables of the quizzes: question banks with their questions and choices, the quizzes a
committee or a cell sets on a bank, and each member's attempts with the questions drawn for them."""

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from handbook.extensions import db
from handbook.models_base import UTCDateTime, utcnow

KIND_LABELS = {"single": "Chọn một đáp án", "multiple": "Chọn một hoặc nhiều đáp án"}
LETTERS = "ABCDEF"  # a question has two to six choices, shown with these letters
# An attempt not yet handed in; at most one per member at a time (the index below).
OPEN = text("submitted_at IS NULL")


class QuestionBank(db.Model):
    """Questions on a document (or several), owned by an organisation: a committee's bank serves
    every cell below it, a cell's bank that cell only."""

    __tablename__ = "quiz_bank"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    org_id: Mapped[int] = mapped_column(ForeignKey("organization.id"), index=True)
    # The document most questions are on: a CSV row that names none is taken to be on it.
    document_id: Mapped[int | None] = mapped_column(ForeignKey("document.id", ondelete="SET NULL"))
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    org = relationship("Organization")
    document = relationship("Document")
    questions: Mapped[list["Question"]] = relationship(
        back_populates="bank", order_by="Question.position", cascade="all, delete-orphan", passive_deletes=True)


class Question(db.Model):
    """A single- or multiple-choice question, linked to the article that answers it. The link is
    the document and the article's anchor ("dieu-5"): anchors outlive a document's new text."""

    __tablename__ = "quiz_question"

    id: Mapped[int] = mapped_column(primary_key=True)
    bank_id: Mapped[int] = mapped_column(ForeignKey("quiz_bank.id", ondelete="CASCADE"), index=True)
    position: Mapped[int]
    kind: Mapped[str] = mapped_column(String(10), default="single")
    text: Mapped[str] = mapped_column(Text)
    document_id: Mapped[int | None] = mapped_column(ForeignKey("document.id", ondelete="SET NULL"))
    anchor: Mapped[str] = mapped_column(String(80), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    bank: Mapped[QuestionBank] = relationship(back_populates="questions")
    document = relationship("Document")
    choices: Mapped[list["Choice"]] = relationship(
        back_populates="question", order_by="Choice.position", cascade="all, delete-orphan", passive_deletes=True)

    @property
    def kind_label(self) -> str:
        return KIND_LABELS.get(self.kind, self.kind)


class Choice(db.Model):
    __tablename__ = "quiz_choice"

    id: Mapped[int] = mapped_column(primary_key=True)
    question_id: Mapped[int] = mapped_column(ForeignKey("quiz_question.id", ondelete="CASCADE"), index=True)
    position: Mapped[int]
    text: Mapped[str] = mapped_column(Text)
    # The key: read by the server when it marks an answer, never written into a page before the
    # attempt is handed in.
    correct: Mapped[bool] = mapped_column(default=False)

    question: Mapped[Question] = relationship(back_populates="choices")


class Quiz(db.Model):
    """A timed quiz drawn from a bank for the members of an organisation's subtree (or its
    leaders only), open between two moments, with the attempts each member is allowed."""

    __tablename__ = "quiz"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    bank_id: Mapped[int] = mapped_column(ForeignKey("quiz_bank.id"), index=True)
    org_id: Mapped[int] = mapped_column(ForeignKey("organization.id"), index=True)
    leaders_only: Mapped[bool] = mapped_column(default=False)
    question_count: Mapped[int]
    minutes: Mapped[int]
    attempts_allowed: Mapped[int] = mapped_column(default=1)
    opens_at: Mapped[datetime] = mapped_column(UTCDateTime)
    closes_at: Mapped[datetime] = mapped_column(UTCDateTime)
    set_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    bank: Mapped[QuestionBank] = relationship()
    org = relationship("Organization")


class Attempt(db.Model):
    """One sitting of a quiz by a member. The server's clock is the only one: the deadline is
    fixed when the attempt starts, and a reload or another device sees the same one."""

    __tablename__ = "quiz_attempt"
    __table_args__ = (
        UniqueConstraint("quiz_id", "user_id", "number", name="uq_quiz_attempt_number"),
        # One attempt open at a time per member, whatever the quiz: two tabs or two phones
        # starting at once make one attempt, not two.
        Index("ix_quiz_attempt_one_open", "user_id", unique=True, sqlite_where=OPEN, postgresql_where=OPEN),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    quiz_id: Mapped[int] = mapped_column(ForeignKey("quiz.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    number: Mapped[int]
    started_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    deadline: Mapped[datetime] = mapped_column(UTCDateTime)
    submitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    auto_submitted: Mapped[bool] = mapped_column(default=False)  # handed in by the clock, not the member
    score: Mapped[int | None]  # questions answered right, set when handed in
    total: Mapped[int]

    quiz: Mapped[Quiz] = relationship()
    user = relationship("User")
    items: Mapped[list["AttemptItem"]] = relationship(
        back_populates="attempt", order_by="AttemptItem.position", cascade="all, delete-orphan", passive_deletes=True)

    @property
    def percent(self) -> int:
        return round(100 * (self.score or 0) / self.total) if self.total else 0


class AttemptItem(db.Model):
    """A question drawn for an attempt, where it stands on the member's page, the order its
    choices are shown in (stored, so a reload shows the same page) and the answer saved so far."""

    __tablename__ = "quiz_attempt_item"
    __table_args__ = (UniqueConstraint("attempt_id", "position", name="uq_quiz_attempt_item_position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    attempt_id: Mapped[int] = mapped_column(ForeignKey("quiz_attempt.id", ondelete="CASCADE"), index=True)
    position: Mapped[int]
    question_id: Mapped[int] = mapped_column(ForeignKey("quiz_question.id"), index=True)
    choice_order: Mapped[str] = mapped_column(String(200))  # choice ids, comma-separated, as shown
    chosen: Mapped[str] = mapped_column(String(200), default="")  # choice ids the member picked
    # Marked by the server as each answer is saved; read only once the attempt is handed in.
    correct: Mapped[bool] = mapped_column(default=False)
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    attempt: Mapped[Attempt] = relationship(back_populates="items")
    question: Mapped[Question] = relationship()

    @property
    def order(self) -> list[int]:
        return [int(part) for part in self.choice_order.split(",") if part]

    @property
    def chosen_ids(self) -> list[int]:
        return [int(part) for part in self.chosen.split(",") if part]
