"""Who may do what with quizzes, and the scoped getters every view asks.

Committee admins set quizzes and keep banks for their subtree; a cell's secretary and deputy for
their cell. A member takes a quiz set for an organisation above (or at) their cell, and, when it
is for leaders only, only if they hold a leadership post. An attempt is its member's alone.
"""

from flask_login import current_user
from sqlalchemy import false, literal, or_, select

from handbook.auth.permissions import (
    admin_roots,
    audience_orgs,
    is_admin_of,
    managed_cells,
    require,
    sets_for_members,
)
from handbook.extensions import db
from handbook.orgs.models import Organization
from handbook.orgs.queries import org_by_id
from handbook.quiz.models import Attempt, QuestionBank, Quiz

# Who sets for whom is one rule for every feature that sets members work (auth/permissions.py).
setter_orgs = audience_orgs
can_set_quizzes = sets_for_members


def manages_org(user, org: Organization) -> bool:
    """An admin above or at `org`, or the secretary (deputy) of the cell `org` is."""
    return is_admin_of(user, org) or any(cell.id == org.id for cell in managed_cells(user))


def usable_bank(user, bank: QuestionBank) -> bool:
    """A bank `user` may set a quiz on: their own, or one kept by a committee above their posts."""
    if manages_org(user, bank.org):
        return True
    posts = [*admin_roots(user), *managed_cells(user)]
    return any(bank.org.contains(post) for post in posts)


def _near_posts(user):
    """A WHERE clause on Organization: at, above or (for an admin) below one of `user`'s posts."""
    clauses = []
    for root in admin_roots(user):
        clauses += [Organization.path.startswith(root.path), literal(root.path).startswith(Organization.path)]
    for cell in managed_cells(user):
        clauses.append(literal(cell.path).startswith(Organization.path))
    return or_(*clauses) if clauses else false()


def usable_banks(user) -> list[QuestionBank]:
    banks = db.session.scalars(select(QuestionBank).join(Organization, Organization.id == QuestionBank.org_id)
                               .where(_near_posts(user))
                               .order_by(QuestionBank.created_at.desc(), QuestionBank.id.desc()))
    return [bank for bank in banks if usable_bank(user, bank)]


def get_managed_bank_or_404(bank_id: int) -> QuestionBank:
    bank = db.session.get(QuestionBank, bank_id)
    require(bank is not None and current_user.is_authenticated and manages_org(current_user, bank.org))
    return bank


def in_audience(user, quiz: Quiz) -> bool:
    """Whether `user` is one of those who must take `quiz`."""
    if not user.is_authenticated or user.cell is None or not quiz.org.contains(user.cell):
        return False
    return user.holds_leadership_post or not quiz.leaders_only


def get_visible_quiz_or_404(quiz_id: int) -> Quiz:
    """A quiz for a member who must take it, or for someone who manages part of its audience."""
    quiz = db.session.get(Quiz, quiz_id)
    require(quiz is not None and (in_audience(current_user, quiz) or bool(stats_roots(current_user, quiz))))
    return quiz


def get_own_attempt_or_404(attempt_id: int) -> Attempt:
    attempt = db.session.get(Attempt, attempt_id)
    require(attempt is not None and current_user.is_authenticated and attempt.user_id == current_user.id)
    return attempt


def stats_roots(user, quiz: Quiz) -> list[Organization]:
    """The parts of a quiz's audience whose figures `user` may read: all of it for an admin above
    the quiz's organisation; an admin's subtree or a secretary's cell inside it."""
    if not user.is_authenticated:
        return []
    if is_admin_of(user, quiz.org):
        return [quiz.org]
    inside = [org for org in (*admin_roots(user), *managed_cells(user)) if quiz.org.contains(org)]
    return sorted({org.id: org for org in inside}.values(), key=lambda org: org.path)


def get_stats_org_or_404(quiz: Quiz, org_id: int | None) -> Organization:
    """The organisation whose figures are asked for (`?org=`), by default the widest allowed."""
    roots = stats_roots(current_user, quiz)
    require(bool(roots))
    if org_id is None:
        return roots[0]
    org = org_by_id(org_id)
    require(org is not None and any(root.contains(org) for root in roots))
    return org


def managed_quizzes(user) -> list[Quiz]:
    """Quizzes whose figures `user` reads: set for an organisation they oversee, or above one."""
    quizzes = db.session.scalars(select(Quiz).join(Organization, Organization.id == Quiz.org_id)
                                 .where(_near_posts(user)).order_by(Quiz.opens_at.desc(), Quiz.id.desc()).limit(100))
    return [quiz for quiz in quizzes if stats_roots(user, quiz)]


def branches_below(roots: list[Organization]) -> list[Organization]:
    """Each root and every open organisation under it: non-cells first, then the cells."""
    found: dict[int, Organization] = {}
    for root in roots:
        for org in db.session.scalars(select(Organization).where(
                Organization.path.startswith(root.path), Organization.closed.is_(False))
                .order_by(Organization.kind == "cell", Organization.path)):
            found.setdefault(org.id, org)
    return list(found.values())
