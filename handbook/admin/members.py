"""Member accounts as the committee manages them: create, edit, deactivate, move, reset, roles."""

from flask import has_request_context
from flask_login import current_user
from sqlalchemy import func, select

from handbook.admin import messages as msg
from handbook.admin.models import MembershipChange
from handbook.audit import record
from handbook.auth.identifiers import owner_of
from handbook.auth.models import ROLE_LABELS, RoleAssignment, User
from handbook.auth.passwords import hash_one_time_password, one_time_password
from handbook.auth.permissions import CELL_BOUND_ROLES
from handbook.auth.service import end_all_sessions
from handbook.domain import DomainError
from handbook.extensions import db
from handbook.orgs.models import Organization
from handbook.signals import password_changed

CELL_ROLES = ("secretary", "deputy")


class MemberError(DomainError):
    """A change refused, with the Vietnamese reason."""


def _require_open_cell(cell: Organization) -> None:
    """Members belong to a cell, and only to one still working."""
    if not cell.is_cell or cell.closed:
        raise MemberError(msg.OPEN_CELL, field="cell")


def create_member(fields: dict, cell: Organization, actor=None) -> tuple[User, str]:
    """A new account with a one-time password the member must change at first login."""
    _require_open_cell(cell)
    password = one_time_password()
    username = fields.pop("username", None) or fields.get("card_number") or fields.get("phone")
    user = User(username=username, cell=cell, password_hash=hash_one_time_password(password),
                must_change_password=True, **fields)
    db.session.add(user)
    db.session.flush()
    db.session.add(MembershipChange(user_id=user.id, to_cell_id=cell.id, changed_by_id=getattr(actor, "id", None)))
    record("account.created", org=cell, target=user, actor=actor,
           summary=f"Tạo tài khoản {user.full_name} ({user.username}) tại {cell.name}")
    return user, password


def update_member(user: User, fields: dict) -> None:
    changed = [key for key, value in fields.items() if getattr(user, key) != value]
    for key in changed:
        setattr(user, key, fields[key])
    if changed:
        record("account.updated", org=user.cell, target=user,
               summary=f"Sửa thông tin {user.full_name}: {', '.join(changed)}")


def _is_last_root_admin(user: User) -> bool:
    for role in user.roles:
        if role.role == "admin" and role.org.parent_id is None:
            others = db.session.scalar(
                select(func.count()).select_from(RoleAssignment).join(User, User.id == RoleAssignment.user_id)
                .where(RoleAssignment.org_id == role.org_id, RoleAssignment.role == "admin",
                       User.id != user.id, User.active.is_(True))
            )
            if not others:
                return True
    return False


def deactivate_member(user: User) -> None:
    """The member can no longer log in; their records, attendance and notes stay."""
    if has_request_context() and current_user.is_authenticated and current_user.id == user.id:
        raise MemberError(msg.NOT_YOURSELF)
    if _is_last_root_admin(user):
        raise MemberError(msg.LAST_ROOT_ADMIN)
    user.active = False
    end_all_sessions(user)
    record("account.deactivated", org=user.cell, target=user, summary=f"Khóa tài khoản {user.full_name}")


def reactivate_member(user: User) -> None:
    user.active = True
    record("account.reactivated", org=user.cell, target=user, summary=f"Mở lại tài khoản {user.full_name}")


def move_member(user: User, cell: Organization, actor=None) -> None:
    """History is kept; the roles held in the old cell (secretary, deputy, treasurer) end with the move."""
    _require_open_cell(cell)
    if cell.id == user.cell_id:
        raise MemberError(msg.ALREADY_IN_CELL)
    old = user.cell
    for role in list(user.roles):
        if role.role in CELL_BOUND_ROLES and role.org_id == old.id:
            user.roles.remove(role)
    db.session.add(MembershipChange(user_id=user.id, from_cell_id=old.id, to_cell_id=cell.id,
                                    changed_by_id=getattr(actor, "id", None)))
    user.cell = cell
    record("account.moved", org=cell, target=user,
           summary=f"Chuyển {user.full_name} từ {old.name} sang {cell.name}")


def reset_password(user: User) -> str:
    password = one_time_password()
    user.password_hash = hash_one_time_password(password)
    user.must_change_password = True
    end_all_sessions(user)
    password_changed.send(user, by_admin=True)
    record("account.password_reset", org=user.cell, target=user, summary=f"Cấp lại mật khẩu cho {user.full_name}")
    return password


def assign_role(user: User, role: str) -> None:
    if role not in CELL_ROLES:
        raise MemberError(msg.BAD_ROLE)
    if any(r.role == role and r.org_id == user.cell_id for r in user.roles):
        raise MemberError(msg.ALREADY_HOLDS_ROLE)
    if not user.active:
        raise MemberError(msg.ACCOUNT_LOCKED)
    user.roles.append(RoleAssignment(org=user.cell, role=role))
    record("role.assigned", org=user.cell, target=user,
           summary=f"Giao {ROLE_LABELS[role]} {user.cell.name} cho {user.full_name}")


def remove_role(user: User, role: str) -> None:
    for assignment in list(user.roles):
        # The committee may also relieve a treasurer the cell's secretary named (fees).
        if assignment.role == role and role in CELL_BOUND_ROLES:
            user.roles.remove(assignment)
            record("role.removed", org=assignment.org, target=user,
                   summary=f"Thôi {ROLE_LABELS[role]} {assignment.org.name} của {user.full_name}")
            return
    raise MemberError(msg.DOES_NOT_HOLD_ROLE)


def history(user: User) -> list[MembershipChange]:
    return list(db.session.scalars(
        select(MembershipChange).where(MembershipChange.user_id == user.id).order_by(MembershipChange.changed_at.desc())
    ))


def uniqueness_problems(fields: dict, exclude_id: int | None = None) -> dict[str, str]:
    """Card number and phone are login names too: each must be free among every account's
    login names, card numbers and phones, in any spelling (handbook/auth/identifiers.py)."""
    problems = {}
    for key, label in (("card_number", msg.CARD_LABEL), ("phone", msg.PHONE_LABEL)):
        value = fields.get(key)
        owner = owner_of(value) if value else None
        if owner is not None and owner != exclude_id:
            problems[key] = msg.TAKEN.format(label=label, value=value)
    return problems
