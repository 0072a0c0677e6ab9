"""Scoped getters: an admin reaches only organisations and members of their own subtree."""

from flask import abort, request
from flask_login import current_user
from sqlalchemy import select

from handbook.auth.models import User
from handbook.auth.permissions import admin_roots, is_admin_of, require_admin
from handbook.collation import order_key, vi_order
from handbook.extensions import db
from handbook.integers import id_or_none
from handbook.orgs.models import Organization


def admin_root() -> Organization:
    """The organisation an admin page is about: `?org=` within the subtree, else the first root."""
    require_admin()
    org_id = request.args.get("org", "")
    if org_id:
        return get_admin_org_or_404(org_id)
    return admin_roots(current_user)[0]


def get_admin_org_or_404(org_id) -> Organization:
    require_admin()
    org_id = id_or_none(org_id)
    org = db.session.get(Organization, org_id) if org_id else None
    if org is None or not is_admin_of(current_user, org):
        abort(404)
    return org


def get_admin_member_or_404(user_id: int) -> User:
    """A member whose cell lies in one of the admin's subtrees."""
    require_admin()
    user = db.session.get(User, user_id)
    if user is None or user.cell is None or not is_admin_of(current_user, user.cell):
        abort(404)
    return user


def cells_for_choice(root: Organization, include_closed: bool = False) -> list[Organization]:
    query = select(Organization).where(Organization.path.startswith(root.path), Organization.kind == "cell")
    if not include_closed:
        query = query.where(Organization.closed.is_(False))
    return list(db.session.scalars(query.order_by(vi_order(Organization.name))))


def admin_cells_for_choice() -> list[Organization]:
    cells: dict[int, Organization] = {}
    for root in admin_roots(current_user):
        for cell in cells_for_choice(root):
            cells[cell.id] = cell
    return sorted(cells.values(), key=lambda c: order_key(c.name))
