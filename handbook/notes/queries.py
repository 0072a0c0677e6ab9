"""Reading a member's notebook: by meeting date, by year, on articles, for export."""

import functools
from datetime import date, datetime, time, timedelta
from typing import NamedTuple

from sqlalchemy import bindparam, func, select

from handbook.extensions import db
from handbook.library.models import Document, Section
from handbook.meetings.models import Meeting
from handbook.notes.links import editor_url
from handbook.notes.models import Note
from handbook.timefmt import from_vn, to_vn


def _vn_day_start(day: date) -> datetime:
    return from_vn(datetime.combine(day, time.min))


def meeting_notes(owner_id: int, start: date | None = None, end: date | None = None, newest_first=True):
    """(note, meeting) pairs with text, by meeting date; `start`/`end` are Vietnam-time days."""
    query = (
        select(Note, Meeting)
        .join(Meeting, Note.meeting_id == Meeting.id)
        .where(Note.owner_id == owner_id, Note.body != "")
    )
    if start:
        query = query.where(Meeting.starts_at >= _vn_day_start(start))
    if end:
        query = query.where(Meeting.starts_at < _vn_day_start(end + timedelta(days=1)))
    order = Meeting.starts_at.desc() if newest_first else Meeting.starts_at.asc()
    return db.session.execute(query.order_by(order)).all()


def note_years(owner_id: int) -> list[int]:
    """Years (of meeting dates in Vietnam time) that hold notes, newest first."""
    starts = db.session.scalars(
        select(Meeting.starts_at).join(Note, Note.meeting_id == Meeting.id)
        .where(Note.owner_id == owner_id, Note.body != "")
    )
    return sorted({to_vn(s).year for s in starts}, reverse=True)


def section_notes(owner_id: int, start: date | None = None, end: date | None = None):
    """(note, section, document) triples with text, by document then position."""
    query = (
        select(Note, Section, Document)
        .join(Section, Note.section_id == Section.id)
        .join(Document, Section.document_id == Document.id)
        .where(Note.owner_id == owner_id, Note.body != "")
    )
    if start:
        query = query.where(Note.updated_at >= _vn_day_start(start))
    if end:
        query = query.where(Note.updated_at < _vn_day_start(end + timedelta(days=1)))
    return db.session.execute(query.order_by(Document.number, Section.position)).all()


def orphan_notes(owner_id: int) -> list[Note]:
    """Notes whose meeting or section was deleted: kept, shown apart."""
    return list(db.session.scalars(
        select(Note).where(Note.owner_id == owner_id, Note.meeting_id.is_(None), Note.section_id.is_(None),
                           Note.body != "").order_by(Note.updated_at.desc())
    ))


class Recent(NamedTuple):
    """A recent note as the home card lists it, with its editor's address."""

    title: str | None
    updated_at: datetime
    url: str


def recent_notes(owner_id: int, limit: int = 3) -> list[Recent]:
    """The member's most recently edited notes, in one statement with their section's address."""
    # On the session's connection: plain columns need none of the ORM's per-statement work.
    rows = db.session.connection().execute(_recent(), {"owner_id": owner_id, "limit": limit})
    return [Recent(row.context_title, row.updated_at, editor_url(row.id, row.meeting_id, row.slug, row.anchor))
            for row in rows]


@functools.cache
def _recent():
    # Built once and bound per member: every home page asks it, and building it cost more than
    # running it. Only the columns the card shows; a section note's address needs its document.
    return (select(Note.id, Note.meeting_id, Note.context_title, Note.updated_at, Section.anchor, Document.slug)
            .outerjoin(Section, Section.id == Note.section_id)
            .outerjoin(Document, Document.id == Section.document_id)
            .where(Note.owner_id == bindparam("owner_id"), Note.body != "")
            .order_by(Note.updated_at.desc()).limit(bindparam("limit")))


def anchors_with_notes(user, document: Document) -> set[str]:
    """Anchors of `document`'s sections on which `user` has a note: the reader marks them."""
    if not user.is_authenticated:
        return set()
    return set(db.session.scalars(
        select(Section.anchor).join(Note, Note.section_id == Section.id)
        .where(Note.owner_id == user.id, Section.document_id == document.id, Note.body != "")
    ))


ANCHOR_SEPARATOR = "\n"  # no anchor holds one: anchors are made for addresses ("dieu-3-khoan-2")


@functools.cache
def anchors_with_notes_column():
    """`anchors_with_notes` as one column (the anchors joined by ANCHOR_SEPARATOR, or NULL), for the
    reader to ask in its own statement: built once, bound by `member_id` and `document_id`."""
    return (select(func.aggregate_strings(Section.anchor, ANCHOR_SEPARATOR))
            .join(Note, Note.section_id == Section.id)
            .where(Note.owner_id == bindparam("member_id"), Section.document_id == bindparam("document_id"),
                   Note.body != "")
            .scalar_subquery())


def note_count(owner_id: int) -> int:
    return db.session.scalar(select(func.count(Note.id)).where(Note.owner_id == owner_id, Note.body != "")) or 0
