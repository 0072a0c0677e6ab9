"""What the reader needs for one page of a document: the page's sections with their texts,
and of the rest only the outline (anchors, levels, numbers, headings), so long documents stay fast."""

from sqlalchemy import exists, select

from handbook.extensions import db
from handbook.library.models import Bookmark, Document, ReadingPosition, Section, StudyMark
from handbook.library.paging import HEADINGS, Layout
from handbook.library.structure import NUMBER_LABELS, TOC_LEVELS
from handbook.signals import ordered, reader_marks


def section_label(section) -> str:
    """A section's title ("Điều 3. Nội dung nêu gương"); takes a Section or an OutlineEntry."""
    if section.level in NUMBER_LABELS:
        label = f"{NUMBER_LABELS[section.level]} {section.number}"
        return f"{label}. {section.heading}" if section.heading else label
    if section.level == "plain" and section.number:
        return f"{section.number}. {section.heading}"
    return section.heading


def page_href(layout: Layout, page: int):
    """Links to an anchor: "#a" when it is on `page`, "?trang=N#a" (relative to the reader) when not."""

    def href(anchor: str) -> str:
        target = layout.page_of.get(anchor, page)
        return f"#{anchor}" if target == page else f"?trang={target}#{anchor}"

    return href


def _page_sections(document: Document, layout: Layout, page: int) -> list[Section]:
    entries = layout.entries(page)
    if not entries:
        return []
    return list(db.session.scalars(
        select(Section).where(Section.document_id == document.id,
                              Section.position.between(entries[0].position, entries[-1].position))
        .order_by(Section.position)
    ))


def page_context(document: Document, user, layout: Layout, page: int) -> dict:
    """One page's blocks with their tools: what the page fragment renders."""
    sections = _page_sections(document, layout, page)
    outline = layout.outline
    articles = [e for e in outline if e.level == "dieu"] or [e for e in outline if e.level == "plain"]
    on_page = {s.id for s in sections}
    neighbours = {}
    for i, e in enumerate(articles):
        if e.id in on_page:
            neighbours[e.id] = (articles[i - 1] if i > 0 else None, articles[i + 1] if i + 1 < len(articles) else None)
    bookmarked = set(db.session.scalars(
        select(Bookmark.section_id).where(Bookmark.user_id == user.id, Bookmark.section_id.in_(on_page or {-1}))
    ))
    # Each article with the clauses and points that follow it, so it renders as one block.
    blocks: list[tuple[Section, list[Section]]] = []
    for s in sections:
        if s.level in ("khoan", "diem") and blocks:
            blocks[-1][1].append(s)
        else:
            blocks.append((s, []))
    return {
        "document": document,
        "page": page,
        "page_count": layout.page_count,
        "blocks": blocks,
        "neighbours": neighbours,
        "bookmarked_ids": bookmarked,
        # What other features mark beside each section (the member's notes): the reader knows none.
        "marks": ordered(reader_marks, user, document=document),
        "label": section_label,
        "href": page_href(layout, page),
        # Articles are h3 under part/chapter h2s, or h2 straight under the title when there are none.
        "article_heading": "h3" if any(e.level in HEADINGS for e in outline) else "h2",
    }


def reader_context(document: Document, user, layout: Layout, page: int) -> dict:
    """The whole reader page: metadata, full contents, reading position and one page of text."""
    context = page_context(document, user, layout, page)
    # The member's place in the document and whether they marked it studied: one round trip.
    position, is_studied = db.session.execute(select(
        select(ReadingPosition.anchor).where(
            ReadingPosition.user_id == user.id, ReadingPosition.document_id == document.id).scalar_subquery(),
        exists().where(StudyMark.user_id == user.id, StudyMark.document_id == document.id),
    )).one()
    href = context["href"]
    toc = [(e, section_label(e), href(e.anchor)) for e in layout.outline
           if e.level in TOC_LEVELS and (e.heading or e.number)]
    return {
        **context,
        "toc": toc,
        "position": position,
        "position_href": href(position) if position in layout.page_of else None,
        "position_label": next((section_label(e) for e in layout.outline if e.anchor == position), None),
        "is_studied": is_studied,
    }
