"""What other features read of the organisation tree, as questions rather than a table: an
organisation by its id, the ids of a subtree. A feature that only looks organisations up asks here."""

from sqlalchemy import Select, select
from sqlalchemy.orm import aliased

from handbook.extensions import db
from handbook.orgs.models import Organization


def org_by_id(org_id: int | None) -> Organization | None:
    """The organisation with this id, or None when there is none (or no id)."""
    return db.session.get(Organization, org_id) if org_id is not None else None


def subtree_ids(root: Organization) -> Select:
    """The ids of `root` and every organisation under it, today's tree, as a subquery
    (`Thing.org_id.in_(subtree_ids(root))`)."""
    return select(Organization.id).where(Organization.path.startswith(root.path))


def ids_below(id_column, org_column, org: Organization) -> Select:
    """The ids (`id_column`) of rows whose organisation (`org_column`) is in the subtree of `org`,
    by its path as stored now: what a search index must re-read when a move rewrites paths."""
    moved = aliased(Organization)
    path = select(moved.path).where(moved.id == org.id).scalar_subquery()
    return select(id_column).join(Organization, Organization.id == org_column).where(
        Organization.path.startswith(path))
