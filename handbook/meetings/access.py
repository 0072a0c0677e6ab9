"""Who may see which meeting: the one rule, used by every view, search and feed."""

from flask_login import current_user
from sqlalchemy import Select, and_, bindparam, false, or_, select

from handbook.auth.models import User
from handbook.auth.permissions import (
    admin_roots,
    can_view_cell,
    in_cell_id,
    managed_cells,
    manages_cell_id,
    require,
)
from handbook.extensions import db
from handbook.meetings.minutes.models import Minutes
from handbook.meetings.models import Attendance, Meeting, Rsvp
from handbook.meetings.status import Action, Status, status_allows
from handbook.meetings.tasks.models import Task
from handbook.orgs.queries import subtree_ids
from handbook.search.query import Facets


def can_see_meeting(user: User, meeting: Meeting) -> bool:
    """Cell members and admins above see published meetings; drafts only the cell's leaders."""
    # The ids settle the leaders' and the cell's members' cases (most who ask: members typing
    # their note during the meeting) without loading the cell; only an admin's needs its path.
    if meeting.status == Status.DRAFT:
        return manages_cell_id(user, meeting.cell_id)
    return in_cell_id(user, meeting.cell_id) or can_view_cell(user, meeting.cell)


def visible_meetings(user: User) -> Select:
    """A query of the meetings `user` may see (same rule as can_see_meeting, in SQL)."""
    if not user.is_authenticated:
        return select(Meeting).where(false())
    led = [cell.id for cell in managed_cells(user)]
    published_cells = [c for c in ([user.cell_id] if user.cell_id else []) + led]
    conditions = [Meeting.cell_id.in_(led)] if led else []
    not_draft = Meeting.status != Status.DRAFT
    if published_cells:
        conditions.append(Meeting.cell_id.in_(published_cells) & not_draft)
    for root in admin_roots(user):
        subtree = subtree_ids(root)
        conditions.append(Meeting.cell_id.in_(subtree) & not_draft)
    if not conditions:
        return select(Meeting).where(false())
    return select(Meeting).where(or_(*conditions))


def visible_cells(user: User) -> tuple[list[int], list[int]] | None:
    """visible_meetings' rule as cell ids, for a statement built once and bound per member: (the
    cells whose drafts they see, the cells whose announced meetings they see). None for a
    committee's admins, whose subtrees only visible_meetings reads."""
    if not user.is_authenticated or admin_roots(user):
        return None
    led = [cell.id for cell in managed_cells(user)]
    return led, ([user.cell_id] if user.cell_id else []) + led


def own_cell_meetings(user: User, limit: int) -> list[Meeting]:
    """The meetings of the member's own cell they may see, newest first (at most `limit`)."""
    if user.cell_id is None:
        return []
    return list(db.session.scalars(visible_meetings(user).where(Meeting.cell_id == user.cell_id)
                                   .order_by(Meeting.starts_at.desc()).limit(limit)))


def visible_meeting_facets(user: User) -> Facets:
    """The same rule as visible_meetings, as facets of the search index: a meeting's entries
    carry its cell and every organisation above (a<id>) and whether it is a draft."""
    if not user.is_authenticated:
        return Facets()
    led = [cell.id for cell in managed_cells(user)]
    groups = [[f"a{cell_id}"] for cell_id in led]
    groups += [[f"a{cell_id}", "pub"] for cell_id in ([user.cell_id] if user.cell_id else [])]
    groups += [[f"a{root.id}", "pub"] for root in admin_roots(user)]
    return Facets(groups)


def own_meeting_cells(user: User) -> list[int] | None:
    """The cells whose meetings are all `user` may see (their own, those they lead), or None
    for someone who sees a whole subtree (a committee's admin). Cells are leaves of the tree,
    so a cell's facet matches its own meetings only."""
    if not user.is_authenticated or admin_roots(user):
        return None
    return sorted({cell.id for cell in managed_cells(user)} | ({user.cell_id} if user.cell_id else set()))


def get_visible_meeting_or_404(meeting_id: int) -> Meeting:
    meeting = db.session.get(Meeting, meeting_id)
    require(meeting is not None and can_see_meeting(current_user, meeting))
    return meeting


# The one rule as SQL over a meeting's id with the member's cells bound (visible_cells), for a
# write that would otherwise load the meeting only to check it: a note's autosave says "only on a
# meeting I may see" in its own UPDATE. Built once; bind with seen_params.
SEEN_MEETING_IDS = select(Meeting.id).where(
    Meeting.id == bindparam("seen_meeting_id"),
    or_(Meeting.cell_id.in_(bindparam("seen_led", expanding=True)),
        and_(Meeting.cell_id.in_(bindparam("seen_cells", expanding=True)), Meeting.status != Status.DRAFT)))


def seen_params(user: User, meeting_id: int) -> dict | None:
    """The values SEEN_MEETING_IDS takes for `user`, or None for a committee's admin (whose
    subtrees it does not hold: the caller loads the meeting and asks can_see_meeting)."""
    cells = visible_cells(user)
    if cells is None:
        return None
    return {"seen_meeting_id": meeting_id, "seen_led": cells[0], "seen_cells": cells[1]}


_MEMBER = bindparam("user_id")
# Built once: a statement's cache key is worked out again on every new one.
_WITH_OWN = (select(Meeting, Rsvp, Attendance)
             .outerjoin(Rsvp, and_(Rsvp.meeting_id == Meeting.id, Rsvp.user_id == _MEMBER))
             .outerjoin(Attendance, and_(Attendance.meeting_id == Meeting.id, Attendance.user_id == _MEMBER))
             .where(Meeting.id == bindparam("meeting_id")))


def get_visible_meeting_with_own_or_404(meeting_id: int) -> tuple[Meeting, Rsvp | None, Attendance | None]:
    """The meeting, with the member's own answer (RSVP) and attendance mark: one statement
    where the meeting page used to ask three times."""
    found = db.session.execute(_WITH_OWN, {"meeting_id": meeting_id, "user_id": current_user.id}).first()
    require(found is not None and can_see_meeting(current_user, found[0]))
    return found[0], found[1], found[2]


def get_managed_meeting_or_404(meeting_id: int, action: Action | None = None) -> Meeting:
    """For the secretary's and deputy's work: anyone else gets 404, and so does a meeting whose
    status does not allow `action` (the status table's answer; no page offers it then)."""
    meeting = db.session.get(Meeting, meeting_id)
    require(meeting is not None and manages_cell_id(current_user, meeting.cell_id)
            and (action is None or status_allows(meeting, action)))
    return meeting


def can_write_minutes(user, meeting: Meeting) -> bool:
    """The cell's leaders, and the members the minutes name as chair or note-taker: the
    note-taker is often a member without any other role."""
    if manages_cell_id(user, meeting.cell_id):
        return True
    if not in_cell_id(user, meeting.cell_id):
        return False
    people = db.session.execute(select(Minutes.chair_id, Minutes.note_taker_id)
                                .where(Minutes.meeting_id == meeting.id)).first()
    return people is not None and user.id in tuple(people)


def get_minutes_meeting_or_404(meeting_id: int, action: Action | None = None) -> Meeting:
    """For writing the minutes (can_write_minutes), in a status that allows `action`."""
    meeting = db.session.get(Meeting, meeting_id)
    require(meeting is not None and meeting.status != Status.DRAFT and can_write_minutes(current_user, meeting)
            and (action is None or status_allows(meeting, action)))
    return meeting


def get_visible_task_or_404(task_id: int) -> Task:
    """A task of a cell the user sees the business of (who may change it: tasks/service.can_update)."""
    task = db.session.get(Task, task_id)
    require(task is not None and (in_cell_id(current_user, task.cell_id) or manages_cell_id(current_user, task.cell_id)
                                  or can_view_cell(current_user, task.meeting.cell)))
    return task
