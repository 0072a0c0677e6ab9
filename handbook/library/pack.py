"""The documents a member's phone keeps (their part of the meeting pack): the articles the
agendas of the pack's meetings link (the reader's first page, and the page holding each
article, as the agenda's link asks for it), the documents the member marked for reading
without signal, the required-study ones and those other features offer (`offline_documents`: an
open study programme's), every page of them.
"""

from flask import url_for
from sqlalchemy import select

from handbook.conditional import page_tag
from handbook.extensions import db
from handbook.library.access import can_view_document
from handbook.library.models import Document, Section
from handbook.library.paging import layout_for
from handbook.library.study import assignments_for
from handbook.library.validators import reader_page
from handbook.meetings.models import AgendaItem, AgendaLink
from handbook.meetings.schedule import pack_meetings
from handbook.offline.marks import marked_document_ids
from handbook.signals import OfflinePage, answers, offline_documents


def _linked_sections(meeting_ids: list[int]) -> list[tuple[Document, str]]:
    if not meeting_ids:
        return []
    rows = db.session.execute(
        select(Document, Section.anchor)
        .join(Section, Section.document_id == Document.id)
        .join(AgendaLink, AgendaLink.section_id == Section.id)
        .join(AgendaItem, AgendaItem.id == AgendaLink.item_id)
        .where(AgendaItem.meeting_id.in_(meeting_ids))
        .order_by(AgendaItem.meeting_id, AgendaItem.position)
    )
    return [(document, anchor) for document, anchor in rows]


def _kept_documents(user) -> list[Document]:
    ids = marked_document_ids(user.id)
    found = {d.id: d for d in db.session.scalars(select(Document).where(Document.id.in_(ids)))} if ids else {}
    offered = [document for documents in answers(offline_documents, user) for document in documents]
    return [found[i] for i in ids if i in found] + [a.document for a in assignments_for(user)] + offered


class _Pages:
    def __init__(self):
        self.pages: dict[str, OfflinePage] = {}
        self.tags: dict[str, str | None] = {}

    def reader(self, document: Document, page: int, kind: str, alias: str | None = None) -> None:
        if document.slug not in self.tags:  # one validator per document, whatever its pages
            self.tags[document.slug] = page_tag(reader_page, slug=document.slug)
        base = url_for("library.reader", slug=document.slug)
        url, aliases = (base, [f"{base}?trang=1"]) if page == 1 else (f"{base}?trang={page}", [])
        entry = self.pages.setdefault(url, OfflinePage(url, kind, f"{document.number} — {document.title}",
                                                       self.tags[document.slug]))
        for extra in aliases + ([alias] if alias else []):
            if extra not in entry.aliases and extra != entry.url:
                entry.aliases.append(extra)


def pack_documents(user) -> list[OfflinePage]:
    pages = _Pages()
    meetings, _previous = pack_meetings(user)
    for document, anchor in _linked_sections([m.id for m in meetings]):
        if not can_view_document(user, document):
            continue
        layout = layout_for(document)
        pages.reader(document, 1, "document")  # agenda links open the first page, then ask for ?muc=
        page = layout.page_of.get(anchor, 1)
        alias = f"{url_for('library.reader', slug=document.slug)}?muc={anchor}"
        pages.reader(document, page, "page" if page > 1 else "document", alias=alias)
    for document in _kept_documents(user):
        if not can_view_document(user, document):
            continue
        for page in range(1, layout_for(document).page_count + 1):
            pages.reader(document, page, "document" if page == 1 else "page")
    return list(pages.pages.values())
