"""What a member's phone keeps for the meeting hall: the meeting pack.

The next meeting of the member's cell (the meetings feature's rule: handbook/meetings/schedule.py)
and any meeting today, with the agenda's linked articles and the member's own note; the previous
meeting with its final minutes; the documents the member marked for offline reading, the
required-study documents and those other features offer (signals.offline_documents: an open
study programme's).
The server draws this list (the worker keeps nothing else), each page with its validator,
so a phone refreshes only what changed and drops what the member may no longer see.
"""

from dataclasses import asdict, dataclass, field
from datetime import datetime, time, timedelta

from flask import url_for
from sqlalchemy import select

from handbook.extensions import db
from handbook.library.access import can_view_document
from handbook.library.models import Document, Section
from handbook.library.paging import layout_for
from handbook.library.study import assignments_for
from handbook.meetings.models import PUBLISHED_MINUTES, AgendaItem, AgendaLink, Meeting, Minutes
from handbook.meetings.schedule import next_meeting_for
from handbook.meetings.status import PUBLISHED
from handbook.models_base import utcnow
from handbook.offline import validators
from handbook.offline.models import OfflineMark
from handbook.signals import answers, offline_documents
from handbook.timefmt import VN, vn_datetime


@dataclass
class Entry:
    url: str
    kind: str  # home, account, offline, meeting, note, document, page (a further page of a document)
    title: str
    etag: str | None
    aliases: list[str] = field(default_factory=list)  # other URLs that show the same page


def pack_meetings(user) -> tuple[list[Meeting], Meeting | None]:
    """Next and today's meetings of the member's own cell; the last one with final minutes."""
    if not user.cell_id:
        return [], None
    now = utcnow()
    # Meetings whose agenda is out: published, held or closed.
    shown = select(Meeting).where(Meeting.cell_id == user.cell_id, Meeting.status.in_(PUBLISHED))
    today = datetime.combine(now.astimezone(VN).date(), time(), tzinfo=VN)
    found = list(db.session.scalars(
        shown.where(Meeting.starts_at >= today, Meeting.starts_at < today + timedelta(days=1))
        .order_by(Meeting.starts_at)))
    upcoming = next_meeting_for(user, now, own_cell=True)
    if upcoming is not None and upcoming not in found:
        found.append(upcoming)
    previous = db.session.scalar(
        shown.join(Minutes, Minutes.meeting_id == Meeting.id)
        .where(Minutes.status.in_(PUBLISHED_MINUTES), Meeting.starts_at < now)
        .order_by(Meeting.starts_at.desc()).limit(1))
    return found, (previous if previous not in found else None)


def _linked_sections(meetings: list[Meeting]) -> list[tuple[Document, str]]:
    if not meetings:
        return []
    rows = db.session.execute(
        select(Document, Section.anchor)
        .join(Section, Section.document_id == Document.id)
        .join(AgendaLink, AgendaLink.section_id == Section.id)
        .join(AgendaItem, AgendaItem.id == AgendaLink.item_id)
        .where(AgendaItem.meeting_id.in_([m.id for m in meetings]))
        .order_by(AgendaItem.meeting_id, AgendaItem.position)
    )
    return [(document, anchor) for document, anchor in rows]


def _pack_documents(user) -> list[Document]:
    marked = db.session.scalars(
        select(Document).join(OfflineMark, OfflineMark.document_id == Document.id)
        .where(OfflineMark.user_id == user.id).order_by(OfflineMark.created_at))
    offered = [document for documents in answers(offline_documents, user) for document in documents]
    return list(marked) + [a.document for a in assignments_for(user)] + offered


class _Builder:
    def __init__(self):
        self.entries: dict[str, Entry] = {}
        self.reader_tags: dict[str, str | None] = {}

    def add(self, entry: Entry) -> Entry:
        return self.entries.setdefault(entry.url, entry)

    def reader(self, document: Document, page: int, kind: str, alias: str | None = None) -> None:
        if document.slug not in self.reader_tags:  # one validator per document, whatever its pages
            self.reader_tags[document.slug] = validators.reader_page(document.slug)
        base = url_for("library.reader", slug=document.slug)
        url, aliases = (base, [f"{base}?trang=1"]) if page == 1 else (f"{base}?trang={page}", [])
        entry = self.add(Entry(url, kind, f"{document.number} — {document.title}", self.reader_tags[document.slug]))
        for extra in aliases + ([alias] if alias else []):
            if extra not in entry.aliases and extra != entry.url:
                entry.aliases.append(extra)


def build_pack(user) -> list[Entry]:
    """The member's pack, in the order the offline page lists it."""
    pack = _Builder()
    pack.add(Entry(url_for("main.home"), "home", "Trang chủ", None))
    # Where logging out is: a member on a shared phone may need it with no signal.
    pack.add(Entry(url_for("auth.account"), "account", "Tài khoản", None))
    # The offline page as this member sees it, with the app's bars: shown for a page the phone
    # lacks, it lists what the phone holds (the bottom tabs open their part of it).
    pack.add(Entry(url_for("offline.offline_page"), "offline", "Không có mạng", None))
    meetings, previous = pack_meetings(user)
    for meeting in meetings + ([previous] if previous else []):
        when = vn_datetime(meeting.starts_at)
        pack.add(Entry(url_for("meetings.show", meeting_id=meeting.id), "meeting", f"{meeting.title} — {when}",
                       validators.meeting_page(meeting.id)))
    for meeting in meetings:
        pack.add(Entry(url_for("notes.meeting_note", meeting_id=meeting.id), "note",
                           f"Ghi chép: {meeting.title}", validators.meeting_note_page(meeting.id)))
    for document, anchor in _linked_sections(meetings):
        if not can_view_document(user, document):
            continue
        layout = layout_for(document)
        pack.reader(document, 1, "document")  # agenda links open the first page, then ask for ?muc=
        page = layout.page_of.get(anchor, 1)
        alias = f"{url_for('library.reader', slug=document.slug)}?muc={anchor}"
        pack.reader(document, page, "page" if page > 1 else "document", alias=alias)
    for document in _pack_documents(user):
        if not can_view_document(user, document):
            continue
        for page in range(1, layout_for(document).page_count + 1):
            pack.reader(document, page, "document" if page == 1 else "page")
    return list(pack.entries.values())


def pack_json(user) -> dict:
    return {
        "account": validators.account_key(),
        "entries": [asdict(entry) for entry in build_pack(user)],
    }
