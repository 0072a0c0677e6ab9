"""What a meeting's pages are made of, for their validators (handbook/conditional.py): the
meeting's content version, which moves with its agenda, answers, check-in, minutes, votes and
tasks (handbook/content_version.py), the cell's earlier meetings' versions (their tasks show
under the review item), and what time alone changes — the check-in window, and last month's
tasks falling late. One statement, built once, before
anything is rendered; the notes feature adds its note's version to the same row.
"""

from datetime import timedelta
from functools import cache

from flask import g
from flask_login import current_user
from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import aliased

from handbook.auth.permissions import in_cell_id, manages_cell_id
from handbook.conditional import carries_own_version, commits, member, own_version, validator_row
from handbook.extensions import db
from handbook.library.models import Document, Section
from handbook.meetings.access import can_see_meeting
from handbook.meetings.models import AgendaItem, AgendaLink, Meeting, Task
from handbook.meetings.status import CHECKIN_EARLY, CHECKIN_LATE, Action, Status, allows
from handbook.models_base import utcnow
from handbook.timefmt import to_vn

MEETING, TODAY = bindparam("meeting_id"), bindparam("today")
_LINKED = (select(Section.document_id).join(AgendaLink, AgendaLink.section_id == Section.id)
           .join(AgendaItem, AgendaItem.id == AgendaLink.item_id).where(AgendaItem.meeting_id == Meeting.id)
           # Two levels below the meeting's SELECT: left to itself it would take a `meeting` of its
           # own (every meeting's links, a scan of the province's agenda on each page).
           .correlate(Meeting))
# The page shows the headings of the articles its agenda links and the title of its document: the
# sum of those documents' versions moves when any of them does (versions only grow, and a link
# added or removed moves the meeting's own).
# Two sums, not one with an OR: "linked or the meeting's own document" made PostgreSQL read every
# document to test it (10 ms on a province's library); a document in both is counted twice, which
# moves the key all the same.
_DOCUMENTS = (select(func.coalesce(func.sum(Document.content_version), 0))
              .where(Document.id.in_(_LINKED)).scalar_subquery()
              + func.coalesce(select(Document.content_version).where(Document.id == Meeting.document_id)
                              .scalar_subquery(), 0))
# What the shared parts (parts.py) and every validator of the meeting's pages read alike.
VERSION = (Meeting.content_version, _DOCUMENTS)
# Plain columns, not ORM objects: nothing to load into the session on the 304 path.
COLUMNS = (Meeting.id, Meeting.cell_id, Meeting.status, Meeting.checkin_code, Meeting.starts_at,
           Meeting.duration_minutes, *VERSION)


def _of_cell(column, *where):
    return select(column).where(Task.cell_id == Meeting.cell_id, *where).scalar_subquery()


# Statements built once, with bound parameters: SQLAlchemy works out a new statement's cache key
# on every execution (most of a small query's cost) and keeps it on a reused one.
@cache
def _page():
    """Built on first use: the member's own version (conditional.own_version) names the
    member's table, imported last by the conditional module."""
    earlier = aliased(Meeting)
    return select(
        *COLUMNS,
        # The tasks shown under the review item are the cell's earlier meetings' (set at the last
        # one, or still open): a task written in any way, even by a bare statement, moves its
        # meeting's version, and so this sum; so does the last meeting moved or cancelled.
        select(func.coalesce(func.sum(earlier.content_version), 0))
        .where(earlier.cell_id == Meeting.cell_id, earlier.starts_at < Meeting.starts_at).scalar_subquery(),
        # Those late today: a task falls late at midnight, with no write at all.
        _of_cell(func.count(Task.id), Task.status != "done", Task.due_on < TODAY),
        own_version(),
    ).where(Meeting.id == MEETING)


def facts(row) -> tuple | None:
    """What a row of `COLUMNS` says of a meeting's page for the member, or None when the member
    may not see the meeting (the view answers its 404)."""
    user = member()  # the worker's copy on a revisit: ids and roles only (conditional.member)
    # Members of the cell and its leaders are settled on the ids; anyone else (an admin above
    # the cell) by the one rule, on the loaded meeting, as is check-in while it is open.
    seen = manages_cell_id(user, row.cell_id) or (row.status != Status.DRAFT and in_cell_id(user, row.cell_id))
    meeting = None
    if not seen or row.checkin_code is not None:
        meeting = db.session.get(Meeting, row.id)
        if not can_see_meeting(current_user, meeting):  # an admin's case reads organisations: loaded
            return None
    ends = row.starts_at + timedelta(minutes=row.duration_minutes)
    during = row.starts_at - CHECKIN_EARLY <= utcnow() <= ends + CHECKIN_LATE
    return (tuple(row), in_cell_id(user, row.cell_id), manages_cell_id(user, row.cell_id),
            meeting is not None and allows(meeting, Action.CHECK_IN), during)


_ROWS = "meeting_page_rows"


def _read(meeting_id: int):
    row = validator_row(_page(), {"meeting_id": meeting_id, "today": to_vn(utcnow()).date(),
                                  "member_id": member().id})
    g.setdefault(_ROWS, {})[meeting_id] = (row, commits())
    return row


@carries_own_version
def meeting_page(meeting_id: int) -> tuple | None:
    """/meetings/<id>: the meeting's content version, the cell's tasks, whether it is on, and
    the member's own version (their bell), in one statement (not again for the tag taken after
    the view wrote, when the view has read it since its write)."""
    row = page_row(meeting_id)
    return facts(row) if row is not None else None


def page_row(meeting_id: int):
    """The validator's row for the view: what this request last read, while the request has
    committed nothing since (a write of the view may have moved a version), else read again —
    once per commit, not once per asking (a first visit's read receipt is a commit, and the
    page asks for the row five times). Every cache of the page keys on it, so the render caches
    and the ETag cannot disagree, and a change made by another worker is a new key on its next
    request."""
    row, read_after = g.get(_ROWS, {}).get(meeting_id, (None, None))
    return row if row is not None and read_after == commits() else _read(meeting_id)


def content_key(meeting: Meeting) -> tuple:
    """The key the page's shared parts are cached under: the same versions its validator reads."""
    row = page_row(meeting.id)
    return (meeting.id, row.content_version, row[len(COLUMNS) - 1])


def tasks_key(meeting: Meeting) -> tuple:
    """The key of the review item's tasks: the meeting's version (its agenda's review item), the
    earlier meetings' versions (their tasks), those late today, and the day, which moves a task's
    state (late) at midnight."""
    row = page_row(meeting.id)
    return (meeting.id, row.content_version, *row[len(COLUMNS):len(COLUMNS) + 2], to_vn(utcnow()).date())
