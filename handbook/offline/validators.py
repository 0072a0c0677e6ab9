"""The validator (ETag) of each page the meeting pack holds, from the row versions the pages
already track, in one statement per page and before anything is rendered.

A validator must change whenever what the member would see changes, so besides the page's
own rows it covers what every page shows of the member: the login session (pages carry its
CSRF token), the reading size (the device's, else the account's), roles, the bell's unread
count, and the build (templates and static files). None means "no validator": the view runs
as usual (and answers 404 if the member may not see the page).
"""

import hashlib
from datetime import timedelta
from pathlib import Path

from flask import current_app, request, session
from flask_login import current_user
from sqlalchemy import bindparam, func, select

from handbook.auth.permissions import in_cell_id, manages_cell_id
from handbook.auth.service import SESSION_KEY
from handbook.auth.textsize import text_step
from handbook.extensions import db
from handbook.library.access import can_view_document
from handbook.library.models import Bookmark, Document, ReadingPosition, Section, StudyMark
from handbook.meetings.access import can_see_meeting
from handbook.meetings.models import Attendance, Meeting, Minutes, Notification, Rsvp, Task, Vote
from handbook.meetings.status import CHECKIN_EARLY, CHECKIN_LATE, Action, Status, allows
from handbook.models_base import utcnow
from handbook.notes.models import Note
from handbook.offline.models import OfflineMark
from handbook.timefmt import to_vn


def build_stamp() -> str:
    """A digest of the templates and static files: a deploy that changes them changes every page."""
    app = current_app
    stamp = app.extensions.get("offline_build")
    if stamp is None or app.debug:
        digest = hashlib.sha256()
        for folder in (app.static_folder, app.template_folder):
            for path in sorted(Path(folder).rglob("*")):
                if path.is_file():
                    digest.update(str(path.relative_to(folder)).encode())
                    digest.update(path.read_bytes())
        stamp = app.extensions["offline_build"] = digest.hexdigest()[:12]
    return stamp


def account_key() -> str | None:
    """An opaque name for this login on this device: the worker keeps one account's pages under it.
    A new login (another member, or the same one again) is a new name, so nothing stored
    under an earlier login is ever shown to the next."""
    token = session.get(SESSION_KEY)
    if not token or not current_user.is_authenticated:
        return None
    secret = current_app.config["SECRET_KEY"].encode()
    return hashlib.sha256(secret + b"offline-account:" + token.encode()).hexdigest()[:20]


# Statements built once, with bound parameters: SQLAlchemy works out a new statement's cache
# key on every execution (most of a small query's cost) and keeps it on a reused one.
# Plain columns, not ORM objects: nothing to load into the session on the 304 path.
USER, MEETING, SLUG, TODAY = bindparam("user_id"), bindparam("meeting_id"), bindparam("slug"), bindparam("today")
_UNREAD = (select(func.count(Notification.id))
           .where(Notification.user_id == USER, Notification.read_at.is_(None)).scalar_subquery())
_MEETING_COLUMNS = (Meeting.id, Meeting.cell_id, Meeting.status, Meeting.updated_at, Meeting.edit_seq,
                    Meeting.version, Meeting.checkin_code)


def _of_meeting(column, *where):
    return select(column).where(*where).scalar_subquery()


_MEETING_PAGE = select(
    *_MEETING_COLUMNS,
    _of_meeting(Minutes.revision, Minutes.meeting_id == Meeting.id),
    _of_meeting(Minutes.status, Minutes.meeting_id == Meeting.id),
    _of_meeting(Minutes.updated_at, Minutes.meeting_id == Meeting.id),
    _of_meeting(Rsvp.answered_at, Rsvp.meeting_id == Meeting.id, Rsvp.user_id == USER),
    _of_meeting(Attendance.recorded_at, Attendance.meeting_id == Meeting.id, Attendance.user_id == USER),
    # The vote box: every vote opened, closed or cast touches its vote's updated_at.
    _of_meeting(func.max(Vote.updated_at), Vote.meeting_id == Meeting.id),
    _of_meeting(func.count(Vote.id), Vote.meeting_id == Meeting.id),
    # Last month's tasks under the review item, as their owners update them, and those late today.
    _of_meeting(func.max(Task.updated_at), Task.cell_id == Meeting.cell_id),
    _of_meeting(func.count(Task.id), Task.cell_id == Meeting.cell_id),
    _of_meeting(func.count(Task.id), Task.cell_id == Meeting.cell_id, Task.status != "done", Task.due_on < TODAY),
    Meeting.starts_at, Meeting.duration_minutes,
    _UNREAD,
).where(Meeting.id == MEETING)

_NOTE_PAGE = select(
    *_MEETING_COLUMNS,
    _of_meeting(Note.version, Note.owner_id == USER, Note.meeting_id == Meeting.id),
    _of_meeting(Note.id, Note.owner_id == USER, Note.meeting_id == Meeting.id),
    _UNREAD,
).where(Meeting.id == MEETING)

_ON_DOCUMENT = Section.document_id == Document.id
_BOOKMARKS = select(Bookmark.id).join(Section, Section.id == Bookmark.section_id).where(
    Bookmark.user_id == USER, _ON_DOCUMENT)
_NOTES = select(Note.id).join(Section, Section.id == Note.section_id).where(
    Note.owner_id == USER, _ON_DOCUMENT, Note.body != "")
_READER_PAGE = select(
    Document.id, Document.org_id, Document.created_at, Document.updated_at, Document.status,
    Document.replaced_by_id,
    _BOOKMARKS.with_only_columns(func.count(Bookmark.id)).scalar_subquery(),
    _BOOKMARKS.with_only_columns(func.max(Bookmark.id)).scalar_subquery(),
    # Which articles carry the member's note marks: how many, and on which sections.
    _NOTES.with_only_columns(func.count(Note.id)).scalar_subquery(),
    _NOTES.with_only_columns(func.sum(Note.section_id)).scalar_subquery(),
    select(ReadingPosition.anchor).where(ReadingPosition.user_id == USER,
                                         ReadingPosition.document_id == Document.id).scalar_subquery(),
    select(StudyMark.id).where(StudyMark.user_id == USER, StudyMark.document_id == Document.id)
    .limit(1).scalar_subquery(),
    select(OfflineMark.id).where(OfflineMark.user_id == USER,
                                 OfflineMark.document_id == Document.id).scalar_subquery(),
    _UNREAD,
).where(Document.slug == SLUG)


def _tag(*parts) -> str:
    user = current_user
    roles = sorted((r.role, r.org_id) for r in user.roles)
    common = (build_stamp(), account_key(), user.id, text_step(), roles, request.headers.get("HX-Request"))
    return hashlib.sha256(repr((common, parts)).encode()).hexdigest()[:32]


def _ready() -> bool:
    """A validator only for a member whose page would render now (no flashed message waiting)."""
    return (current_user.is_authenticated and not current_user.must_change_password
            and "_flashes" not in session)


def _meeting_facts(row) -> tuple | None:
    """What the meeting row says of the page, or None when the member may not see it."""
    user = current_user
    # Members of the cell and its leaders are settled on the ids; anyone else (an admin above
    # the cell) by the one rule, on the loaded meeting, as is check-in while it is open.
    seen = manages_cell_id(user, row.cell_id) or (row.status != Status.DRAFT and in_cell_id(user, row.cell_id))
    meeting = None
    if not seen or row.checkin_code is not None:
        meeting = db.session.get(Meeting, row.id)
        if not can_see_meeting(user, meeting):
            return None
    return (tuple(row), in_cell_id(user, row.cell_id), manages_cell_id(user, row.cell_id),
            meeting is not None and allows(meeting, Action.CHECK_IN))


def _during(row) -> bool:
    ends = row.starts_at + timedelta(minutes=row.duration_minutes)
    return row.starts_at - CHECKIN_EARLY <= utcnow() <= ends + CHECKIN_LATE


def _meeting_tag(kind: str, statement, meeting_id: int, during: bool = False) -> str | None:
    if not _ready():
        return None
    today = to_vn(utcnow()).date()
    row = db.session.execute(statement, {"meeting_id": meeting_id, "user_id": current_user.id,
                                         "today": today}).first()
    facts = row and _meeting_facts(row)
    return _tag(kind, facts, _during(row) if during else None) if facts else None


def meeting_page(meeting_id: int) -> str | None:
    """/meetings/<id>: the agenda and minutes (row versions), the member's RSVP and check-in,
    the votes and last month's tasks, and whether the meeting is on (the vote box then waits
    for a vote)."""
    return _meeting_tag("meeting", _MEETING_PAGE, meeting_id, during=True)


def meeting_note_page(meeting_id: int) -> str | None:
    """/meetings/<id>/note: the note's version and the meeting it sits beside."""
    return _meeting_tag("note", _NOTE_PAGE, meeting_id)


def reader_page(slug: str) -> str | None:
    """/library/<slug> (any page of it): the document's version and the member's marks on it."""
    if not _ready():
        return None
    row = db.session.execute(_READER_PAGE, {"slug": slug, "user_id": current_user.id}).first()
    # can_view_document reads only the document's organisation, which the row has.
    if row is None or not can_view_document(current_user, row):
        return None
    return _tag("document", tuple(row))
