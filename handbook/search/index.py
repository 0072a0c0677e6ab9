"""Keeps the one search index (`SearchEntry`) in step with the rows it is made from.

Each feature declares with `@indexer` how its rows become entries and which changes make
an entry stale. SQLAlchemy session events (the pattern of microblog's searchable mixin,
with the index a table of the same database) note the changed rows at every flush and
rewrite their entries right after it, in the same transaction: a search never sees a
change that was rolled back, and sees a committed one at once. Rows written with Core
statements (bulk imports, benchmark generators) pass the events by: their writers call
`reindex` or `rebuild`.
"""

import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy import Select, bindparam, delete, event, insert, inspect, text, update

from handbook.extensions import db
from handbook.search.models import SearchEntry

# Each kind owns a range of entry ids (an agenda and its minutes share one, so a meeting's
# two entries sit side by side). Sections, notes and members take their row's id in the
# range; meetings take a key ordered by start time (`meeting_key`). Answers published to a FAQ
# and approved good examples take their row's id too, and so do study programmes.
SPAN = 1 << 60
BASES = {"section": 1 * SPAN, "agenda": 2 * SPAN, "minutes": 2 * SPAN, "note": 3 * SPAN, "member": 4 * SPAN,
         "faq": 5 * SPAN, "example": 6 * SPAN, "study": 7 * SPAN}
# On SQLite, each kind's entries have their own FTS5 table (PostgreSQL: a partial GIN index).
FTS_TABLES = {"section": "search_fts_section", "agenda": "search_fts_meeting", "minutes": "search_fts_meeting",
              "note": "search_fts_note", "member": "search_fts_member", "faq": "search_fts_faq",
              "example": "search_fts_example", "study": "search_fts_study"}
_EPOCH = datetime(2000, 1, 1, tzinfo=UTC)
_DD = str.maketrans({"đ": "d", "Đ": "D"})
BATCH = 500


def id_range(kind: str) -> tuple[int, int]:
    """The first id of `kind` and the first id after its range."""
    return BASES[kind], BASES[kind] + SPAN


def meeting_key(meeting_id: int, starts_at: datetime, agenda: bool) -> int:
    """Newest meeting last, its agenda just after its minutes: reading ids downwards lists
    meetings newest first, agenda before minutes, as the meetings list does."""
    minutes = int((starts_at - _EPOCH).total_seconds() // 60)
    minutes = min(max(minutes, 0), (1 << 25) - 1)  # 2000 to 2063
    return BASES["agenda"] + (minutes << 35) + (meeting_id << 1) + (1 if agenda else 0)


def meeting_of(entry_id: int) -> tuple[str, int]:
    """meeting_key read back: the entry's kind ("agenda" or "minutes") and its meeting's id, with
    no read of the entry."""
    offset = entry_id - BASES["agenda"]
    return ("agenda" if offset & 1 else "minutes"), (offset >> 1) & ((1 << 34) - 1)


def index_text(*parts: str | None) -> str:
    """The text as the index stores it: NFC, and đ/Đ folded by hand (Unicode does not
    decompose them); the databases' tokenizers remove the other accents."""
    return unicodedata.normalize("NFC", " ".join(p or "" for p in parts)).translate(_DD)


def path_facets(path: str | None) -> list[str]:
    """An organisation path "/1/4/9/" as facets a1 a4 a9: a subtree filter is one facet."""
    return [f"a{part}" for part in (path or "").strip("/").split("/") if part]


def facet_text(names: Iterable[str]) -> str:
    return " ".join(f"_{name}" for name in names)


@dataclass
class Watch:
    """A model whose changes make entries stale: `refs(obj)` gives the ids to rebuild (or a
    SELECT of them, run after the flush); `fields` limits which changed columns count.
    `entry(obj)`, where given, makes the entry from the object itself, saving the read
    back of a row just written (a note's autosave, the evening's most frequent request)."""

    model: type
    refs: Callable[[object], Iterable[int | None] | Select]
    fields: tuple[str, ...] | None = None
    entry: Callable[[object], dict] | None = None


@dataclass
class Indexer:
    name: str
    kinds: tuple[str, ...]
    build: Callable[[list[int]], list[dict]]  # entries (search_entry rows) for these ids
    all_ids: Callable[[], Select]
    watches: list[Watch] = field(default_factory=list)


INDEXERS: dict[str, Indexer] = {}


def indexer(name: str, *, kinds: tuple[str, ...], all_ids: Callable[[], Select], watches: list[Watch]):
    def register(build):
        INDEXERS[name] = Indexer(name, kinds, build, all_ids, watches)
        return build

    return register


def reindex(name: str, ids: Iterable[int], built: dict[int, list[dict]] | None = None) -> None:
    """Rewrites the entries made from these rows (none, if the rows are gone); `built`
    holds entries already made for some of them."""
    ix = INDEXERS[name]
    table = SearchEntry.__table__
    built = built or {}
    ids = sorted({int(i) for i in ids if i is not None} | set(built))
    for start in range(0, len(ids), BATCH):
        chunk = ids[start:start + BATCH]
        db.session.execute(delete(table).where(table.c.kind.in_(ix.kinds), table.c.ref_id.in_(chunk)))
        missing = [i for i in chunk if i not in built]
        rows = [row for i in chunk if i in built for row in built[i]] + (ix.build(missing) if missing else [])
        if rows:
            db.session.execute(insert(table), rows)


# One entry's text rewritten in place, built once (a statement's cache key is kept on it).
_ENTRIES = SearchEntry.__table__
_BODY = (update(_ENTRIES).where(_ENTRIES.c.id == bindparam("entry_id"), _ENTRIES.c.kind == bindparam("entry_kind"))
         .values(body=bindparam("entry_body")))


def rewrite_body(connection, entry: dict) -> bool:
    """`entry` (as an indexer builds it) over its stored self, whose title, reference and facets
    have not changed: one UPDATE where reindex deletes and inserts (a note typed on, saved many
    times a minute). On the caller's connection; False when there is no such entry to rewrite."""
    return connection.execute(_BODY, {"entry_id": entry["id"], "entry_kind": entry["kind"],
                                      "entry_body": entry["body"]}).rowcount == 1


def rebuild(name: str, batch: int = 5000, progress: Callable[[int], None] | None = None) -> int:
    """Builds every entry of one indexer anew (after bulk writes); returns how many."""
    ix = INDEXERS[name]
    table = SearchEntry.__table__
    db.session.execute(delete(table).where(table.c.kind.in_(ix.kinds)))
    ids = list(db.session.scalars(ix.all_ids()))
    written = 0
    for start in range(0, len(ids), batch):
        rows = ix.build(ids[start:start + batch])
        if rows:
            db.session.execute(insert(table), rows)
        written += len(rows)
        if progress:
            progress(written)
    return written


def optimize() -> None:
    """After a bulk build: merge each SQLite full-text table's segments into one (what FTS5
    does bit by bit as rows come); PostgreSQL's VACUUM ANALYZE plays that part."""
    if db.engine.dialect.name == "sqlite":
        for table in sorted(set(FTS_TABLES.values())):
            db.session.execute(text(f"INSERT INTO {table}({table}) VALUES ('optimize')"))


def _changed(obj, fields: tuple[str, ...] | None) -> bool:
    state = inspect(obj)
    names = fields or [attr.key for attr in state.mapper.column_attrs]
    return any(state.attrs[name].history.has_changes() for name in names)


@event.listens_for(db.session, "after_flush")
def _note_changes(session, flush_context) -> None:
    pending = session.info.setdefault("search_pending", {})
    for objects, state in ((session.new, "new"), (session.dirty, "dirty"), (session.deleted, "deleted")):
        for obj in objects:
            for ix in INDEXERS.values():
                for watch in ix.watches:
                    if not isinstance(obj, watch.model) or (state == "dirty" and not _changed(obj, watch.fields)):
                        continue
                    refs, built = pending.setdefault(ix.name, ([], {}))
                    if watch.entry is not None and state != "deleted":
                        built[obj.id] = [watch.entry(obj)]
                    else:
                        refs.append(watch.refs(obj))


@event.listens_for(db.session, "after_flush_postexec")
def _rewrite_entries(session, flush_context) -> None:
    pending = session.info.pop("search_pending", None)
    for name, (refs, built) in (pending or {}).items():
        ids: set[int] = set()
        for found in refs:
            ids.update(session.scalars(found) if isinstance(found, Select) else found)
        reindex(name, ids - set(built), built)


@event.listens_for(db.session, "after_soft_rollback")
def _forget_changes(session, previous_transaction) -> None:
    session.info.pop("search_pending", None)
