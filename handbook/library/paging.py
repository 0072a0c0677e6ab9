"""Splitting a document into reader pages, from its outline alone (no section texts).

A page ends only before an article-or-higher section: an article stays whole with its
clauses and points, and a part/chapter/section heading opens the page of what follows it.
Pages hold about PAGE_BUDGET characters, so a page's HTML stays well under the 14 KB
(compressed) first-response budget; a single article longer than that is a page of its own.
"""

from dataclasses import dataclass, field
from typing import NamedTuple

from sqlalchemy import func, select

from handbook.cache import Cache
from handbook.extensions import db
from handbook.library.models import Document, Section

PAGE_BUDGET = 10_000  # characters of text (and headings) per page
SECTION_COST = 60  # characters' worth of markup each section adds (anchor, tools)
HEADINGS = ("phan", "chuong", "muc")
CHILDREN = ("khoan", "diem")
CACHE_SIZE = 1024  # documents whose layout a worker keeps (a few KB each)


class OutlineEntry(NamedTuple):
    """What the contents and the page layout need of a section: everything but its text."""

    id: int
    position: int
    level: str
    number: str
    heading: str
    anchor: str
    size: int  # length of the text


@dataclass
class Layout:
    outline: list[OutlineEntry]
    pages: list[tuple[int, int]]  # [start, end) indices into outline, one pair per page
    page_of: dict[str, int] = field(default_factory=dict)  # anchor -> page number (from 1)

    @property
    def page_count(self) -> int:
        return len(self.pages)

    def entries(self, page: int) -> list[OutlineEntry]:
        start, end = self.pages[page - 1]
        return self.outline[start:end]


def _cost(entry: OutlineEntry) -> int:
    return entry.size + len(entry.heading) + SECTION_COST


def _units(outline: list[OutlineEntry]) -> list[list]:
    """[start, end, cost, opens_with_heading]: an article with its clauses, headings glued to what follows."""
    units: list[list] = []
    pending: list | None = None  # headings (and stray clauses under them) waiting for their article
    for i, entry in enumerate(outline):
        cost = _cost(entry)
        if pending is not None and (entry.level in HEADINGS or entry.level in CHILDREN):
            pending[1], pending[2] = i + 1, pending[2] + cost
        elif entry.level in HEADINGS:
            pending = [i, i + 1, cost, True]
        elif entry.level in CHILDREN and units:
            units[-1][1], units[-1][2] = i + 1, units[-1][2] + cost
        elif pending is not None:
            pending[1], pending[2] = i + 1, pending[2] + cost
            units.append(pending)
            pending = None
        else:
            units.append([i, i + 1, cost, False])
    if pending is not None:  # headings with nothing after them close the last page
        if units:
            units[-1][1], units[-1][2] = pending[1], units[-1][2] + pending[2]
        else:
            units.append(pending)
    return units


def paginate(outline: list[OutlineEntry], budget: int = PAGE_BUDGET) -> list[tuple[int, int]]:
    """Greedy pages of whole units; a chapter starts a new page when the current one is half full."""
    pages: list[tuple[int, int]] = []
    start, cost = 0, 0
    for u_start, _, u_cost, heading in _units(outline):
        if cost and (cost + u_cost > budget or (heading and cost >= budget // 2)):
            pages.append((start, u_start))
            start, cost = u_start, 0
        cost += u_cost
    pages.append((start, len(outline)))
    return pages


def build_layout(outline: list[OutlineEntry], budget: int = PAGE_BUDGET) -> Layout:
    pages = paginate(outline, budget)
    page_of = {outline[i].anchor: n for n, (start, end) in enumerate(pages, start=1) for i in range(start, end)}
    return Layout(outline=outline, pages=pages, page_of=page_of)


def load_outline(document_id: int) -> list[OutlineEntry]:
    rows = db.session.execute(
        select(Section.id, Section.position, Section.level, Section.number, Section.heading, Section.anchor,
               func.coalesce(func.length(Section.text), 0))
        .where(Section.document_id == document_id).order_by(Section.position)
    )
    return [OutlineEntry(*row) for row in rows]


_layouts = Cache(size=CACHE_SIZE, ttl_seconds=None)


def layout_for(document: Document) -> Layout:
    """The document's layout, kept per worker until the document changes: its content version moves
    with any section written, added or removed (handbook/content_version.py)."""
    key = (document.id, document.created_at, document.content_version)
    return _layouts.get_or_make(key, lambda: build_layout(load_outline(document.id)))
