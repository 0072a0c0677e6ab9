"""What the reader needs for one page of a document: the page's text, drawn once per document
version (reader_body.py), the member's marks on it read with the document in one statement
(visit.py), and of the rest of the document only the outline (anchors, levels, numbers,
headings), so long documents stay fast."""

from flask import current_app, request

from handbook.cache import Cache
from handbook.library.models import Document
from handbook.library.paging import Layout
from handbook.library.reader_body import CACHE_SIZE, CSRF, SLOT, fill, page_href, page_text, section_label
from handbook.library.structure import TOC_LEVELS
from handbook.library.visit import Visit

# A page's marks drawn, kept per document version and page and the marks' own contexts (the
# member's notes on the document): most members have the same marks on a page (none of their own).
_drawn_marks = Cache(size=CACHE_SIZE, ttl_seconds=None)


def _draw_marks(document: Document, marks, slots) -> list[str]:
    # A stand-in for the login's form token, as in the page's text (fill puts the request's in).
    html = current_app.jinja_env.get_template("library/_section_tools.html").render(
        document=document, sections=[slot.section for slot in slots], marks=marks, slot=SLOT,
        csrf_token=lambda: CSRF)
    return html.split(SLOT)


def _marks(document: Document, page: int, marks, slots) -> list[str] | None:
    """What other features mark beside each article for this member (their notes, a question to
    ask), one render for the whole page; None when no feature marks anything."""
    if not slots or not marks:
        return None
    key = (document.id, document.created_at, document.content_version, page, request.script_root,
           tuple((m.template, tuple(sorted(m.context.items()))) for m in marks))
    try:
        hash(key)
    except TypeError:  # a context the marks cannot be kept under: drawn for this visit alone
        return _draw_marks(document, marks, slots)
    return _drawn_marks.get_or_make(key, lambda: _draw_marks(document, marks, slots))


def page_context(visit: Visit, layout: Layout, page: int, fragment: bool = True) -> dict:
    """One page's text with the member's tools: what the page fragment renders."""
    document = visit.document
    pieces, slots = page_text(document, layout, page, fragment)
    return {
        "document": document,
        "page": page,
        "page_count": layout.page_count,
        "body": fill(pieces, slots, visit.bookmarked, _marks(document, page, visit.marks, slots)),
        "position": visit.position,
        "is_studied": visit.is_studied,
    }


def reader_context(visit: Visit, layout: Layout, page: int) -> dict:
    """The whole reader page: metadata, full contents, reading position and one page of text."""
    context = page_context(visit, layout, page, fragment=False)
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
