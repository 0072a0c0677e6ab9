"""Notes in the one search index, and the notes search source: only the searcher's own
notes, matched accent-insensitively. A note's entry carries its owner as a facet, and the
source always asks for the searcher's own; no other search reads notes' entries."""

from sqlalchemy import select

from handbook.extensions import db
from handbook.notes.models import Note
from handbook.search import ranking
from handbook.search.index import BASES, Watch, facet_text, index_text, indexer
from handbook.search.query import Facets, usable
from handbook.search.registry import SearchHit
from handbook.security import private_page
from handbook.vietnamese import highlight


def note_entry(note_id: int, owner_id: int, body: str) -> dict:
    return {"id": BASES["note"] + note_id, "kind": "note", "ref_id": note_id, "title": "", "body": index_text(body),
            "ref": "", "facets": facet_text([f"u{owner_id}"])}


@indexer("note", kinds=("note",), all_ids=lambda: select(Note.id), watches=[
    Watch(Note, lambda n: [n.id], ("body", "owner_id"), entry=lambda n: note_entry(n.id, n.owner_id, n.body)),
])
def note_entries(ids: list[int]) -> list[dict]:
    return [note_entry(*row) for row in db.session.execute(select(Note.id, Note.owner_id, Note.body)
                                                       .where(Note.id.in_(ids)))]


def search_notes(user, terms: list[str], limit: int = 20) -> list[SearchHit]:
    terms = usable(terms)
    if not user.is_authenticated or not terms:
        return []
    matches = ranking.entry_matches("note", terms, facets=Facets([[f"u{int(user.id)}"]]), row_id=Note.id)
    notes = db.session.scalars(
        select(Note).where(Note.owner_id == user.id, matches).order_by(Note.updated_at.desc()).limit(limit)
    )
    from handbook.notes.links import note_url

    notes = list(notes)
    if notes:
        private_page()  # the results now quote the member's own note text
    return [
        SearchHit(
            kind="Ghi chép của tôi",
            title=note.context_title or "Ghi chép",
            url=note_url(note),
            snippet=highlight(note.body, terms),
            rank=ranking.occurrences(note.body, terms),
            when=note.updated_at,
        )
        for note in notes
    ]
