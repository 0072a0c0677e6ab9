"""Inline search of library sections a secretary can link to an agenda item."""

from sqlalchemy import or_, select

from handbook.extensions import db
from handbook.library.models import Document, Section
from handbook.vietnamese import fold, parse_query


def visible_documents_clause(cell):
    """Documents for the whole deployment, or published within an organisation above the cell."""
    return or_(Document.org_id.is_(None), Document.org_id.in_(cell.ancestor_ids()))


def find_sections(cell, query: str, limit: int = 10) -> list[Section]:
    terms = parse_query(query)
    if not terms:
        return []
    # Folding happens in Python (đ has no Unicode decomposition), so filter a bounded candidate set.
    candidates = db.session.scalars(
        select(Section).join(Document).where(visible_documents_clause(cell))
        .order_by(Document.number, Section.position).limit(5000)
    )
    found = []
    for section in candidates:
        # The level ("dieu", "khoan") is the word secretaries type before a number: "dieu 3 08-QĐi".
        haystack = fold(" ".join((section.document.number, section.level, section.number, section.heading,
                                  section.text)))
        if all(term in haystack for term in terms):
            found.append(section)
            if len(found) >= limit:
                break
    return found


def visible_section(cell, section_id) -> Section | None:
    try:
        section_id = int(section_id)
    except (TypeError, ValueError):
        return None
    return db.session.scalar(
        select(Section).join(Document).where(Section.id == section_id, visible_documents_clause(cell))
    )
