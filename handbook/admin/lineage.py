"""Merging and splitting organisations, as the 2025 reorganisation did (Quy định 294-QĐ/TW,
26/05/2025): what lives on — a cell's members, an organisation's children — moves to the
survivor from the day, and every record stays with the organisation that made it.

A change is planned first (every rule checked, everything it will move listed), shown to the
admin, and then done exactly as planned, in the same transaction as its audit row."""

from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import func, select

from handbook.admin import messages as msg
from handbook.admin.models import MembershipChange
from handbook.admin.orgs import CHILD_KINDS, OrgError, reparent, subtree
from handbook.audit import record
from handbook.auth.models import RoleAssignment, User
from handbook.auth.permissions import CELL_BOUND_ROLES, admin_roots, is_admin_of
from handbook.collation import order_key
from handbook.extensions import db
from handbook.library.models import Document, StudyAssignment
from handbook.meetings.models import Meeting
from handbook.meetings.status import Status
from handbook.orgs.history import today
from handbook.orgs.models import Organization, OrganizationLink, create_org
from handbook.timefmt import from_vn, to_vn, vn_date


@dataclass
class Change:
    """A merge (`source` into `target`) or a split (`source` gives `moving` to a new `name`)."""

    kind: str
    source: Organization
    day: date
    target: Organization | None = None
    name: str = ""
    members: list[User] = field(default_factory=list)  # who moves, when `source` is a cell
    children: list[Organization] = field(default_factory=list)  # what moves, when it is not
    roles_ending: list[RoleAssignment] = field(default_factory=list)
    cells_below: int = 0  # open cells under the moving children
    members_below: int = 0  # and their active members
    meetings_kept: int = 0  # meetings that stay with `source` under its name
    admins_staying: list[User] = field(default_factory=list)
    # The committee's own library documents and study it assigned stay its own: the children
    # moving away no longer read them (the survivor publishes or assigns again if it wants).
    documents_staying: int = 0
    studies_staying: int = 0


def _check_day(source: Organization, day: date, other: Organization | None = None) -> None:
    if day > today():
        raise OrgError(msg.DAY_IN_FUTURE, field="day")
    for org in (source, other):
        if org is not None and org.valid_from is not None and day < org.valid_from:
            raise OrgError(msg.CHANGE_BEFORE_FOUNDED.format(name=org.name, day=vn_date(org.valid_from)), field="day")


def _members(cell: Organization, ids: list[int] | None = None) -> list[User]:
    query = select(User).where(User.cell_id == cell.id)
    if ids is not None:
        query = query.where(User.id.in_(ids))
    return sorted(db.session.scalars(query), key=lambda u: order_key(u.full_name))


def _children(org: Organization, ids: list[int] | None = None) -> list[Organization]:
    query = select(Organization).where(Organization.parent_id == org.id)
    if ids is not None:
        query = query.where(Organization.id.in_(ids), Organization.closed.is_(False))
    return sorted(db.session.scalars(query), key=lambda o: (o.is_cell, order_key(o.name)))


def _fill(change: Change) -> Change:
    """Counts what the admin is told: roles that end, what lies under the moving children."""
    source = change.source
    if source.is_cell:
        moving = {u.id for u in change.members}
        change.roles_ending = [r for r in db.session.scalars(select(RoleAssignment).where(
            RoleAssignment.org_id == source.id, RoleAssignment.role.in_(CELL_BOUND_ROLES)))
            if change.kind == "merged" or r.user_id in moving]
        change.meetings_kept = db.session.scalar(select(func.count()).where(Meeting.cell_id == source.id))
    for child in change.children:
        below = select(Organization.id).where(Organization.path.startswith(child.path),
                                              Organization.kind == "cell", Organization.closed.is_(False))
        change.cells_below += db.session.scalar(select(func.count()).select_from(below.subquery()))
        change.members_below += db.session.scalar(select(func.count()).where(
            User.cell_id.in_(below), User.active.is_(True)))
    if change.kind == "merged" and not source.is_cell:
        change.admins_staying = list(db.session.scalars(select(User).join(RoleAssignment).where(
            RoleAssignment.org_id == source.id, RoleAssignment.role == "admin")))
    if not source.is_cell:
        change.documents_staying = db.session.scalar(select(func.count()).where(Document.org_id == source.id))
        change.studies_staying = db.session.scalar(select(func.count()).where(StudyAssignment.org_id == source.id))
    return change


def merge_targets(org: Organization, actor) -> list[tuple[Organization, int]]:
    """What `org` may be merged into, in tree order with depth: open organisations of its kind
    in an admin's subtree that holds it, outside its own subtree."""
    found: dict[int, tuple[Organization, int]] = {}
    for root in admin_roots(actor):
        if root.contains(org):
            for o, depth in subtree(root):
                if o.kind == org.kind and not org.contains(o) and not o.closed:
                    found.setdefault(o.id, (o, depth))  # an admin may hold a root inside another
    return list(found.values())


def split_parts(org: Organization) -> list[tuple[int, str]]:
    """What a split may take from `org`: a cell's members, or an organisation's open children."""
    if org.is_cell:
        return [(u.id, u.full_name) for u in _members(org)]
    return [(o.id, o.name) for o in _children(org, None) if not o.closed]


def plan_merge(source: Organization, target: Organization, day: date, actor) -> Change:
    """`source` merged into `target` from `day`, or the reason it cannot be."""
    if source.id == target.id:
        raise OrgError(msg.MERGE_SAME, field="target")
    if source.closed or target.closed:
        raise OrgError(msg.MERGE_CLOSED, field="target")
    if source.kind != target.kind:
        raise OrgError(msg.MERGE_KIND, field="target")
    if source.contains(target):
        raise OrgError(msg.MERGE_INTO_OWN, field="target")
    roots = admin_roots(actor)
    if any(root.id == source.id for root in roots):
        raise OrgError(msg.ROOT_NOT_MERGED, field="target")
    if not any(root.contains(source) and root.contains(target) for root in roots):
        raise OrgError(msg.MERGE_OUTSIDE, field="target")
    _check_day(source, day, target)
    if source.is_cell:
        # A meeting on or after the day would belong to a cell that no longer existed then.
        later = list(db.session.scalars(select(Meeting.starts_at).where(
            Meeting.cell_id == source.id, Meeting.status != Status.CANCELLED.value,
            Meeting.starts_at >= from_vn(datetime(day.year, day.month, day.day))).order_by(Meeting.starts_at)))
        if later:
            raise OrgError(msg.MEETINGS_AFTER_MERGE.format(count=len(later), first=vn_date(to_vn(later[0]))),
                           field="day")
        return _fill(Change("merged", source, day, target=target, members=_members(source)))
    return _fill(Change("merged", source, day, target=target, children=_children(source)))


def plan_split(source: Organization, name: str, day: date, part_ids: list[int], actor) -> Change:
    """A new organisation `name`, beside `source`, takes the chosen members (of a cell) or
    children (of a committee) from `day`."""
    if source.closed:
        raise OrgError(msg.SPLIT_CLOSED)
    if source.parent is None or not is_admin_of(actor, source.parent):
        raise OrgError(msg.ROOT_NOT_SPLIT)
    if source.parent.closed:
        raise OrgError(msg.PARENT_CLOSED)
    _check_day(source, day)
    if source.is_cell:
        change = Change("split", source, day, name=name, members=_members(source, part_ids))
    else:
        change = Change("split", source, day, name=name, children=_children(source, part_ids))
    if not (change.members or change.children) or len(change.members or change.children) != len(set(part_ids)):
        raise OrgError(msg.SPLIT_CHOOSE_CELL if not source.is_cell else msg.SPLIT_CHOOSE_MEMBERS, field="parts")
    return _fill(change)


def _move_members(change: Change, to: Organization, link: OrganizationLink, actor) -> None:
    for role in change.roles_ending:  # secretary, deputy, treasurer of a cell they leave
        role.user.roles.remove(role)
    for user in change.members:
        db.session.add(MembershipChange(user_id=user.id, from_cell_id=change.source.id, to_cell_id=to.id,
                                        changed_by_id=getattr(actor, "id", None), link_id=link.id))
        user.cell = to


def _move_children(change: Change, to: Organization) -> None:
    for child in change.children:
        if child.kind not in CHILD_KINDS.get(to.kind, ()):
            raise OrgError(msg.NEW_PARENT_REFUSES_KIND)
        reparent(child, to, change.day)


def merge(change: Change, actor=None) -> OrganizationLink:
    """Does the planned merge: `source` closes on the day, linked to `target`."""
    source, target = change.source, change.target
    link = OrganizationLink(from_org_id=source.id, to_org_id=target.id, kind="merged", effective_on=change.day)
    db.session.add(link)
    db.session.flush()
    _move_members(change, target, link, actor)
    _move_children(change, target)
    source.closed, source.valid_to = True, change.day
    moved = (f"{len(change.members)} đảng viên" if source.is_cell
             else f"{len(change.children)} tổ chức trực thuộc")
    record("org.merged", org=target, target=source, actor=actor,
           summary=f"Sáp nhập “{source.name}” vào “{target.name}” từ {vn_date(change.day)}; chuyển {moved}")
    return link


def split(change: Change, actor=None) -> Organization:
    """Does the planned split: the new organisation begins on the day, linked to `source`."""
    source = change.source
    new = create_org(change.name, source.kind, source.parent, valid_from=change.day)
    link = OrganizationLink(from_org_id=source.id, to_org_id=new.id, kind="split", effective_on=change.day)
    db.session.add(link)
    db.session.flush()
    _move_members(change, new, link, actor)
    _move_children(change, new)
    moved = (f"{len(change.members)} đảng viên" if source.is_cell
             else f"{len(change.children)} tổ chức trực thuộc")
    record("org.split", org=source, target=new, actor=actor,
           summary=f"Tách “{new.name}” từ “{source.name}” từ {vn_date(change.day)}; chuyển {moved}")
    return new
