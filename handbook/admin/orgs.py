"""Changing the organisation tree: create, rename, move (whole subtree) and close."""

from sqlalchemy import String, func, literal, select, update

from handbook.admin import messages as msg
from handbook.audit import record
from handbook.auth.models import User
from handbook.auth.permissions import admin_roots, is_admin_of
from handbook.collation import sort_key
from handbook.domain import DomainError
from handbook.extensions import db
from handbook.orgs.models import Organization, create_org

# Which kinds may sit under which: cells are leaves.
CHILD_KINDS = {"bloc": ("bloc", "base", "cell"), "base": ("base", "cell"), "cell": ()}


class OrgError(DomainError):
    """A change the tree refuses, with the Vietnamese reason."""


def add_org(name: str, kind: str, parent: Organization) -> Organization:
    if kind not in CHILD_KINDS.get(parent.kind, ()):
        raise OrgError(msg.KIND_NOT_ALLOWED_HERE)
    if parent.closed:
        raise OrgError(msg.PARENT_CLOSED)
    org = create_org(name, kind, parent)
    record("org.created", org=org, target=org, summary=f"Tạo {org.kind_label.lower()} “{name}” thuộc “{parent.name}”")
    return org


def rename_org(org: Organization, name: str) -> None:
    old = org.name
    org.name = name
    record("org.updated", org=org, target=org, summary=f"Đổi tên “{old}” thành “{name}”")


def move_org(org: Organization, new_parent: Organization, actor) -> None:
    """Re-parents an organisation within `actor`'s subtrees; every descendant's path is rewritten
    in one statement. The root of an admin's subtree stays where the committee above put it."""
    if org.parent is None or not is_admin_of(actor, org.parent):
        raise OrgError(msg.ROOT_NOT_MOVED, field="parent")
    if org.contains(new_parent):
        raise OrgError(msg.MOVE_INTO_ITSELF)
    if org.kind not in CHILD_KINDS.get(new_parent.kind, ()):
        raise OrgError(msg.NEW_PARENT_REFUSES_KIND)
    if new_parent.closed:
        raise OrgError(msg.NEW_PARENT_CLOSED)
    old_path, new_path = org.path, new_parent.path + f"{org.id}/"
    old_parent_name = org.parent.name if org.parent else ""
    db.session.execute(
        update(Organization)
        .where(Organization.path.startswith(old_path))
        .values(path=literal(new_path, String) + func.substr(Organization.path, len(old_path) + 1, type_=String))
        .execution_options(synchronize_session=False)
    )
    org.parent = new_parent
    db.session.flush()
    db.session.expire_all()
    record("org.updated", org=org, target=org,
           summary=f"Chuyển “{org.name}” từ “{old_parent_name}” sang “{new_parent.name}”")


def close_org(org: Organization, actor) -> None:
    """Closing keeps every record; an organisation with active members or open children stays open,
    and so does the root of an admin's subtree."""
    if org.parent_id is None or org in admin_roots(actor):
        raise OrgError(msg.ROOT_NOT_CLOSED)
    open_children = db.session.scalar(
        select(func.count()).where(Organization.parent_id == org.id, Organization.closed.is_(False))
    )
    if open_children:
        raise OrgError(msg.OPEN_CHILDREN)
    members = db.session.scalar(select(func.count()).where(User.cell_id == org.id, User.active.is_(True)))
    if members:
        raise OrgError(msg.ACTIVE_MEMBERS.format(count=members))
    org.closed = True
    record("org.closed", org=org, target=org, summary=f"Đóng “{org.name}”")


def reopen_org(org: Organization) -> None:
    if org.parent is not None and org.parent.closed:
        raise OrgError(msg.PARENT_CLOSED)
    org.closed = False
    record("org.updated", org=org, target=org, summary=f"Mở lại “{org.name}”")


def subtree(root: Organization) -> list[tuple[Organization, int]]:
    """Organisations of a subtree in tree order, each with its depth below the root."""
    orgs = list(db.session.scalars(select(Organization).where(Organization.path.startswith(root.path))))
    by_parent: dict[int | None, list[Organization]] = {}
    for org in orgs:
        by_parent.setdefault(org.parent_id, []).append(org)
    out: list[tuple[Organization, int]] = []

    def walk(org: Organization, depth: int) -> None:
        out.append((org, depth))
        for child in sorted(by_parent.get(org.id, []), key=lambda o: (o.kind == "cell", sort_key(o.name))):
            walk(child, depth + 1)

    walk(root, 0)
    return out
