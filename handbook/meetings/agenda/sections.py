"""Inline search of library sections a secretary can link to an agenda item."""

from sqlalchemy import not_, select
from sqlalchemy.orm import joinedload

from handbook.extensions import db
from handbook.library.access import cell_documents_clause
from handbook.library.models import Document, Section
from handbook.search import ranking
from handbook.search.query import TEXT_AND_REF, usable
from handbook.vietnamese import parse_query

# As the library search: the newest matches are ranked, best first (handbook/search/ranking.py).
CANDIDATES = 1000


def find_sections(cell, query: str, limit: int = 10) -> list[Section]:
    """Sections of the documents the cell may read, best match first. The document number,
    the level and the number count as words: secretaries type "dieu 3 08-QĐi"."""
    terms = usable(parse_query(query))
    if not terms:
        return []
    # Sections of documents the cell may not read are left out (the library's rule).
    hidden = db.session.scalars(select(Document.id).where(not_(cell_documents_clause(cell))))
    ids = ranking.best_sections(terms, columns=TEXT_AND_REF, hidden_documents=list(hidden), limit=limit,
                                candidates=CANDIDATES)
    # With their documents (each result names its document's number): one statement, not one per result.
    found = {s.id: s for s in db.session.scalars(
        select(Section).options(joinedload(Section.document)).where(Section.id.in_(ids)))}
    return [found[i] for i in ids if i in found]

