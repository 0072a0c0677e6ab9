"""Inline search of library sections a secretary can link to an agenda item."""

from sqlalchemy import or_, select

from handbook.extensions import db
from handbook.library.models import Document, Section
from handbook.search import ranking
from handbook.search.query import TEXT_AND_REF, usable
from handbook.vietnamese import parse_query

# As the library search: the newest matches are ranked, best first (handbook/search/ranking.py).
CANDIDATES = 1000


def visible_documents_clause(cell):
    """Documents for the whole deployment, or published within an organisation above the cell."""
    return or_(Document.org_id.is_(None), Document.org_id.in_(cell.ancestor_ids()))


def find_sections(cell, query: str, limit: int = 10) -> list[Section]:
    """Sections of the documents the cell may read, best match first. The document number,
    the level and the number count as words: secretaries type "dieu 3 08-QĐi"."""
    terms = usable(parse_query(query))
    if not terms:
        return []
    hidden = db.session.scalars(select(Document.id).where(Document.org_id.is_not(None),
                                                          Document.org_id.not_in(cell.ancestor_ids())))
    ids = ranking.best_sections(terms, columns=TEXT_AND_REF, hidden_documents=list(hidden), limit=limit,
                                candidates=CANDIDATES)
    found = {s.id: s for s in db.session.scalars(select(Section).where(Section.id.in_(ids)))}
    return [found[i] for i in ids if i in found]


def visible_section(cell, section_id) -> Section | None:
    try:
        section_id = int(section_id)
    except (TypeError, ValueError):
        return None
    return db.session.scalar(
        select(Section).join(Document).where(Section.id == section_id, visible_documents_clause(cell))
    )
