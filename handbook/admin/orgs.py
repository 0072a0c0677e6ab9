"""Changing the organisation tree: create, rename (the old name kept), move (whole subtree) and
close, each dated so the tree's past stays readable (handbook/orgs/__init__.py)."""

from datetime import date

from sqlalchemy import String, func, literal, select, update

from handbook.admin import messages as msg
from handbook.audit import record
from handbook.auth.models import User
from handbook.auth.permissions import admin_roots, is_admin_of
from handbook.collation import order_key
from handbook.domain import DomainError
from handbook.extensions import db
from handbook.orgs.history import merged_into, past_names, today
from handbook.orgs.models import Organization, OrganizationName, OrganizationParent, create_org

# Which kinds may sit under which: cells are leaves.
CHILD_KINDS = {"bloc": ("bloc", "base", "cell"), "base": ("base", "cell"), "cell": ()}


class OrgError(DomainError):
    """A change the tree refuses, with the Vietnamese reason."""


def add_org(name: str, kind: str, parent: Organization, valid_from: date | None = None) -> Organization:
    if kind not in CHILD_KINDS.get(parent.kind, ()):
        raise OrgError(msg.KIND_NOT_ALLOWED_HERE)
    if parent.closed:
        raise OrgError(msg.PARENT_CLOSED)
    if valid_from is not None and parent.valid_from is not None and valid_from < parent.valid_from:
        raise OrgError(msg.FOUNDED_BEFORE_PARENT, field="valid_from")
    org = create_org(name, kind, parent, valid_from=valid_from)
    record("org.created", org=org, target=org, summary=f"Tạo {org.kind_label.lower()} “{name}” thuộc “{parent.name}”")
    return org


def last_change(org: Organization) -> date | None:
    """The day the present name took effect: the last rename's, else the day the org began."""
    names = past_names(org)
    return names[-1].valid_to if names else org.valid_from


def rename_org(org: Organization, name: str, day: date | None = None) -> None:
    """The new name holds from `day` (today by default); the old one stays for what came before.
    A second rename on the same day corrects the first, so a typo leaves no name in history."""
    day = day or today()
    since = last_change(org)
    if day > today():
        raise OrgError(msg.DAY_IN_FUTURE, field="day")
    if since is not None and day < since:
        raise OrgError(msg.RENAME_BEFORE_LAST.format(day=f"{since:%d/%m/%Y}"), field="day")
    if org.valid_to is not None and day >= org.valid_to:
        raise OrgError(msg.RENAME_AFTER_END, field="day")
    old = org.name
    if name == old:
        raise OrgError(msg.SAME_NAME, field="name")
    if since != day:
        db.session.add(OrganizationName(org_id=org.id, name=old, valid_from=since, valid_to=day))
    org.name = name
    record("org.updated", org=org, target=org, summary=f"Đổi tên “{old}” thành “{name}” từ {day:%d/%m/%Y}")


def reparent(org: Organization, new_parent: Organization, day: date) -> None:
    """Puts `org` (and its subtree) under `new_parent` from `day`, the old superior kept for the
    days before; every descendant's path is rewritten in one statement."""
    old_path, new_path = org.path, new_parent.path + f"{org.id}/"
    db.session.add(OrganizationParent(org_id=org.id, parent_id=org.parent_id, valid_to=day))
    db.session.execute(
        update(Organization)
        .where(Organization.path.startswith(old_path))
        .values(path=literal(new_path, String) + func.substr(Organization.path, len(old_path) + 1, type_=String))
        .execution_options(synchronize_session=False)
    )
    org.parent = new_parent
    db.session.flush()
    db.session.expire_all()


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
    old_parent_name = org.parent.name if org.parent else ""
    reparent(org, new_parent, today())
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
    org.closed, org.valid_to = True, today()
    record("org.closed", org=org, target=org, summary=f"Đóng “{org.name}”")


def reopen_org(org: Organization) -> None:
    """Undoes a closing; a merged organisation stays merged (its members and children moved on)."""
    if merged_into(org) is not None:
        raise OrgError(msg.MERGED_NOT_REOPENED)
    if org.parent is not None and org.parent.closed:
        raise OrgError(msg.PARENT_CLOSED)
    org.closed, org.valid_to = False, None
    record("org.updated", org=org, target=org, summary=f"Mở lại “{org.name}”")


def subtree(root: Organization, with_closed: bool = True) -> list[tuple[Organization, int]]:
    """Organisations of a subtree in tree order, each with its depth below the root; without
    `with_closed`, only what works today (a closed one is history: shown on request)."""
    query = select(Organization).where(Organization.path.startswith(root.path))
    if not with_closed:
        query = query.where((Organization.closed.is_(False)) | (Organization.id == root.id))
    orgs = list(db.session.scalars(query))
    by_parent: dict[int | None, list[Organization]] = {}
    for org in orgs:
        by_parent.setdefault(org.parent_id, []).append(org)
    out: list[tuple[Organization, int]] = []

    def walk(org: Organization, depth: int) -> None:
        out.append((org, depth))
        for child in sorted(by_parent.get(org.id, []), key=lambda o: (o.kind == "cell", order_key(o.name))):
            walk(child, depth + 1)

    walk(root, 0)
    return out


def closed_below(root: Organization) -> int:
    return db.session.scalar(select(func.count()).where(
        Organization.path.startswith(root.path), Organization.id != root.id, Organization.closed.is_(True)))
