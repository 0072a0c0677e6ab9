"""The notes search source: only the searcher's own notes, matched accent-insensitively."""

from sqlalchemy import and_, select

from handbook.extensions import db
from handbook.notes.models import Note
from handbook.search.registry import SearchHit, search_source
from handbook.vietnamese import highlight


@search_source("notes")
def search_notes(user, terms: list[str], limit: int = 20) -> list[SearchHit]:
    if not user.is_authenticated or not terms:
        return []
    matches = and_(*[Note.body_folded.contains(term, autoescape=True) for term in terms])
    notes = db.session.scalars(
        select(Note).where(Note.owner_id == user.id, matches).order_by(Note.updated_at.desc()).limit(limit)
    )
    from handbook.notes.routes import note_url

    return [
        SearchHit(
            kind="Ghi chép của tôi",
            title=note.context_title or "Ghi chép",
            url=note_url(note),
            snippet=highlight(note.body, terms),
            rank=float(sum(note.body_folded.count(term) for term in terms)),
            when=note.updated_at,
        )
        for note in notes
    ]
