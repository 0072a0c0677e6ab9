"""Who may do what with study programmes, and the scoped getters every view asks.

A committee's admins set programmes for their subtree, a cell's secretary (and deputy) for their
cell. A member must take part in a programme set at or above their cell (one for leaders only,
if they hold a leadership post). A thu hoạch is its member's; once submitted, the secretary of
the cell it went to and the admins above that cell read it too — never another member.
"""

from flask_login import current_user

from handbook.auth.permissions import (
    admin_roots,
    audience_orgs,
    is_admin_of,
    managed_cells,
    require,
    sets_for_members,
)
from handbook.extensions import db
from handbook.orgs.models import Organization
from handbook.study.models import Harvest, Programme

# Who sets for whom is one rule for every feature that sets members work (auth/permissions.py).
setter_orgs = audience_orgs
can_set = sets_for_members


def in_audience(user, programme: Programme) -> bool:
    """Whether `user` is one of the members who must take part in `programme`."""
    if not user.is_authenticated or user.cell is None or not programme.org.contains(user.cell):
        return False
    return user.holds_leadership_post or not programme.leaders_only


def overseen_roots(user, programme: Programme) -> list[Organization]:
    """The parts of a programme's audience whose completion `user` may read: all of it for an
    admin at or above the programme's organisation; an admin's subtree or a secretary's cell inside it."""
    if not user.is_authenticated:
        return []
    if is_admin_of(user, programme.org):
        return [programme.org]
    inside = [org for org in (*admin_roots(user), *managed_cells(user)) if programme.org.contains(org)]
    return sorted({org.id: org for org in inside}.values(), key=lambda org: org.path)


def get_visible_programme_or_404(programme_id: int) -> Programme:
    """A programme for a member who must take part, or for someone who oversees part of its audience."""
    programme = db.session.get(Programme, programme_id)
    require(programme is not None and (in_audience(current_user, programme)
                                       or bool(overseen_roots(current_user, programme))))
    return programme


def get_audience_programme_or_404(programme_id: int) -> Programme:
    """A programme the current user must take part in: the one they write a thu hoạch for."""
    programme = db.session.get(Programme, programme_id)
    require(programme is not None and in_audience(current_user, programme))
    return programme


def get_overseen_org_or_404(programme: Programme, org_id: int | None) -> Organization:
    """The organisation whose completion is asked for (`?org=`), by default the widest allowed."""
    roots = overseen_roots(current_user, programme)
    require(bool(roots))
    if org_id is None:
        return roots[0]
    org = db.session.get(Organization, org_id)
    require(org is not None and any(root.contains(org) for root in roots))
    return org


def can_read_harvest(user, harvest: Harvest) -> bool:
    """The member always; once submitted, the secretary of its cell and the admins above it."""
    if not user.is_authenticated:
        return False
    if harvest.user_id == user.id:
        return True
    if harvest.status != "submitted":
        return False
    return any(cell.id == harvest.cell_id for cell in managed_cells(user)) or is_admin_of(user, harvest.cell)


def get_readable_harvest_or_404(harvest_id: int) -> Harvest:
    harvest = db.session.get(Harvest, harvest_id)
    require(harvest is not None and can_read_harvest(current_user, harvest))
    return harvest


def session_cells(user, programme: Programme) -> list[Organization]:
    """The cells `user` may plan a study session for: the cells they run that the programme covers."""
    return [cell for cell in managed_cells(user) if programme.org.contains(cell)]
