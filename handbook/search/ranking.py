"""How every search picks and orders what it finds in the one index.

- Sections (library search, the agenda's article picker): the newest `candidates` matches
  the searcher may read, ranked by relevance (bm25 on SQLite with the heading four times
  the text and reference words eight times; ts_rank on PostgreSQL, where reference words
  weigh A and text D).
- Agendas and final minutes: newest meeting first, an agenda before its minutes (entry ids
  are ordered so: `index.meeting_key`), AGENDA_RANK and MINUTES_RANK as scores.
- Notes: newest change first; scored by how often the terms occur (`occurrences`).
- Members: by name, as the member list is.

Matching is always within one kind's range of ids, so no search can read another kind's
text: a note's words are only ever matched by its owner's notes search.
"""

from sqlalchemy import BigInteger, Integer, column, exists, func, literal_column, select, text

from handbook.extensions import db
from handbook.search.index import BASES, FTS_TABLES, id_range, meeting_of
from handbook.search.models import SearchEntry
from handbook.search.query import TEXT, Facets, pg_match, sqlite_match, words
from handbook.vietnamese import fold

AGENDA_RANK, MINUTES_RANK = 1.0, 0.8
SQLITE_WEIGHTS = "4.0, 1.0, 8.0, 0.0"  # bm25 weights of title, body, ref, facets
# PostgreSQL's estimate of how many entries match a query is often far off (phrases,
# several words), and the two ways to find the newest matches suit opposite cases: reading
# entries newest first stops early on a common word but reads the whole kind for a rare one;
# the GIN index costs in proportion to all the matches. So the newest WINDOW entries are
# read first: they hold the answer for a common word and tell how common the query is.
WINDOW = 4000
RARE = 0.07  # below this share of matches in the window, the GIN index is cheaper than reading on
READ_ON = 4  # windows a phrase may read on newest first (_phrase_read_on)
# Kinds a province holds by the hundred or the thousand (answers published to a FAQ, approved
# good examples, study programmes), every entry carrying the organisation that published it:
# the GIN index reads at most the kind's matches, so these go to it at once. The newest window
# first cost a statement more on every search (the window read the whole kind, found fewer
# than the page, and the index was asked anyway).
FEW = frozenset({"faq", "example", "study"})


def _postgres() -> bool:
    return db.engine.dialect.name == "postgresql"


def _kind_sql(kinds: tuple[str, ...]) -> str:
    # Written as a literal so the planner can use the kind's partial GIN index.
    return "e.kind IN (" + ", ".join(f"'{k}'" for k in kinds) + ")"


def _phrase_read_on(terms, found: int, cap: int, window: int) -> bool:
    """For a phrase, reading on newest first is cheaper than the GIN index whenever the window
    says the rest of the page lies within a few more windows: the index finds every entry
    holding the phrase's words in any order, and each must be re-read to check their order
    ("xay dung": 24,500 entries re-read for 416 matches, 400 ms; 11 in the first window)."""
    if not found or not any(len(words(t)) > 1 for t in terms):
        return False
    return (cap - found) * window / found <= READ_ON * window


def newest_entries(kinds: tuple[str, ...], terms, *, columns=TEXT, facets: Facets | None = None,
                   cap: int, exclude: str = "", window: int | None = None, rare: float | None = None,
                   within: str = "") -> list[int]:
    """Ids of the newest `cap` entries of `kinds` matching, highest id first. `exclude` is
    a subquery of entry ids to leave out (inside the cap, so they never crowd others out).
    `within`, a subquery of `ref_id`s holding every row the facets can match (the meetings of
    a member's own cells), lets PostgreSQL read those few rows' entries by id and test them,
    instead of every match of a common word; it never changes what is found."""
    low, high = id_range(kinds[0])
    if not _postgres():
        fts = FTS_TABLES[kinds[0]]
        hidden = f" AND rowid NOT IN ({exclude})" if exclude else ""
        return list(db.session.scalars(text(
            f"SELECT rowid FROM {fts} WHERE {fts} MATCH :q AND rowid >= {low} AND rowid < {high}{hidden} "
            "ORDER BY rowid DESC LIMIT :cap"), {"q": sqlite_match(terms, columns, facets), "cap": cap}))
    # The query is written into the SQL, not bound: the driver prepares a statement run five
    # times, and the server then plans it once for every query, blind to the words.
    match = f"e.tsv @@ {pg_match(terms, columns, facets)}" + (f" AND e.id NOT IN ({exclude})" if exclude else "")
    if within:
        # Materialized, so the planner cannot turn to the GIN index after all: the facets'
        # rare words (a cell, "published") make it estimate one match there, and it then
        # intersects every entry holding the common words ("dang vien": 4.4 ms for 6 rows,
        # against 0.2 ms reading the cell's 74 entries by meeting and testing them).
        return list(db.session.scalars(text(
            f"WITH e AS MATERIALIZED (SELECT e.id, e.tsv FROM search_entry e "
            f"WHERE {_kind_sql(kinds)} AND e.ref_id IN ({within})) "
            f"SELECT e.id FROM e WHERE {match} ORDER BY e.id DESC LIMIT :cap"), {"cap": cap}))
    if FEW.issuperset(kinds):
        return _through_index(kinds, match, cap)
    window = WINDOW if window is None else window
    rare = RARE if rare is None else rare
    in_range = f"e.id >= {low} AND e.id < {high}"
    newest = list(db.session.scalars(text(
        f"SELECT e.id FROM (SELECT e.id, e.tsv FROM search_entry e WHERE {in_range} ORDER BY e.id DESC "
        f"LIMIT :window) e WHERE {match} ORDER BY e.id DESC LIMIT :cap"), {"window": window, "cap": cap}))
    if len(newest) >= cap:
        return newest
    if len(newest) >= rare * window or _phrase_read_on(terms, len(newest), cap, window):
        # Common enough: read on, newest first, below the window already read.
        floor = db.session.scalar(text(
            f"SELECT min(id) FROM (SELECT e.id FROM search_entry e WHERE {in_range} ORDER BY e.id DESC "
            "LIMIT :window) w"), {"window": window})
        return newest + list(db.session.scalars(text(
            f"SELECT e.id FROM search_entry e WHERE {in_range} AND e.id < {int(floor)} AND {match} "
            "ORDER BY e.id DESC LIMIT :rest"), {"rest": cap - len(newest)}))
    return _through_index(kinds, match, cap)


def _through_index(kinds: tuple[str, ...], match: str, cap: int) -> list[int]:
    """Every match read through the kinds' GIN index, newest `cap` kept. Materialised, the match
    is planned alone: through the index, not newest first."""
    return list(db.session.scalars(text(
        f"WITH m AS MATERIALIZED (SELECT e.id FROM search_entry e WHERE {_kind_sql(kinds)} AND {match}) "
        "SELECT id FROM m ORDER BY id DESC LIMIT :cap"), {"cap": cap}))


def best_sections(terms, *, columns, hidden_documents: list[int], limit: int, candidates: int,
                  window: int | None = None, rare: float | None = None) -> list[int]:
    """Section ids, best first: the newest `candidates` matches ranked by relevance, leaving
    out the sections of `hidden_documents` (the few restricted ones the searcher may not read)."""
    base = BASES["section"]
    hidden = ",".join(str(int(d)) for d in hidden_documents)
    exclude = f"SELECT {base} + h.id FROM section h WHERE h.document_id IN ({hidden})" if hidden else ""
    if not _postgres():
        low, high, fts = *id_range("section"), FTS_TABLES["section"]
        not_hidden = f" AND rowid NOT IN ({exclude})" if exclude else ""
        # Rank the candidates, then keep the `limit` best.
        return list(db.session.scalars(text(
            f"SELECT id - {base} FROM (SELECT rowid AS id, bm25({fts}, {SQLITE_WEIGHTS}) AS score "
            f"FROM {fts} WHERE {fts} MATCH :q AND rowid >= {low} AND rowid < {high}{not_hidden} "
            "ORDER BY rowid DESC LIMIT :cap) ORDER BY score, id LIMIT :limit"),
            {"q": sqlite_match(terms, columns), "cap": candidates, "limit": limit}))
    ids = newest_entries(("section",), terms, columns=columns, cap=candidates, exclude=exclude,
                         window=window, rare=rare)
    if not ids:
        return []
    return list(db.session.scalars(text(
        f"SELECT e.id - {base} FROM search_entry e WHERE e.id IN ({','.join(str(int(i)) for i in ids)}) "
        f"ORDER BY ts_rank(e.tsv, {pg_match(terms, columns)}) DESC, e.id LIMIT :limit"), {"limit": limit}))


def newest_meeting_entries(terms, facets: Facets, limit: int, within: str = "") -> list[tuple[str, int]]:
    """(kind, meeting id) of the newest agendas and final minutes matching, within facets
    (`within`: see newest_entries)."""
    if not facets.any_of:
        return []
    return [meeting_of(i) for i in newest_entries(("agenda", "minutes"), terms, facets=facets, cap=limit,
                                                  within=within)]


def matching_ids(kind: str, terms, *, facets: Facets, columns=TEXT):
    """A subquery (one column, `id`) of the ids of `kind`'s rows matching, within `facets`
    (the caller's permissions: a notes search passes its owner's). Only for kinds whose
    entry id is the row id in the kind's range (notes, members)."""
    base = BASES[kind]
    low, high = id_range(kind)
    if _postgres():
        sql = text(f"SELECT e.id - {base} AS id FROM search_entry e WHERE e.kind = '{kind}' "
                   f"AND e.tsv @@ {pg_match(terms, columns, facets)}")
    else:
        fts = FTS_TABLES[kind]
        sql = text(f"SELECT rowid - {base} AS id FROM {fts} WHERE {fts} MATCH :q "
                   f"AND rowid >= {low} AND rowid < {high}").bindparams(q=sqlite_match(terms, columns, facets))
    return sql.columns(column("id", Integer))


def entry_matches(kind: str, terms, *, facets: Facets, row_id, columns=TEXT):
    """A condition on `row_id` (the id column of `kind`'s own table, e.g. Note.id): that row's
    entry matches, within `facets`. For a search the caller already narrows to a few rows (a
    member's own notes): on PostgreSQL each of those rows' entries is read by its id and
    tested, instead of reading every match of a common word through the index (8 ms against
    0.7 ms for "dang vien" among 300,000 notes)."""
    if not _postgres():
        return row_id.in_(matching_ids(kind, terms, facets=facets, columns=columns))
    match = text(f"search_entry.tsv @@ {pg_match(terms, columns, facets)}")
    base = literal_column(str(int(BASES[kind])), BigInteger)  # beyond a row id's integer range
    return exists().where(SearchEntry.id == base + row_id, SearchEntry.kind == kind, match)


def members_in_order(terms, *, facets: Facets, offset: int, limit: int, many,
                     columns=TEXT) -> tuple[list[int], int | None]:
    """User ids of the members matching, within `facets`, in the member list's order (the
    name's sort key, then the id): `limit` of them from `offset`, and how many match when
    that came with them (PostgreSQL), else None.

    PostgreSQL reads every match once through its GIN index (it must visit each row to check
    it) and keeps the page with a top-N sort of byte strings, counting them on the way; walking
    the name index instead visits the rows of every name before the first match (31,000 rows
    for "nguyen", whose matches all sit under N). On SQLite, `many()` (the count, asked only
    there) decides: many matches are met walking the partial index on (sort_key, id), checking
    each entry against the set of matches read once, and a few are read and sorted as bytes."""
    base = BASES["member"]
    if _postgres():
        rows = db.session.execute(text(
            f"WITH m AS MATERIALIZED (SELECT e.id, e.sort_key FROM search_entry e WHERE e.kind = 'member' "
            f"AND e.tsv @@ {pg_match(terms, columns, facets)}) "
            f"SELECT id - {base}, (SELECT count(*) FROM m) FROM m ORDER BY sort_key, id LIMIT :limit OFFSET :offset"),
            {"limit": limit, "offset": offset}).all()
        return [row[0] for row in rows], (rows[0][1] if rows else None)
    low, high, fts = *id_range("member"), FTS_TABLES["member"]
    walk = " INDEXED BY ix_search_entry_member_order" if many() else ""
    return list(db.session.scalars(text(
        f"SELECT e.id - {base} FROM search_entry e{walk} WHERE e.kind = 'member' AND e.id IN "
        f"(SELECT rowid FROM {fts} WHERE {fts} MATCH :q AND rowid >= {low} AND rowid < {high}) "
        "ORDER BY e.sort_key, e.id LIMIT :limit OFFSET :offset"),
        {"q": sqlite_match(terms, columns, facets), "limit": limit, "offset": offset})), None


def first_matching_ids(kind: str, terms, *, facets: Facets, limit: int, columns=TEXT) -> list[int]:
    """Up to `limit` ids of `kind`'s rows matching (in no particular order)."""
    subquery = matching_ids(kind, terms, facets=facets, columns=columns).subquery()
    return list(db.session.scalars(select(subquery.c.id).limit(limit)))


def count_matching(kind: str, terms, *, facets: Facets, columns=TEXT) -> int:
    subquery = matching_ids(kind, terms, facets=facets, columns=columns).subquery()
    return db.session.scalar(select(func.count()).select_from(subquery))


def occurrences(text_: str, terms) -> float:
    """A note's score: how often the terms occur in it, accents aside."""
    folded = fold(text_)
    return float(sum(folded.count(term) for term in terms))
