"""Who may do what: every authorisation rule of the app lives here.

Views never test roles themselves; they call these functions (or the scoped
getters built on them) so a rule changes in one place.
"""

from flask import abort
from flask_login import current_user
from sqlalchemy import false, or_, select

from handbook.auth.models import User
from handbook.extensions import db
from handbook.orgs.models import Organization
from handbook.orgs.queries import subtree_ids

CELL_MANAGER_ROLES = ("secretary", "deputy")
# Keeps the cell's party-fee records (thủ quỹ, người thu đảng phí): granted and revoked by the
# cell's secretary or deputy; it manages nothing else.
TREASURER = "treasurer"
# Roles held in one cell, which end when their holder leaves it.
CELL_BOUND_ROLES = (*CELL_MANAGER_ROLES, TREASURER)


def admin_roots(user: User) -> list[Organization]:
    """The organisations whose subtree this user administers."""
    if not user.is_authenticated:
        return []
    return [r.org for r in user.roles if r.role == "admin"]


def is_admin(user: User) -> bool:
    return bool(admin_roots(user))


def is_admin_of(user: User, org: Organization) -> bool:
    """Committee admins act on their organisation and everything below it."""
    return any(root.contains(org) for root in admin_roots(user))


def managed_cells(user: User) -> list[Organization]:
    if not user.is_authenticated:
        return []
    return [r.org for r in user.roles if r.role in CELL_MANAGER_ROLES]


def can_manage_cell(user: User, cell: Organization) -> bool:
    """Secretary and deputy run their own cell's meetings."""
    return manages_cell_id(user, cell.id)


def manages_cell_id(user: User, cell_id: int) -> bool:
    """can_manage_cell from the cell's id alone, for callers that have not loaded the cell."""
    return any(org.id == cell_id for org in managed_cells(user))


def is_treasurer_of(user: User, cell_id: int) -> bool:
    """The treasurer of a cell they still belong to (a role left behind by a move gives nothing)."""
    return in_cell_id(user, cell_id) and any(r.role == TREASURER and r.org_id == cell_id for r in user.roles)


def keeps_fees_of(user: User, cell_id: int) -> bool:
    """Records the cell's party fees: its treasurer, secretary or deputy."""
    return manages_cell_id(user, cell_id) or is_treasurer_of(user, cell_id)


def fee_cells(user: User) -> list[Organization]:
    """The cells whose party fees this user records."""
    if not user.is_authenticated:
        return []
    cells = {r.org.id: r.org for r in user.roles if r.role in CELL_MANAGER_ROLES}
    cells.update({r.org.id: r.org for r in user.roles if r.role == TREASURER and r.org_id == user.cell_id})
    return list(cells.values())


def is_member_of(user: User, cell: Organization) -> bool:
    return in_cell_id(user, cell.id)


def in_cell_id(user: User, cell_id: int) -> bool:
    """is_member_of from the cell's id alone, for callers that have not loaded the cell."""
    return user.is_authenticated and user.cell_id is not None and user.cell_id == cell_id


def can_view_cell(user: User, cell: Organization) -> bool:
    """Members, the cell's leaders, and admins above it see a cell's business."""
    return is_member_of(user, cell) or can_manage_cell(user, cell) or is_admin_of(user, cell)


def publication_reach(user: User) -> tuple[set[int], list[Organization]]:
    """Whom what an organisation publishes to its subtree (an answer in its FAQ, a good example
    it approved) reaches: the members of a cell inside it, that cell's leaders, the admins of
    it or above it, and the admins of an organisation inside it. Answers the organisations at
    or above the user's cell and posts (theirs reach the user), and the admin roots (whatever
    is published inside them reaches the user too)."""
    if not user.is_authenticated:
        return set(), []
    roots = admin_roots(user)
    places = [*([user.cell] if user.cell is not None else []), *managed_cells(user), *roots]
    return {org_id for place in places for org_id in place.ancestor_ids()}, roots


def reach_clause(user: User, org_column):
    """A WHERE clause: the rows published by an organisation (`org_column`) that reach `user`."""
    above, roots = publication_reach(user)
    clauses = [org_column.in_(above)] if above else []
    clauses += [org_column.in_(subtree_ids(root)) for root in roots]
    return or_(*clauses) if clauses else false()


def reach_facets(user: User) -> list[list[str]]:
    """reach_clause as the search index's facet groups: an entry carries its organisation (o<id>)
    and every organisation at or above it (a<id>); any one group matching lets it through."""
    above, roots = publication_reach(user)
    return [[f"o{org_id}"] for org_id in sorted(above)] + [[f"a{root.id}"] for root in roots]


def reaches(user: User, org: Organization) -> bool:
    """Whether what `org` publishes to its subtree reaches `user` (publication_reach)."""
    above, roots = publication_reach(user)
    return org.id in above or any(root.contains(org) for root in roots)


def is_staff(user: User) -> bool:
    """Secretaries, deputies and admins: people who publish to others."""
    return bool(managed_cells(user)) or is_admin(user)


def sets_for_members(user: User) -> bool:
    """Whether `user` sets things members of an audience must do (a quiz, a study programme):
    a committee admin for the subtree, a cell's secretary or deputy for the cell."""
    return user.is_authenticated and bool(admin_roots(user) or managed_cells(user))


def audience_orgs(user: User) -> list[Organization]:
    """Where `user` may set such things: every open organisation of an admin's subtree, and a
    secretary's own cell."""
    found: dict[int, Organization] = {}
    for root in admin_roots(user):
        for org in db.session.scalars(select(Organization).where(
                Organization.path.startswith(root.path), Organization.closed.is_(False)).order_by(Organization.path)):
            found[org.id] = org
    for cell in managed_cells(user):
        found.setdefault(cell.id, cell)
    return list(found.values())


def require(condition: bool, status: int = 404) -> None:
    """Answer 404 by default, so a probe cannot tell 'exists' from 'not yours'."""
    if not condition:
        abort(status)


def require_staff() -> None:
    require(current_user.is_authenticated and is_staff(current_user))


def require_admin() -> None:
    require(current_user.is_authenticated and is_admin(current_user))
