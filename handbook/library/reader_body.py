"""A reader page's text, drawn once per document version and page; the member's tools beside each
article (their bookmark, the other features' marks) drawn on each visit, into its slots.

Forty members reading the same directive get the same articles, headings and links; only the
bookmark buttons (their state and the login's form token) and the marks other features put
beside each article (the member's notes) are theirs. The text is kept under the document's
content version, which the reader's validator reads from the database in the same request and
which moves with any section written, added or removed, by any worker or by hand
(handbook/content_version.py): no time limit, a change is a new key on the next request.
"""

from typing import NamedTuple

from flask import current_app
from flask_wtf.csrf import generate_csrf
from markupsafe import Markup
from sqlalchemy import select

from handbook.cache import Cache
from handbook.extensions import db
from handbook.library.models import Document, Section
from handbook.library.paging import HEADINGS, Layout, OutlineEntry
from handbook.library.structure import NUMBER_LABELS

SLOT = "\x00tools\x00"  # where an article's tools go (a character no page text holds)
CSRF = "\x00csrf\x00"  # where this request's form token goes
CACHE_SIZE = 512  # pages of text a worker keeps (10-20 KB each)
_bodies = Cache(size=CACHE_SIZE, ttl_seconds=None)


class Slot(NamedTuple):
    """An article's slot: the article (its outline entry: id, anchor, level, number, heading,
    what the other features' marks are given as `section`) and its bookmark button, off and on."""

    section: OutlineEntry
    unmarked: str
    bookmarked: str


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


def _draw(document: Document, layout: Layout, page: int, fragment: bool) -> tuple[list[str], list[Slot]]:
    sections = _page_sections(document, layout, page)
    outline = layout.outline
    articles = [e for e in outline if e.level == "dieu"] or [e for e in outline if e.level == "plain"]
    on_page = {s.id for s in sections}
    neighbours = {}
    for i, e in enumerate(articles):
        if e.id in on_page:
            neighbours[e.id] = (articles[i - 1] if i > 0 else None, articles[i + 1] if i + 1 < len(articles) else None)
    # Each article with the clauses and points that follow it, so it renders as one block.
    blocks: list[tuple[Section, list[Section]]] = []
    for s in sections:
        if s.level in ("khoan", "diem") and blocks:
            blocks[-1][1].append(s)
        else:
            blocks.append((s, []))
    by_id = {e.id: e for e in layout.entries(page)}
    slots: list[Slot] = []
    button = current_app.jinja_env.get_template("library/_bookmark_button.html")

    def tools(section) -> Markup:
        # The bookmark button both ways, with a stand-in for the login's form token.
        off, on = (button.render(document=document, section=section, bookmarked=state, csrf_token=lambda: CSRF)
                   for state in (False, True))
        slots.append(Slot(by_id[section.id], off, on))
        return Markup(SLOT)  # noqa: S704 - our own marker, replaced before the page is sent

    # Straight from the Jinja environment: the text must not depend on who reads it.
    html = current_app.jinja_env.get_template("library/_reader_page.html").render(
        document=document, page=page, page_count=layout.page_count, blocks=blocks, neighbours=neighbours,
        label=section_label, href=page_href(layout, page), fragment=fragment, tools=tools,
        # Articles are h3 under part/chapter h2s, or h2 straight under the title when there are none.
        article_heading="h3" if any(e.level in HEADINGS for e in outline) else "h2")
    return html.split(SLOT), slots


def page_text(document: Document, layout: Layout, page: int, fragment: bool) -> tuple[list[str], list[Slot]]:
    """The page's HTML in pieces around its articles' tool slots, and what goes in each slot."""
    key = (document.id, document.created_at, document.content_version, page, fragment)
    return _bodies.get_or_make(key, lambda: _draw(document, layout, page, fragment))


def fill(pieces: list[str], slots: list[Slot], bookmarked: set[int], marks: list[str] | None) -> Markup:
    """The page with each article's tools in its slot: the member's bookmark button, then the
    marks other features drew for it (`marks`, one per slot, or None when none has any)."""
    out = [pieces[0]]
    for n, (slot, rest) in enumerate(zip(slots, pieces[1:], strict=True)):
        out += (slot.bookmarked if slot.section.id in bookmarked else slot.unmarked, marks[n] if marks else "", rest)
    html = "".join(out)
    if CSRF in html:
        html = html.replace(CSRF, generate_csrf())
    return Markup(html)  # noqa: S704 - pieces drawn by our templates, escaped there
