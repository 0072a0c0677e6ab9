"""The library in the one search index: how a section becomes an entry, and the search
page's library source (sections of the documents the member may read, best first)."""

from flask import url_for
from sqlalchemy import func, select, text

from handbook.cache import Cache
from handbook.extensions import db
from handbook.library.access import visible_org_ids
from handbook.library.models import Document, Section
from handbook.search import ranking
from handbook.search.index import BASES, Watch, index_text, indexer
from handbook.search.query import TEXT, usable
from handbook.search.registry import SearchHit
from handbook.vietnamese import highlight

# Ranking every match of a very common word costs time in proportion to the corpus, so
# only the most recent CANDIDATES matching sections the user may see are ranked (the
# visibility filter sits inside the cap, so restricted documents never crowd them out).
CANDIDATES = 1000
WINDOW, RARE = ranking.WINDOW, ranking.RARE  # how PostgreSQL finds them (handbook/search/ranking.py)
# On a meeting evening hundreds of members type the same few words ("nêu gương", "08"), and
# ranking a common word's matches was the dearest part of a search. The sections found are
# the same for every member who may read the same documents, so each worker keeps them per
# query, per set of documents hidden from the searcher and per state of the library (see
# `_library_state`): an import, a new version or a deletion is seen at once, on every node.
RESULTS = Cache(size=512, ttl_seconds=600)  # ~20 rows of ~500 characters each
# Which documents are hidden from a searcher depends only on the organisations whose documents
# they may read and on the library's state, so members of the same cell share one answer
# instead of reading it again on each search.
HIDDEN = Cache(size=2048, ttl_seconds=None)


@indexer("section", kinds=("section",), all_ids=lambda: select(Section.id), watches=[
    Watch(Section, lambda s: [s.id], ("heading", "text", "level", "number", "document_id")),
    Watch(Document, lambda d: select(Section.id).where(Section.document_id == d.id), ("number",)),
])
def section_entries(ids: list[int]) -> list[dict]:
    """A section's heading and text; its document number, level and number are reference
    words, read by the agenda's article picker ("dieu 3 08-QĐi") but not by the library search."""
    rows = db.session.execute(
        select(Section.id, Section.heading, Section.text, Section.level, Section.number, Document.number)
        .join(Document, Document.id == Section.document_id).where(Section.id.in_(ids)))
    return [{"id": BASES["section"] + sid, "kind": "section", "ref_id": sid, "title": index_text(heading),
             "body": index_text(body), "ref": index_text(doc_number, level, number), "facets": ""}
            for sid, heading, body, level, number, doc_number in rows]


def _hidden_documents(user, state: tuple) -> tuple[int, ...]:
    """Restricted documents `user` may not read, in the library's `state`: few, since most
    documents are for everyone."""
    orgs = tuple(sorted(visible_org_ids(user)))
    return HIDDEN.get_or_make((orgs, state), lambda: tuple(db.session.scalars(
        select(Document.id).where(Document.org_id.is_not(None), Document.org_id.not_in(orgs))
        .order_by(Document.id))))


def _library_state() -> tuple:
    """Moves whenever a document or any of its sections is added, changed or removed
    (a section's change touches its document: `handbook.library.models`)."""
    return tuple(db.session.execute(select(func.count(), func.max(Document.updated_at)).select_from(Document)).one())


def find_sections(user, terms: list[str], limit: int = 20) -> list[tuple]:
    """(section_id, document_id, slug, number, anchor, heading, text, doc_title) best first."""
    terms = usable(terms)
    if not terms:
        return []
    state = _library_state()
    hidden = _hidden_documents(user, state)
    key = (tuple(terms), hidden, limit, state)
    return RESULTS.get_or_make(key, lambda: _find_sections(terms, list(hidden), limit))


def _find_sections(terms: list[str], hidden: list[int], limit: int) -> list[tuple]:
    ids = ranking.best_sections(terms, columns=TEXT, hidden_documents=hidden,
                                limit=limit, candidates=CANDIDATES, window=WINDOW, rare=RARE)
    if not ids:
        return []
    rows = {row[0]: tuple(row) for row in db.session.execute(text(
        "SELECT s.id, d.id, d.slug, d.number, s.anchor, s.heading, s.text, d.title FROM section s "
        f"JOIN document d ON d.id = s.document_id WHERE s.id IN ({','.join(str(int(i)) for i in ids)})"))}
    return [rows[i] for i in ids if i in rows]


def library_source(user, terms: list[str], limit: int = 20) -> list[SearchHit]:
    """Sections of the documents `user` may see, deep-linked to their anchor."""
    hits = []
    for i, row in enumerate(find_sections(user, terms, limit)):
        _sid, _did, slug, number, anchor, heading, body, title = row
        label = " — ".join(p for p in (number, heading) if p)
        hits.append(SearchHit(
            kind="Văn bản",
            title=label or title,
            url=url_for("library.reader", slug=slug, _anchor=anchor),
            snippet=highlight(body or heading, terms),
            rank=1.0 / (1 + i),
            extra={"document": title},
        ))
    return hits
