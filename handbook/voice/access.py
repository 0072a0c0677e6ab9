"""Who may read, answer and publish a member's question, and who reads a FAQ; the scoped getters
every view asks (anything else answers 404).

A question is read by its author, by whom it was written to (a cell's secretary and deputy, or a
committee's admins) and by the admins above; never by another member. It is answered (or
forwarded up, or published) by whom it is with now. A FAQ entry is read in the subtree of the
organisation that published it (handbook.auth.permissions.publication_reach)."""

from flask_login import current_user
from sqlalchemy import false, or_, select

from handbook.auth.permissions import (
    admin_roots,
    is_admin_of,
    managed_cells,
    manages_cell_id,
    reach_clause,
    reach_facets,
    reaches,
    require,
)
from handbook.extensions import db
from handbook.orgs.models import Organization
from handbook.search.query import Facets
from handbook.voice.models import MemberQuestion


def _answers_for(user, org: Organization) -> bool:
    """A cell's secretary and deputy answer for it; a committee's admins (and those above) for it."""
    return (org.is_cell and manages_cell_id(user, org.id)) or is_admin_of(user, org)


def can_read(user, question: MemberQuestion) -> bool:
    return user.is_authenticated and (question.author_id == user.id or _answers_for(user, question.sent_to))


def can_handle(user, question: MemberQuestion) -> bool:
    """Answer, forward, publish: whoever the question is with now."""
    return user.is_authenticated and _answers_for(user, question.org)


def is_receiver(user) -> bool:
    return user.is_authenticated and bool(managed_cells(user) or admin_roots(user))


def get_readable_question_or_404(question_id: int) -> MemberQuestion:
    question = db.session.get(MemberQuestion, question_id)
    require(question is not None and can_read(current_user, question))
    return question


def get_handled_question_or_404(question_id: int) -> MemberQuestion:
    question = db.session.get(MemberQuestion, question_id)
    require(question is not None and can_handle(current_user, question))
    return question


def inbox_clause(user, with_cells: bool = False):
    """A WHERE clause on MemberQuestion joined to its `org`: what `user` answers — the cells they
    lead, and for an admin the committees of their subtree (with its cells too, if asked)."""
    led = [cell.id for cell in managed_cells(user)]
    clauses = [MemberQuestion.org_id.in_(led)] if led else []
    for root in admin_roots(user):
        below = Organization.path.startswith(root.path)
        clauses.append(below if with_cells else below & (Organization.kind != "cell"))
    return or_(*clauses) if clauses else false()


def addressees(user) -> list[Organization]:
    """Whom a member may write to: their cell (its secretary), then each committee above it."""
    if user.cell is None:
        return []
    ids = list(reversed(user.cell.ancestor_ids()))
    found = {org.id: org for org in db.session.scalars(
        select(Organization).where(Organization.id.in_(ids), Organization.closed.is_(False)))}
    return [found[i] for i in ids if i in found]


def forward_targets(question: MemberQuestion) -> list[Organization]:
    """The organisations above the one the question is with, nearest first."""
    ids = list(reversed(question.org.ancestor_ids()[:-1]))
    found = {org.id: org for org in db.session.scalars(
        select(Organization).where(Organization.id.in_(ids or [0]), Organization.closed.is_(False)))}
    return [found[i] for i in ids if i in found]


def faq_reaches(user, question: MemberQuestion) -> bool:
    return question.faq_org is not None and reaches(user, question.faq_org)


def get_faq_entry_or_404(question_id: int) -> MemberQuestion:
    question = db.session.get(MemberQuestion, question_id)
    require(question is not None and faq_reaches(current_user, question))
    return question


def faq_clause(user):
    """A WHERE clause on MemberQuestion: the FAQ entries that reach `user`."""
    return reach_clause(user, MemberQuestion.faq_org_id)


def faq_facets(user) -> Facets:
    """faq_clause as facets of the search index."""
    return Facets(reach_facets(user))


def faq_targets(user, question: MemberQuestion) -> list[Organization]:
    """Whose FAQ an answered question may go to: the organisation that answered it, or one above
    it that `user` also answers for (an admin of the base publishes a cell's answer base-wide)."""
    return [org for org in [question.org, *forward_targets(question)] if _answers_for(user, org)]
