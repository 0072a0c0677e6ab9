"""The library's search source: FTS5 on SQLite, a GIN-indexed tsvector on PostgreSQL.

Both index the same folded words, and the query is built from `parse_query` terms
(only letters and digits reach the engine), so FTS syntax typed by a member is inert.
"""

import re

from flask import url_for
from sqlalchemy import select, text

from handbook.extensions import db
from handbook.library.access import visible_org_ids
from handbook.library.models import Document
from handbook.search.registry import SearchHit, search_source
from handbook.vietnamese import highlight

# Ranking every match of a very common word costs time in proportion to the corpus, so
# only the most recent CANDIDATES matching sections the user may see are ranked (the
# visibility filter sits inside the cap, so restricted documents never crowd them out).
CANDIDATES = 1000


def _words(term: str) -> list[str]:
    return [w for w in re.split(r"[\W_]+", term) if w]


def _sqlite_match(terms: list[str], prefix_last: bool) -> str:
    parts = []
    for i, term in enumerate(terms):
        phrase = '"' + " ".join(_words(term)) + '"'
        if prefix_last and i == len(terms) - 1 and len(_words(term)) == 1:
            phrase += "*"
        parts.append(phrase)
    return " AND ".join(parts)


def _pg_query(terms: list[str], prefix_last: bool) -> str:
    parts = []
    for i, term in enumerate(terms):
        words = _words(term)
        if prefix_last and i == len(terms) - 1 and len(words) == 1:
            parts.append(words[0] + ":*")
        else:
            parts.append("(" + " <-> ".join(words) + ")")
    return " & ".join(parts)


def _pg_literal(query: str) -> str:
    """A tsquery as an SQL string literal; it holds only letters, digits and operators."""
    if not re.fullmatch(r"[\w\s&<>()\-:*]*", query):
        raise ValueError("unexpected character in a search query")
    return "'" + query.replace("'", "''") + "'"


def _prefix_ok(terms: list[str]) -> bool:
    """Search-as-you-type: the last word may be unfinished ("neu guo" finds "nêu gương")."""
    last = _words(terms[-1])
    return len(last) == 1 and len(last[0]) >= 2 and last[0].isascii()


def _hidden_documents(user) -> list[int]:
    """Restricted documents `user` may not read: few, since most documents are for everyone."""
    orgs = sorted(visible_org_ids(user))
    return list(db.session.scalars(
        select(Document.id).where(Document.org_id.is_not(None), Document.org_id.not_in(orgs))))


# PostgreSQL's estimate of how many sections match a query is often far off (phrases,
# several words), and the two ways to find the newest matches suit opposite cases: reading
# sections newest first stops early on a common word but reads the whole table for a rare
# one; the GIN index costs in proportion to all the matches. So the newest WINDOW sections
# are read first: they hold the answer for a common word and tell how common the query is.
WINDOW = 4000
# Below this share of matches in the window, the GIN index is cheaper than reading on.
RARE = 0.07


def _pg_candidates(tsquery_literal: str, hidden: str) -> list[int]:
    """Ids of the newest CANDIDATES sections matching, hidden documents' sections left out.

    The tsquery is written into the SQL, not bound: the driver prepares a statement run
    five times, and the server then plans it once for every query, blind to the words.
    """
    match = f"s.search_vector @@ to_tsquery('handbook_search', {tsquery_literal})"
    hidden_filter = f" AND s.document_id NOT IN ({hidden})" if hidden else ""
    newest = list(db.session.scalars(text(
        "SELECT s.id FROM (SELECT id, document_id, search_vector FROM section ORDER BY id DESC LIMIT :window) s "
        f"WHERE {match}{hidden_filter} ORDER BY s.id DESC LIMIT :cap"), {"window": WINDOW, "cap": CANDIDATES}))
    if len(newest) >= CANDIDATES:
        return newest
    if len(newest) >= RARE * WINDOW:
        # Common enough: read on, newest first, below the window already read.
        floor = db.session.scalar(text(
            "SELECT min(id) FROM (SELECT id FROM section ORDER BY id DESC LIMIT :window) w"), {"window": WINDOW})
        return newest + list(db.session.scalars(text(
            f"SELECT s.id FROM section s WHERE {match}{hidden_filter} AND s.id < {int(floor)} "
            "ORDER BY s.id DESC LIMIT :rest"), {"rest": CANDIDATES - len(newest)}))
    # Materialised, the match is planned alone: through the GIN index, not newest first.
    return list(db.session.scalars(text(
        f"WITH m AS MATERIALIZED (SELECT s.id FROM section s WHERE {match}{hidden_filter}) "
        "SELECT id FROM m ORDER BY id DESC LIMIT :cap"), {"cap": CANDIDATES}))


def find_sections(user, terms: list[str], limit: int = 20) -> list[tuple]:
    """(section_id, document_id, slug, number, anchor, heading, text, doc_title) best first."""
    terms = [t for t in terms if _words(t)]
    if not terms:
        return []
    prefix = _prefix_ok(terms)
    # The visibility filter must sit inside the cap, but joining every match to its
    # document to read org_id costs more than the full-text match itself: filter out the
    # sections of the few hidden documents instead, and only when there are any.
    hidden = ",".join(str(int(d)) for d in _hidden_documents(user))
    columns = "s.id, d.id, d.slug, d.number, s.anchor, s.heading, s.text, d.title"
    if db.engine.dialect.name == "postgresql":
        tsquery = _pg_literal(_pg_query(terms, prefix))
        ids = _pg_candidates(tsquery, hidden)
        if not ids:
            return []
        sql = (f"SELECT {columns} FROM section s JOIN document d ON d.id = s.document_id "
               f"WHERE s.id IN ({','.join(str(int(i)) for i in ids)}) "
               f"ORDER BY ts_rank(s.search_vector, to_tsquery('handbook_search', {tsquery})) DESC, s.id LIMIT :limit")
        params = {"limit": limit}
    else:
        hidden_filter = (f"AND f.rowid NOT IN (SELECT id FROM section WHERE document_id IN ({hidden})) "
                         if hidden else "")
        # Rank the candidates first, then read only the `limit` best sections' rows.
        sql = (f"SELECT {columns} FROM (SELECT id, score FROM ("
               "SELECT f.rowid AS id, bm25(section_fts, 4.0, 1.0) AS score "
               f"FROM section_fts f WHERE section_fts MATCH :q {hidden_filter}ORDER BY f.rowid DESC LIMIT :cap"
               ") ORDER BY score, id LIMIT :limit) c "
               "JOIN section s ON s.id = c.id JOIN document d ON d.id = s.document_id ORDER BY c.score, s.id")
        params = {"q": _sqlite_match(terms, prefix), "limit": limit, "cap": CANDIDATES}
    return list(db.session.execute(text(sql), params))


@search_source("library")
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
