"""Setting a quiz on a bank for an organisation, and the quizzes a member is asked to take."""

import functools
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import bindparam, func, select

from handbook.audit import record
from handbook.domain import DomainError
from handbook.extensions import db
from handbook.models_base import utcnow
from handbook.orgs.queries import member_cell
from handbook.quiz import messages as msg
from handbook.quiz.access import setter_orgs, usable_bank
from handbook.quiz.models import Attempt, Question, QuestionBank, Quiz
from handbook.timefmt import vn_datetime


def set_quiz(user, *, title: str, bank: QuestionBank | None, org_id: int | None, leaders_only: bool,
             question_count: int, minutes: int, attempts_allowed: int, opens_at: datetime,
             closes_at: datetime) -> Quiz:
    org = next((o for o in setter_orgs(user) if o.id == org_id), None)
    if org is None:
        raise DomainError(msg.ORG_NOT_YOURS, field="org_id")
    if bank is None or not usable_bank(user, bank):
        raise DomainError(msg.BANK_NOT_USABLE, field="bank_id")
    count = db.session.scalar(select(func.count()).where(Question.bank_id == bank.id))
    if question_count > count:
        raise DomainError(msg.COUNT_TOO_BIG.format(bank=bank.title, count=count), field="question_count")
    if closes_at <= opens_at:
        raise DomainError(msg.CLOSES_BEFORE_OPENS, field="closes_at")
    if closes_at <= utcnow():
        raise DomainError(msg.CLOSES_IN_PAST, field="closes_at")
    quiz = Quiz(title=title.strip(), bank_id=bank.id, org_id=org.id, leaders_only=leaders_only,
                question_count=question_count, minutes=minutes, attempts_allowed=attempts_allowed,
                opens_at=opens_at, closes_at=closes_at, set_by_id=user.id)
    db.session.add(quiz)
    db.session.flush()
    record("quiz.set", org=org, target=quiz, actor=user,
           summary=f"{quiz.title}: {question_count} câu, {minutes} phút, {attempts_allowed} lượt; "
                   f"mở {vn_datetime(opens_at)} — đóng {vn_datetime(closes_at)}")
    return quiz


def _audience_clause(user):
    """A WHERE clause on Quiz: set for the member's cell or an organisation above it, for them."""
    return audience_clause(user.cell.ancestor_ids(), user.holds_leadership_post)


def audience_clause(orgs, leader: bool):
    """The same for a member of `orgs` (the cell and those above it: ids, or a bound parameter)."""
    clause = Quiz.org_id.in_(orgs)
    return clause if leader else clause & Quiz.leaders_only.is_(False)


@dataclass
class Standing:
    """A quiz as one member stands with it."""

    quiz: Quiz
    used: int  # attempts made
    best: int | None  # best score, in questions right, of the attempts handed in
    open_attempt_id: int | None

    @property
    def can_start(self) -> bool:
        return self.open_attempt_id is None and self.used < self.quiz.attempts_allowed


def standings(user, *, open_now: bool) -> list[Standing]:
    """The member's quizzes (open now, or all they were asked to take), with their attempts, in two
    statements."""
    if not user.is_authenticated or user.cell is None:
        return []
    now = utcnow()
    query = select(Quiz).where(_audience_clause(user))
    if open_now:
        query = query.where(Quiz.opens_at <= now, Quiz.closes_at > now).order_by(Quiz.closes_at)
    else:
        query = query.where(Quiz.opens_at <= now).order_by(Quiz.opens_at.desc()).limit(50)
    quizzes = list(db.session.scalars(query))
    if not quizzes:
        return []
    rows = db.session.execute(
        select(Attempt.quiz_id, func.count(), func.max(Attempt.score),
               func.max(Attempt.id).filter(Attempt.submitted_at.is_(None)))
        .where(Attempt.user_id == user.id, Attempt.quiz_id.in_([q.id for q in quizzes]))
        .group_by(Attempt.quiz_id)).all()
    mine = {quiz_id: (used, best, open_id) for quiz_id, used, best, open_id in rows}
    return [Standing(quiz, *mine.get(quiz.id, (0, None, None))) for quiz in quizzes]


@dataclass(frozen=True)
class Pending:
    """An open quiz on the home card: what its line shows, and the attempt under way if any."""

    quiz_id: int
    title: str
    question_count: int
    minutes: int
    closes_at: datetime
    open_attempt_id: int | None


@functools.cache
def _pending_statement(leader: bool):
    # Built once per shape and reused: SQLAlchemy then skips building the expression and its
    # cache key on every home page, which cost more than the query itself.
    mine = Attempt.quiz_id == Quiz.id, Attempt.user_id == bindparam("user_id")
    used = select(func.count(Attempt.id)).where(*mine).scalar_subquery()
    under_way = select(func.max(Attempt.id)).where(*mine, Attempt.submitted_at.is_(None)).scalar_subquery()
    return (select(Quiz.id, Quiz.title, Quiz.question_count, Quiz.minutes, Quiz.closes_at, under_way,
                   Quiz.attempts_allowed, used)
            .where(audience_clause(bindparam("orgs", expanding=True), leader),
                   Quiz.opens_at <= bindparam("now"), Quiz.closes_at > bindparam("now"))
            .order_by(Quiz.closes_at))


def pending_for(user) -> list[Pending]:
    """Open quizzes the member may still start or is taking: the home page's card, in one
    statement (the member's attempts counted beside each quiz), with only the columns it shows."""
    cell = member_cell(user)
    if cell is None:
        return []
    # On the session's connection: plain columns need none of the ORM's per-statement work.
    rows = db.session.connection().execute(_pending_statement(bool(user.holds_leadership_post)),
                                           {"user_id": user.id, "orgs": cell.ancestor_ids(), "now": utcnow()})
    # Standing.can_start's rule: no attempt under way and attempts left.
    return [Pending(*row[:6]) for row in rows if row[5] is not None or row[7] < row[6]]


def bank_counts(banks: list[QuestionBank]) -> dict[int, int]:
    if not banks:
        return {}
    return dict(db.session.execute(select(Question.bank_id, func.count()).where(
        Question.bank_id.in_([b.id for b in banks])).group_by(Question.bank_id)).all())


def audience_label(quiz: Quiz) -> str:
    who = "cán bộ lãnh đạo, quản lý" if quiz.leaders_only else "đảng viên"
    return f"{who} thuộc {quiz.org.name}"

