"""A quiz's figures for a committee's subtree or a cell: who must take part and who finished,
per cell, and how the best scores spread over bands; the same as CSV rows.

An attempt whose time ran out counts as finished with what it saved, even before the scheduler
or its member's next request hands it in."""

from dataclasses import dataclass, field

from sqlalchemy import case, func, or_, select

from handbook.auth.models import User
from handbook.collation import vi_order
from handbook.extensions import db
from handbook.models_base import utcnow
from handbook.orgs.models import Organization
from handbook.quiz.attempts import GRACE
from handbook.quiz.models import Attempt, AttemptItem, Quiz

# Share of the questions right in a member's best attempt: (label, from %, below %).
BANDS = (("Dưới 50%", 0, 50), ("50% đến dưới 70%", 50, 70), ("70% đến dưới 90%", 70, 90),
         ("Từ 90% trở lên", 90, 101))


def share(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)}%" if whole else "—"


@dataclass
class Row:
    label: str
    must: int = 0
    finished: int = 0
    bands: list[int] = field(default_factory=lambda: [0] * len(BANDS))

    def add(self, percent: int | None) -> None:
        self.must += 1
        if percent is None:
            return
        self.finished += 1
        self.bands[next(i for i, (_label, low, high) in enumerate(BANDS) if low <= percent < high)] += 1


@dataclass
class Member:
    name: str
    leader: bool
    attempts: int
    best: int | None  # questions right in the best attempt finished
    percent: int | None


@dataclass
class QuizStats:
    quiz: Quiz
    org: Organization
    rows: list[Row]
    total: Row
    members: list[Member]  # one cell's members, when the figures are of a cell


def _best_scores(quiz: Quiz) -> dict[int, tuple[int, int]]:
    """user id → (best score, attempts) over attempts handed in or out of time."""
    now = utcnow()
    saved_right = (select(func.count()).where(AttemptItem.attempt_id == Attempt.id, AttemptItem.correct.is_(True))
                   .correlate(Attempt).scalar_subquery())
    score = case((Attempt.submitted_at.is_not(None), Attempt.score), else_=saved_right)
    rows = db.session.execute(
        select(Attempt.user_id, func.max(score), func.count()).where(
            Attempt.quiz_id == quiz.id,
            or_(Attempt.submitted_at.is_not(None), Attempt.deadline < now - GRACE))
        .group_by(Attempt.user_id))
    return {user_id: (best, count) for user_id, best, count in rows}


def quiz_stats(quiz: Quiz, org: Organization) -> QuizStats:
    members = db.session.execute(
        select(User.id, User.full_name, User.holds_leadership_post, User.cell_id)
        .join(Organization, Organization.id == User.cell_id)
        .where(User.active, Organization.path.startswith(org.path),
               *([User.holds_leadership_post.is_(True)] if quiz.leaders_only else []))
        .order_by(vi_order(User.full_name), User.id)).all()
    best = _best_scores(quiz)
    cells = {c.id: c for c in db.session.scalars(select(Organization).where(
        Organization.id.in_({m.cell_id for m in members})))} if members else {}
    rows: dict[int, Row] = {}
    total = Row("Tổng số")
    listed = []
    for member in members:
        score, attempts = best.get(member.id, (None, 0))
        percent = round(100 * score / quiz.question_count) if score is not None else None
        row = rows.setdefault(member.cell_id, Row(cells[member.cell_id].name))
        row.add(percent)
        total.add(percent)
        listed.append(Member(member.full_name, member.holds_leadership_post, attempts, score, percent))
    ordered = [rows[cell_id] for cell_id in sorted(rows, key=lambda cell_id: cells[cell_id].path)]
    return QuizStats(quiz, org, ordered, total, listed if org.is_cell else [])


def csv_rows(stats: QuizStats) -> list[list]:
    quiz = stats.quiz
    out = [[f"Kết quả bài kiểm tra: {quiz.title}", stats.org.name],
           [f"{quiz.question_count} câu, {quiz.minutes} phút"], [],
           ["Chi bộ", "Phải tham gia", "Đã làm", "Tỷ lệ đã làm", *[label for label, _low, _high in BANDS]]]
    for row in [*stats.rows, stats.total]:
        out.append([row.label, row.must, row.finished, share(row.finished, row.must), *row.bands])
    if stats.members:
        out += [[], ["Họ và tên", "Lãnh đạo, quản lý", "Số lượt đã làm", "Số câu đúng cao nhất", "Tỷ lệ đúng"]]
        for m in stats.members:
            out.append([m.name, "có" if m.leader else "", m.attempts, "" if m.best is None else m.best,
                        "" if m.percent is None else f"{m.percent}%"])
    return out
