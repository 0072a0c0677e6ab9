"""What the reader needs for one page of a document: the page's text, drawn once per document
version (reader_body.py), the member's marks on it read in one statement, and of the rest of the
document only the outline (anchors, levels, numbers, headings), so long documents stay fast."""

from functools import cache

from flask import current_app
from sqlalchemy import String, bindparam, cast, exists, func, select

from handbook.extensions import db
from handbook.library.models import Bookmark, Document, ReadingPosition, StudyMark
from handbook.library.paging import Layout
from handbook.library.reader_body import SLOT, fill, page_href, page_text, section_label
from handbook.library.structure import TOC_LEVELS
from handbook.signals import ordered, reader_marks


@cache
def _marks_statement():
    member, document = bindparam("user_id"), bindparam("document_id")
    return select(
        select(ReadingPosition.anchor).where(
            ReadingPosition.user_id == member, ReadingPosition.document_id == document).scalar_subquery(),
        exists().where(StudyMark.user_id == member, StudyMark.document_id == document),
        select(func.aggregate_strings(cast(Bookmark.section_id, String), ",")).where(
            Bookmark.user_id == member, Bookmark.section_id.in_(bindparam("sections", expanding=True))
        ).scalar_subquery(),
    )


def _own_marks(document: Document, user, section_ids: list[int]) -> tuple[str | None, bool, set[int]]:
    """Where the member stopped, whether they marked the document studied, and which of these
    sections they bookmarked: one round trip (a statement built once)."""
    position, is_studied, bookmarked = db.session.connection().execute(_marks_statement(), {
        "user_id": user.id, "document_id": document.id, "sections": section_ids or [-1]}).one()
    return position, bool(is_studied), {int(i) for i in bookmarked.split(",")} if bookmarked else set()


def _marks(document: Document, user, slots) -> list[str] | None:
    """What other features mark beside each article for this member (their notes, a question to
    ask), one render for the whole page; None when no feature marks anything."""
    # The reader knows none of them: they answer the signal.
    marks = ordered(reader_marks, user, document=document)
    if not slots or not marks:
        return None
    html = current_app.jinja_env.get_template("library/_section_tools.html").render(
        document=document, sections=[slot.section for slot in slots], marks=marks, slot=SLOT)
    return html.split(SLOT)


def page_context(document: Document, user, layout: Layout, page: int, fragment: bool = True) -> dict:
    """One page's text with the member's tools: what the page fragment renders."""
    pieces, slots = page_text(document, layout, page, fragment)
    position, is_studied, bookmarked = _own_marks(document, user, [slot.section.id for slot in slots])
    return {
        "document": document,
        "page": page,
        "page_count": layout.page_count,
        "body": fill(pieces, slots, bookmarked, _marks(document, user, slots)),
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
