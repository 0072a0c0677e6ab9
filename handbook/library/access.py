"""Which documents a member may see: the one rule, used by the library, the notebook and the
agenda builder alike. A document is for the whole deployment, or only for the members inside
its organisation's subtree; leaders also read what is published above their posts, and
committee admins what is published anywhere in their subtree."""

from flask_login import current_user
from sqlalchemy import String, cast, literal, or_, select

from handbook.auth import permissions
from handbook.extensions import db
from handbook.integers import id_or_none
from handbook.library.models import Document, Section
from handbook.orgs.models import Organization
from handbook.orgs.queries import subtree_ids


def visible_org_ids(user, own_cell: bool = True) -> set[int]:
    """Organisations whose restricted documents `user` may read (`own_cell` False: leaving out
    the line of the member's own cell, which `member_documents_clause` asks in its statement)."""
    if not user.is_authenticated:
        return set()
    ids: set[int] = set()
    if own_cell and user.cell is not None:
        ids.update(user.cell.ancestor_ids())
    for cell in permissions.managed_cells(user):
        ids.update(cell.ancestor_ids())
    for root in permissions.admin_roots(user):
        ids.update(root.ancestor_ids())
        ids.update(db.session.scalars(subtree_ids(root)))
    return ids


def _published_in(org_ids) -> object:
    """A WHERE clause on Document: for everyone, or restricted to one of `org_ids`."""
    return or_(Document.org_id.is_(None), Document.org_id.in_(org_ids or {-1}))


def visible_documents_clause(user):
    """A WHERE clause on Document for what `user` may see."""
    return _published_in(visible_org_ids(user))


def member_documents_clause(user):
    """`visible_documents_clause`, the same rule, with the member's own cell's place in the tree
    read inside the statement (its path holds "/<id>/" for itself and each organisation above
    it) instead of loading the cell first: one round trip fewer where nothing else needs the
    cell (the account page's bookmarks)."""
    clause = _published_in(visible_org_ids(user, own_cell=False))
    if not user.is_authenticated or user.cell_id is None:
        return clause
    cell_path = select(Organization.path).where(Organization.id == user.cell_id).scalar_subquery()
    return or_(clause, cell_path.contains(literal("/") + cast(Document.org_id, String) + literal("/")))


def cell_documents_clause(cell: Organization):
    """A WHERE clause on Document for what every member of `cell` may see: an agenda links only
    to those, so no member of the cell meets a link they cannot open."""
    return _published_in(cell.ancestor_ids())


def can_view_document(user, document: Document) -> bool:
    return document.org_id is None or document.org_id in visible_org_ids(user)


def get_visible_document_or_404(slug: str) -> Document:
    document = db.session.scalar(select(Document).where(Document.slug == slug))
    permissions.require(document is not None and can_view_document(current_user, document))
    return document


def get_visible_section_or_404(slug: str, anchor: str) -> Section:
    """Section `anchor` of document `slug`, if the current user may read that document."""
    section = db.session.scalar(select(Section).join(Document).where(Document.slug == slug, Section.anchor == anchor))
    permissions.require(section is not None and can_view_document(current_user, section.document))
    return section


def cell_section(cell: Organization, section_id) -> Section | None:
    """A section every member of `cell` may read, by an id as a form sent it."""
    section_id = id_or_none(section_id)
    if section_id is None:
        return None
    return db.session.scalar(
        select(Section).join(Document).where(Section.id == section_id, cell_documents_clause(cell)))


def assignable_orgs(user) -> list[Organization]:
    """Where `user` may assign required study: an admin's subtree, a secretary's own cell."""
    orgs: dict[int, Organization] = {}
    for root in permissions.admin_roots(user):
        for org in db.session.scalars(
            select(Organization).where(Organization.path.startswith(root.path), Organization.closed.is_(False))
            .order_by(Organization.path)
        ):
            orgs[org.id] = org
    for cell in permissions.managed_cells(user):
        orgs.setdefault(cell.id, cell)
    return list(orgs.values())


def can_assign_study(user) -> bool:
    return bool(permissions.admin_roots(user) or permissions.managed_cells(user))


def manages_whole_library(user) -> bool:
    """System-wide documents belong to the top of the tree: an admin of a root organisation,
    or the command line (no user), which the operator runs."""
    return user is None or any(root.parent_id is None for root in permissions.admin_roots(user))


def managed_org_ids(user) -> set[int]:
    """Organisations whose documents `user` may import into, replace or version: their subtrees."""
    ids: set[int] = set()
    for root in permissions.admin_roots(user):
        ids.update(db.session.scalars(subtree_ids(root)))
    return ids


def managed_documents_clause(user):
    """A WHERE clause on Document for what `user` may overwrite: nothing outside their subtree,
    and system-wide documents only for the top-level admin."""
    if user is None:
        return Document.id.is_not(None)
    inside = Document.org_id.in_(managed_org_ids(user) or {-1})
    return or_(inside, Document.org_id.is_(None)) if manages_whole_library(user) else inside


def can_manage_document(user, document: Document) -> bool:
    """Whether `user` may edit the document's details or import its text (see managed_documents_clause)."""
    if not user.is_authenticated or not permissions.is_admin(user):
        return False
    if document.org_id is None:
        return manages_whole_library(user)
    return document.org_id in managed_org_ids(user)


def get_managed_document_or_404(slug: str) -> Document:
    document = db.session.scalar(select(Document).where(Document.slug == slug))
    permissions.require(document is not None and can_manage_document(current_user, document))
    return document
