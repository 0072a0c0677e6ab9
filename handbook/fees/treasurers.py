"""The cell's treasurer (thủ quỹ, người thu đảng phí): named and relieved by the cell's secretary
or deputy, each change in the audit log. Services flush; the view commits."""

from sqlalchemy import select

from handbook.audit import record
from handbook.auth.models import ROLE_LABELS, RoleAssignment, User
from handbook.auth.permissions import TREASURER
from handbook.collation import vi_order
from handbook.domain import DomainError
from handbook.extensions import db
from handbook.fees import messages as msg
from handbook.orgs.models import Organization


def treasurers(cell: Organization) -> list[User]:
    return list(db.session.scalars(
        select(User).join(RoleAssignment, RoleAssignment.user_id == User.id)
        .where(RoleAssignment.org_id == cell.id, RoleAssignment.role == TREASURER)
        .order_by(vi_order(User.full_name), User.id)))


def grant(cell: Organization, member: User) -> None:
    if any(r.role == TREASURER and r.org_id == cell.id for r in member.roles):
        raise DomainError(msg.ALREADY_TREASURER.format(name=member.full_name), field="member_id")
    member.roles.append(RoleAssignment(org=cell, role=TREASURER))
    db.session.flush()
    record("role.assigned", org=cell, target=member,
           summary=f"Giao {ROLE_LABELS[TREASURER]} {cell.name} cho {member.full_name}")


def revoke(cell: Organization, member: User) -> None:
    for assignment in list(member.roles):
        if assignment.role == TREASURER and assignment.org_id == cell.id:
            member.roles.remove(assignment)
            db.session.flush()
            record("role.removed", org=cell, target=member,
                   summary=f"Thôi {ROLE_LABELS[TREASURER]} {cell.name} của {member.full_name}")
            return
    raise DomainError(msg.NOT_TREASURER)
