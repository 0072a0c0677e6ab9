"""Who may see a member's year: the author always; once submitted, the cell's secretary and
deputy and the committee admins above the cell; nobody else. Other members' ratings: the
cell's leaders and the committee only. Every view asks here."""

from flask_login import current_user
from sqlalchemy import select

from handbook.auth.models import User
from handbook.auth.permissions import admin_roots, is_admin_of, manages_cell_id, require
from handbook.auth.queries import user_by_id
from handbook.domain import DomainError
from handbook.extensions import db
from handbook.orgs.models import Organization
from handbook.orgs.queries import org_by_id
from handbook.year import messages as msg
from handbook.year import settings
from handbook.year.levels import year_allowed
from handbook.year.models import Rating


def this_year() -> int:
    return settings.today().year


def check_year(year: int) -> int:
    """A year in the future (or before the app's time) is refused with a sentence."""
    if not year_allowed(year, this_year()):
        raise DomainError(msg.FUTURE_YEAR.format(year=year))
    return year


def oversees_cell(user, cell_id: int) -> bool:
    """The cell's secretary or deputy, or an admin of a subtree holding the cell."""
    if manages_cell_id(user, cell_id):
        return True
    cell = org_by_id(cell_id)
    return cell is not None and is_admin_of(user, cell)


def can_read_paper(user, paper) -> bool:
    """A commitment or a self-review."""
    if not user.is_authenticated:
        return False
    if paper.user_id == user.id:
        return True
    return paper.status == "submitted" and oversees_cell(user, paper.cell_id)


def get_overseen_cell_or_404(cell_id: int) -> Organization:
    cell = org_by_id(cell_id)
    require(cell is not None and cell.is_cell and oversees_cell(current_user, cell.id))
    return cell


def get_managed_cell_or_404(cell_id: int) -> Organization:
    """For recording ratings: the cell's secretary and deputy only."""
    cell = org_by_id(cell_id)
    require(cell is not None and cell.is_cell and manages_cell_id(current_user, cell.id))
    return cell


def get_member_of_cell_or_404(cell: Organization, user_id: int, year: int) -> User:
    """A member of `cell` (or one it rated in `year` before they moved away), for its leaders'
    pages; someone else's member answers 404."""
    member = user_by_id(user_id)
    require(member is not None and (member.cell_id == cell.id or _rated_by(cell, member, year)))
    return member


def _rated_by(cell: Organization, member: User, year: int) -> bool:
    return db.session.scalar(select(Rating.id).where(Rating.user_id == member.id, Rating.year == year,
                                                     Rating.cell_id == cell.id)) is not None


def member_for_rating(cell: Organization, user_id, year: int) -> User:
    """The member a rating form names: a member of the cell, or one it rated that year before
    they moved away (the rating stays the cell's); anyone else is refused with a sentence."""
    member = user_by_id(user_id)
    if member is None or not member.active or (member.cell_id != cell.id and not _rated_by(cell, member, year)):
        raise DomainError(msg.OTHER_CELL.format(cell=cell.name), field="member_id")
    return member


def get_overseen_org_or_404(org_id: int | None) -> Organization:
    """The organisation whose figures an admin reads: their own root by default, or any
    organisation inside their subtrees."""
    roots = admin_roots(current_user)
    require(bool(roots))
    if org_id is None:
        return roots[0]
    org = org_by_id(org_id)
    require(org is not None and is_admin_of(current_user, org))
    return org


def overseen_orgs(root: Organization) -> list[Organization]:
    """The branches an admin may pick for the figures: the root and the non-cell organisations
    below, then the cells."""
    rows = db.session.scalars(select(Organization).where(Organization.path.startswith(root.path))
                              .order_by(Organization.kind != "bloc", Organization.kind == "cell",
                                        Organization.path)).all()
    return list(rows)
