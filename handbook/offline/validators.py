"""The validator (ETag) of each page the meeting pack holds, from the row versions the pages
already track, in one statement per page and before anything is rendered.

A validator must change whenever what the member would see changes, so besides the page's
own rows it covers what every page shows of the member: the login session (pages carry its
CSRF token), reading size, roles, the bell's unread count, and the build (templates and
static files). None means "no validator": the view runs as usual (and answers 404 if the
member may not see the page).
"""

import hashlib
from pathlib import Path

from flask import current_app, request, session
from flask_login import current_user
from sqlalchemy import func, select

from handbook.auth.permissions import in_cell_id, manages_cell_id
from handbook.auth.service import SESSION_KEY
from handbook.extensions import db
from handbook.library.access import can_view_document
from handbook.library.models import Bookmark, Document, ReadingPosition, Section, StudyMark
from handbook.meetings.access import can_see_meeting
from handbook.meetings.attendance import checkin_open
from handbook.meetings.models import Attendance, Meeting, Minutes, Notification, Rsvp
from handbook.notes.models import Note
from handbook.offline.models import OfflineMark


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


def _unread(user_id: int):
    return (select(func.count(Notification.id))
            .where(Notification.user_id == user_id, Notification.read_at.is_(None)).scalar_subquery())


def _tag(*parts) -> str:
    user = current_user
    roles = sorted((r.role, r.org_id) for r in user.roles)
    common = (build_stamp(), account_key(), user.id, user.font_step, roles, request.headers.get("HX-Request"))
    return hashlib.sha256(repr((common, parts)).encode()).hexdigest()[:32]


def _ready() -> bool:
    """A validator only for a member whose page would render now (no flashed message waiting)."""
    return (current_user.is_authenticated and not current_user.must_change_password
            and "_flashes" not in session)


def _minutes_columns(meeting_id):
    def one(column):
        return select(column).where(Minutes.meeting_id == meeting_id).scalar_subquery()

    return one(Minutes.revision), one(Minutes.status), one(Minutes.updated_at)


def _meeting_facts(meeting: Meeting) -> tuple:
    return (meeting.id, meeting.updated_at, meeting.edit_seq, meeting.version, meeting.status,
            meeting.checkin_code is not None, checkin_open(meeting))


def meeting_page(meeting_id: int) -> str | None:
    """/meetings/<id>: the agenda and minutes (row versions), the member's RSVP and check-in."""
    if not _ready():
        return None
    user_id = current_user.id
    row = db.session.execute(
        select(Meeting, *_minutes_columns(Meeting.id),
               select(Rsvp.answered_at).where(Rsvp.meeting_id == Meeting.id, Rsvp.user_id == user_id)
               .scalar_subquery(),
               select(Attendance.recorded_at).where(Attendance.meeting_id == Meeting.id,
                                                    Attendance.user_id == user_id).scalar_subquery(),
               _unread(user_id))
        .where(Meeting.id == meeting_id)
    ).first()
    if row is None or not can_see_meeting(current_user, row[0]):
        return None
    meeting = row[0]
    return _tag("meeting", _meeting_facts(meeting), tuple(row[1:]),
                in_cell_id(current_user, meeting.cell_id), manages_cell_id(current_user, meeting.cell_id))


def meeting_note_page(meeting_id: int) -> str | None:
    """/meetings/<id>/note: the note's version and the meeting it sits beside."""
    if not _ready():
        return None
    user_id = current_user.id
    row = db.session.execute(
        select(Meeting,
               select(Note.version).where(Note.owner_id == user_id, Note.meeting_id == Meeting.id)
               .scalar_subquery(),
               select(Note.id).where(Note.owner_id == user_id, Note.meeting_id == Meeting.id).scalar_subquery(),
               _unread(user_id))
        .where(Meeting.id == meeting_id)
    ).first()
    if row is None or not can_see_meeting(current_user, row[0]):
        return None
    return _tag("note", _meeting_facts(row[0]), tuple(row[1:]))


def reader_page(slug: str) -> str | None:
    """/library/<slug> (any page of it): the document's version and the member's marks on it."""
    if not _ready():
        return None
    user_id = current_user.id
    on_document = Section.document_id == Document.id
    row = db.session.execute(
        select(Document,
               select(func.count(Bookmark.id)).join(Section, Section.id == Bookmark.section_id)
               .where(Bookmark.user_id == user_id, on_document).scalar_subquery(),
               select(func.max(Bookmark.id)).join(Section, Section.id == Bookmark.section_id)
               .where(Bookmark.user_id == user_id, on_document).scalar_subquery(),
               # Which articles carry the member's note marks: how many, and on which sections.
               select(func.count(Note.id)).join(Section, Section.id == Note.section_id)
               .where(Note.owner_id == user_id, on_document, Note.body != "").scalar_subquery(),
               select(func.sum(Note.section_id)).join(Section, Section.id == Note.section_id)
               .where(Note.owner_id == user_id, on_document, Note.body != "").scalar_subquery(),
               select(ReadingPosition.anchor).where(ReadingPosition.user_id == user_id,
                                                   ReadingPosition.document_id == Document.id).scalar_subquery(),
               select(StudyMark.id).where(StudyMark.user_id == user_id, StudyMark.document_id == Document.id)
               .limit(1).scalar_subquery(),
               select(OfflineMark.id).where(OfflineMark.user_id == user_id,
                                            OfflineMark.document_id == Document.id).scalar_subquery(),
               _unread(user_id))
        .where(Document.slug == slug)
    ).first()
    if row is None or not can_view_document(current_user, row[0]):
        return None
    document = row[0]
    return _tag("document", document.id, document.created_at, document.updated_at, document.status,
                document.replaced_by_id, tuple(row[1:]))
