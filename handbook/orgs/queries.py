"""What other features read of the organisation tree, as questions rather than a table: an
organisation by its id, the ids of a subtree. A feature that only looks organisations up asks here."""

import functools
from typing import NamedTuple

from flask import g
from sqlalchemy import Select, bindparam, select
from sqlalchemy.orm import aliased

from handbook.extensions import db
from handbook.orgs.models import Organization


def org_by_id(org_id: int | None) -> Organization | None:
    """The organisation with this id, or None when there is none (or no id)."""
    return db.session.get(Organization, org_id) if org_id is not None else None


class CellLine(NamedTuple):
    """A member's cell as the home page reads it: its name, and its path for the organisations
    above it (Organization.ancestor_ids' rule)."""

    id: int
    name: str
    path: str

    def ancestor_ids(self) -> list[int]:
        return [int(part) for part in self.path.strip("/").split("/") if part]


def member_cell(user) -> CellLine | None:
    """The member's cell (None outside any), asked once per request and shared by the home page's
    cards: two columns by a prebuilt statement cost ~25 µs, where loading `user.cell` (the ORM's
    lazy load of the whole row) cost ~240 µs. A cell this request already loaded is read as is."""
    if user.cell_id is None:
        return None
    kept = g.get("_member_cell")
    if kept is not None and kept.id == user.cell_id:
        return kept
    loaded = db.session.identity_map.get(db.session.identity_key(Organization, user.cell_id))
    if loaded is not None:
        found = CellLine(loaded.id, loaded.name, loaded.path)
    else:
        row = db.session.connection().execute(_cell_statement(), {"id": user.cell_id}).first()
        found = CellLine(user.cell_id, row.name, row.path) if row is not None else None
    g._member_cell = found
    return found


@functools.cache
def _cell_statement():
    return select(Organization.name, Organization.path).where(Organization.id == bindparam("id"))


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
