"""Who may see which party-fee records: a member their own, and only their own; the cell's
treasurer, secretary and deputy the cell's; the committee admins above the cell its reports.
Every view asks here; anything else answers 404."""

from flask import current_app
from flask_login import current_user

from handbook.auth.models import User
from handbook.auth.permissions import TREASURER, admin_roots, is_admin_of, keeps_fees_of, manages_cell_id, require
from handbook.auth.queries import user_by_id
from handbook.domain import DomainError
from handbook.fees import messages as msg
from handbook.fees.rates import FIRST_MONTH, Rate, month_allowed
from handbook.models_base import utcnow
from handbook.orgs.models import Organization
from handbook.orgs.queries import org_by_id
from handbook.timefmt import to_vn


def this_month() -> tuple[int, int]:
    """The month in Vietnam now (fees are monthly by Vietnamese dates)."""
    local = to_vn(utcnow())
    return local.year, local.month


def fee_table() -> dict[str, Rate]:
    return current_app.extensions["fee_table"]


def check_month(year: int, month: int) -> None:
    if not month_allowed(year, month, this_month()):
        raise DomainError(msg.MONTH_OUTSIDE.format(month=f"{month:02d}", year=year))


def check_year(year: int) -> None:
    if not FIRST_MONTH[0] <= year <= this_month()[0] + 1:
        raise DomainError(msg.MONTH_OUTSIDE.format(month="01", year=year))


def _cell(cell_id: int) -> Organization | None:
    cell = org_by_id(cell_id)
    return cell if cell is not None and cell.is_cell else None


def get_kept_cell_or_404(cell_id: int) -> Organization:
    """For recording: the cell's treasurer, secretary or deputy."""
    cell = _cell(cell_id)
    require(cell is not None and keeps_fees_of(current_user, cell.id))
    return cell


def get_managed_cell_or_404(cell_id: int) -> Organization:
    """For choosing the treasurer, and for the three-unpaid-months flag: secretary and deputy."""
    cell = _cell(cell_id)
    require(cell is not None and manages_cell_id(current_user, cell.id))
    return cell


def get_reported_cell_or_404(cell_id: int) -> Organization:
    """For the month's report: those who record, and the committee admins above the cell."""
    cell = _cell(cell_id)
    require(cell is not None and (keeps_fees_of(current_user, cell.id) or is_admin_of(current_user, cell)))
    return cell


def get_overseen_org_or_404(org_id: int | None) -> Organization:
    """The organisation whose cells an admin sums: their own root by default, or any
    organisation inside their subtrees."""
    roots = admin_roots(current_user)
    require(bool(roots))
    if org_id is None:
        return roots[0]
    org = org_by_id(org_id)
    require(org is not None and is_admin_of(current_user, org))
    return org


def member_to_grant(cell: Organization, user_id) -> User:
    """A member the secretary names as treasurer: active, of this cell; anyone else is refused."""
    member = user_by_id(user_id)
    if member is None or not member.active or member.cell_id != cell.id:
        raise DomainError(msg.NOT_A_MEMBER.format(cell=cell.name), field="member_id")
    return member


def get_treasurer_or_404(cell: Organization, user_id: int) -> User:
    member = user_by_id(user_id)
    require(member is not None and any(r.role == TREASURER and r.org_id == cell.id for r in member.roles))
    return member
