"""Who registers, approves and sees good examples; the scoped getters every view asks (anything
else answers 404).

A cell's secretary and deputy register their cell's examples, a committee's admins those of the
committees in their subtree; the admins at or above an example's organisation approve it. Once
approved it is seen by everyone it reaches (handbook.auth.permissions.publication_reach);
before, only by those who register or approve it there."""

from flask_login import current_user
from sqlalchemy import or_, select

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
from handbook.examples.models import GoodExample
from handbook.extensions import db
from handbook.orgs.models import Organization
from handbook.orgs.queries import org_by_id, subtree_ids
from handbook.search.query import Facets


def registers_for(user, org: Organization) -> bool:
    return user.is_authenticated and ((org.is_cell and manages_cell_id(user, org.id))
                                      or (not org.is_cell and is_admin_of(user, org)))


def can_review(user, example: GoodExample) -> bool:
    return user.is_authenticated and is_admin_of(user, example.org)


def can_see(user, example: GoodExample) -> bool:
    if example.status == "approved" and reaches(user, example.org):
        return True
    return registers_for(user, example.org) or can_review(user, example)


def register_orgs(user) -> list[Organization]:
    """Where `user` registers: the cells they lead, the open committees of their subtrees."""
    found = {cell.id: cell for cell in managed_cells(user)}
    for root in admin_roots(user):
        for org in db.session.scalars(select(Organization).where(
                Organization.path.startswith(root.path), Organization.kind != "cell",
                Organization.closed.is_(False)).order_by(Organization.path)):
            found[org.id] = org
    return list(found.values())


def get_visible_example_or_404(example_id: int) -> GoodExample:
    example = db.session.get(GoodExample, example_id)
    require(example is not None and can_see(current_user, example))
    return example


def get_reviewable_example_or_404(example_id: int) -> GoodExample:
    example = db.session.get(GoodExample, example_id)
    require(example is not None and can_review(current_user, example))
    return example


def approved_clause(user):
    """A WHERE clause on GoodExample: the approved examples that reach `user`."""
    return (GoodExample.status == "approved") & reach_clause(user, GoodExample.org_id)


def awaiting_clause(user):
    """A WHERE clause on GoodExample: not yet approved, and `user` registers or approves it."""
    clauses = [GoodExample.org_id.in_([cell.id for cell in managed_cells(user)])]
    clauses += [GoodExample.org_id.in_(subtree_ids(r))
                for r in admin_roots(user)]
    return (GoodExample.status != "approved") & or_(*clauses)


def example_facets(user) -> Facets:
    """approved_clause as facets of the search index (only approved examples are indexed)."""
    return Facets(reach_facets(user))


def get_overseen_org_or_404(org_id: int | None) -> Organization:
    """The organisation whose examples a committee lists: the admin's own root by default, or any
    organisation inside their subtrees."""
    roots = admin_roots(current_user)
    require(bool(roots))
    if org_id is None:
        return roots[0]
    org = org_by_id(org_id)
    require(org is not None and is_admin_of(current_user, org))
    return org
