"""What the reader needs for one page of a document: the page's text, drawn once per document
version (reader_body.py), the member's marks on it read in one statement, and of the rest of the
document only the outline (anchors, levels, numbers, headings), so long documents stay fast."""

from flask import current_app
from sqlalchemy import String, cast, exists, func, select

from handbook.extensions import db
from handbook.library.models import Bookmark, Document, ReadingPosition, StudyMark
from handbook.library.paging import Layout
from handbook.library.reader_body import SLOT, fill, page_href, page_text, section_label
from handbook.library.structure import TOC_LEVELS
from handbook.signals import ordered, reader_marks


def _own_marks(document: Document, user, section_ids: list[int]) -> tuple[str | None, bool, set[int]]:
    """Where the member stopped, whether they marked the document studied, and which of these
    sections they bookmarked: one round trip."""
    position, is_studied, bookmarked = db.session.execute(select(
        select(ReadingPosition.anchor).where(
            ReadingPosition.user_id == user.id, ReadingPosition.document_id == document.id).scalar_subquery(),
        exists().where(StudyMark.user_id == user.id, StudyMark.document_id == document.id),
        select(func.aggregate_strings(cast(Bookmark.section_id, String), ",")).where(
            Bookmark.user_id == user.id, Bookmark.section_id.in_(section_ids or [-1])).scalar_subquery(),
    )).one()
    return position, bool(is_studied), {int(i) for i in bookmarked.split(",")} if bookmarked else set()


def _tools(document: Document, user, slots, bookmarked: set[int]) -> list[str]:
    """Each article's tools for this member: their bookmark, and what other features mark beside
    it (the member's notes), one render for the whole page."""
    if not slots:
        return []
    html = current_app.jinja_env.get_template("library/_section_tools.html").render(
        document=document, sections=slots, bookmarked_ids=bookmarked, slot=SLOT,
        # What other features mark beside each section (the member's notes): the reader knows none.
        marks=ordered(reader_marks, user, document=document))
    return html.split(SLOT)


def page_context(document: Document, user, layout: Layout, page: int, fragment: bool = True) -> dict:
    """One page's text with the member's tools: what the page fragment renders."""
    pieces, slots = page_text(document, layout, page, fragment)
    position, is_studied, bookmarked = _own_marks(document, user, [s.id for s in slots])
    return {
        "document": document,
        "page": page,
        "page_count": layout.page_count,
        "body": fill(pieces, _tools(document, user, slots, bookmarked)),
        "position": position,
        "is_studied": is_studied,
    }


def reader_context(document: Document, user, layout: Layout, page: int) -> dict:
    """The whole reader page: metadata, full contents, reading position and one page of text."""
    context = page_context(document, user, layout, page, fragment=False)
    position = context["position"]
    href = page_href(layout, page)
    toc = [(e, section_label(e), href(e.anchor)) for e in layout.outline
           if e.level in TOC_LEVELS and (e.heading or e.number)]
    return {
        **context,
        "toc": toc,
        "position_href": href(position) if position in layout.page_of else None,
        "position_label": next((section_label(e) for e in layout.outline if e.anchor == position), None),
    }
