"""one search index: sections, agendas, final minutes, notes and members in search_entry

Replaces the library's own FTS table (SQLite) and vector column (PostgreSQL) and the notes'
folded copy, and builds the index from the rows already there.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-24 09:00:00

"""
import unicodedata

from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None

# Kept here as they are at this revision (handbook/search/index.py has the app's copy;
# tests/test_search_index.py checks that both build the same entries).
SPAN = 1 << 60
SECTION, MEETING, NOTE, MEMBER = 1 * SPAN, 2 * SPAN, 3 * SPAN, 4 * SPAN
EPOCH_2000 = 946684800
COLUMNS = "(id, kind, ref_id, title, body, ref, facets)"


def _dd(expr: str) -> str:
    """đ/Đ folded by hand: Unicode does not decompose them, so no tokenizer removes their stroke."""
    return f"replace(replace({expr}, 'đ', 'd'), 'Đ', 'D')"


def _backfill(dialect: str) -> list[str]:
    pg = dialect == "postgresql"
    trim_path = "trim(both '/' from o.path)" if pg else "trim(o.path, '/')"
    path_facets = f"'_a' || replace({trim_path}, '/', ' _a')"
    if pg:
        minutes = "greatest(0, least((floor(extract(epoch from m.starts_at))::bigint - 946684800) / 60, 33554431))"
        items = ("SELECT meeting_id, string_agg(title || ' ' || description || ' ' || presenter, ' ' "
                 "ORDER BY position, id) AS text FROM agenda_item GROUP BY meeting_id")
    else:
        minutes = f"max(0, min((CAST(strftime('%s', m.starts_at) AS INTEGER) - {EPOCH_2000}) / 60, 33554431))"
        items = ("SELECT meeting_id, group_concat(title || ' ' || description || ' ' || presenter, ' ') AS text "
                 "FROM (SELECT * FROM agenda_item ORDER BY meeting_id, position, id) GROUP BY meeting_id")
    key = f"{MEETING} + ({minutes} << 35) + (CAST(m.id AS BIGINT) << 1)"
    meeting_facets = f"{path_facets} || CASE WHEN m.status = 'draft' THEN ' _draft' ELSE ' _pub' END"
    member_facets = (
        f"({path_facets} || CASE WHEN u.active THEN ' _active' ELSE ' _inactive' END"
        " || CASE WHEN u.holds_leadership_post THEN ' _leader' ELSE '' END"
        " || CASE WHEN EXISTS (SELECT 1 FROM role_assignment r WHERE r.user_id = u.id AND r.role = 'secretary')"
        " THEN ' _secretary' ELSE '' END"
        " || CASE WHEN EXISTS (SELECT 1 FROM role_assignment r WHERE r.user_id = u.id AND r.role = 'deputy')"
        " THEN ' _deputy' ELSE '' END)")
    section_ref = "d.number || ' ' || s.level || ' ' || s.number"
    agenda_body = "coalesce(i.text, '')"
    minutes_body = "x.conclusions || ' ' || x.resolution || ' ' || x.item_notes"
    member_body = "u.username || ' ' || coalesce(u.card_number, '') || ' ' || coalesce(u.phone, '')"
    return [
        f"INSERT INTO search_entry {COLUMNS} SELECT {SECTION} + s.id, 'section', s.id, {_dd('s.heading')}, "
        f"{_dd('s.text')}, {_dd(section_ref)}, '' FROM section s JOIN document d ON d.id = s.document_id",
        f"INSERT INTO search_entry {COLUMNS} SELECT {key} + 1, 'agenda', m.id, {_dd('m.title')}, "
        f"{_dd(agenda_body)}, '', {meeting_facets} "
        f"FROM meeting m JOIN organization o ON o.id = m.cell_id LEFT JOIN ({items}) i ON i.meeting_id = m.id",
        f"INSERT INTO search_entry {COLUMNS} SELECT {key}, 'minutes', m.id, '', {_dd(minutes_body)}, '', "
        f"{meeting_facets} FROM minutes x JOIN meeting m ON m.id = x.meeting_id "
        "JOIN organization o ON o.id = m.cell_id WHERE x.status = 'final'",
        f"INSERT INTO search_entry {COLUMNS} SELECT {NOTE} + n.id, 'note', n.id, '', {_dd('n.body')}, '', "
        "'_u' || n.owner_id FROM note n",
        f"INSERT INTO search_entry {COLUMNS} SELECT {MEMBER} + u.id, 'member', u.id, {_dd('u.full_name')}, "
        f"{_dd(member_body)}, '', {member_facets} FROM \"user\" u JOIN organization o ON o.id = u.cell_id",
    ]


# SQLite: an FTS5 table per kind (as PostgreSQL has a GIN index per kind: a search reads
# only its own kind's postings, and an unfinished word is looked up among them alone), over
# the entries (external content: the text lives once, in search_entry), kept in step by
# triggers; unicode61 removes the accents but đ's stroke.
FTS_TABLES = {"search_fts_section": ("section",), "search_fts_meeting": ("agenda", "minutes"),
              "search_fts_note": ("note",), "search_fts_member": ("member",)}
FTS_COLUMNS = "rowid, title, body, ref, facets"


def _sqlite_fts() -> tuple[list[str], list[str]]:
    """(statements making the tables, statements filling them and adding the triggers)."""
    make, fill = [], []
    for table, kinds in FTS_TABLES.items():
        kind_list = ", ".join(f"'{k}'" for k in kinds)
        new = "new.id, new.title, new.body, new.ref, new.facets"
        old = "old.id, old.title, old.body, old.ref, old.facets"
        make.append(f"CREATE VIRTUAL TABLE {table} USING fts5(title, body, ref, facets, content='search_entry', "
                    "content_rowid='id', tokenize='unicode61 remove_diacritics 2', prefix='2 3')")
        fill += [
            f"INSERT INTO {table}({FTS_COLUMNS}) SELECT id, title, body, ref, facets FROM search_entry "
            f"WHERE kind IN ({kind_list})",
            f"CREATE TRIGGER {table}_ai AFTER INSERT ON search_entry WHEN new.kind IN ({kind_list}) BEGIN "
            f"INSERT INTO {table}({FTS_COLUMNS}) VALUES ({new}); END",
            f"CREATE TRIGGER {table}_ad AFTER DELETE ON search_entry WHEN old.kind IN ({kind_list}) BEGIN "
            f"INSERT INTO {table}({table}, {FTS_COLUMNS}) VALUES ('delete', {old}); END",
            f"CREATE TRIGGER {table}_au AFTER UPDATE ON search_entry WHEN old.kind IN ({kind_list}) BEGIN "
            f"INSERT INTO {table}({table}, {FTS_COLUMNS}) VALUES ('delete', {old}); "
            f"INSERT INTO {table}({FTS_COLUMNS}) VALUES ({new}); END",
        ]
    return make, fill


SQLITE_DROP_OLD = [
    "DROP TRIGGER IF EXISTS section_fts_au",
    "DROP TRIGGER IF EXISTS section_fts_ad",
    "DROP TRIGGER IF EXISTS section_fts_ai",
    "DROP TABLE IF EXISTS section_fts",
]
# PostgreSQL: a stored vector (reference words weighted A, text D, facets as lexemes that
# start with "_", which no parsed word can: punctuation becomes spaces first) and a GIN
# index per kind, so a search reads only its own kind's postings.
PG_FTS = [
    "ALTER TABLE search_entry ADD COLUMN tsv tsvector GENERATED ALWAYS AS ("
    "setweight(to_tsvector('handbook_search'::regconfig, regexp_replace(ref, '[[:punct:]]', ' ', 'g')), 'A') || "
    "to_tsvector('handbook_search'::regconfig, regexp_replace(title || ' ' || body, '[[:punct:]]', ' ', 'g')) || "
    "array_to_tsvector(string_to_array(facets, ' '))) STORED",
]
PG_AFTER = [
    "CREATE INDEX search_entry_section_gin ON search_entry USING gin (tsv) WHERE kind = 'section'",
    "CREATE INDEX search_entry_meeting_gin ON search_entry USING gin (tsv) WHERE kind IN ('agenda', 'minutes')",
    "CREATE INDEX search_entry_note_gin ON search_entry USING gin (tsv) WHERE kind = 'note'",
    "CREATE INDEX search_entry_member_gin ON search_entry USING gin (tsv) WHERE kind = 'member'",
    "DROP INDEX IF EXISTS section_search_idx",
    "ALTER TABLE section DROP COLUMN IF EXISTS search_vector",
]


def upgrade():
    dialect = op.get_bind().dialect.name
    op.create_table(
        "search_entry",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=False, nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("ref_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("ref", sa.Text(), nullable=False),
        sa.Column("facets", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_search_entry")),
        sa.UniqueConstraint("kind", "ref_id", name=op.f("uq_search_entry_kind")),
    )
    make, fill = _sqlite_fts()
    for statement in make if dialect == "sqlite" else PG_FTS:
        op.execute(statement)
    for statement in _backfill(dialect):
        op.execute(statement)
    for statement in fill + SQLITE_DROP_OLD if dialect == "sqlite" else PG_AFTER:
        op.execute(statement)
    op.execute("ALTER TABLE note DROP COLUMN body_folded")
    with op.batch_alter_table("user", schema=None) as batch_op:
        batch_op.create_index("ix_user_full_name", ["full_name", "id"], unique=False)


# --- downgrade: the library's own index and the notes' folded copy, as 0002 and 0004 made them.

_DOWN_FOLD = "replace(replace({0}, 'đ', 'd'), 'Đ', 'd')"
SQLITE_SECTION_FTS = [
    "CREATE VIRTUAL TABLE section_fts USING fts5(heading, body, "
    "tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')",
    "CREATE TRIGGER section_fts_ai AFTER INSERT ON section BEGIN "
    "INSERT INTO section_fts(rowid, heading, body) VALUES "
    f"(new.id, {_DOWN_FOLD.format('new.heading')}, {_DOWN_FOLD.format('new.text')}); END",
    "CREATE TRIGGER section_fts_ad AFTER DELETE ON section BEGIN "
    "DELETE FROM section_fts WHERE rowid = old.id; END",
    "CREATE TRIGGER section_fts_au AFTER UPDATE OF heading, text ON section BEGIN "
    "DELETE FROM section_fts WHERE rowid = old.id; "
    "INSERT INTO section_fts(rowid, heading, body) VALUES "
    f"(new.id, {_DOWN_FOLD.format('new.heading')}, {_DOWN_FOLD.format('new.text')}); END",
    "INSERT INTO section_fts(rowid, heading, body) "
    f"SELECT id, {_DOWN_FOLD.format('heading')}, {_DOWN_FOLD.format('text')} FROM section",
]
PG_SECTION_FTS = [
    "ALTER TABLE section ADD COLUMN search_vector tsvector GENERATED ALWAYS AS "
    "(to_tsvector('handbook_search'::regconfig, regexp_replace(heading || ' ' || text, '[[:punct:]]', ' ', 'g'))) "
    "STORED",
    "CREATE INDEX section_search_idx ON section USING gin (search_vector)",
]


def _fold(text: str) -> str:
    """The notes' folded copy as 0004's app wrote it: lowercase, accents and đ's stroke gone."""
    out = []
    for ch in unicodedata.normalize("NFC", text or ""):
        base = unicodedata.normalize("NFD", ch.replace("đ", "d").replace("Đ", "d"))[:1]
        out.append(base.lower() if base else ch)
    return "".join(out)


def downgrade():
    dialect = op.get_bind().dialect.name
    with op.batch_alter_table("user", schema=None) as batch_op:
        batch_op.drop_index("ix_user_full_name")
    op.execute("ALTER TABLE note ADD COLUMN body_folded TEXT NOT NULL DEFAULT ''")
    bind = op.get_bind()
    note = sa.table("note", sa.column("id", sa.Integer), sa.column("body", sa.Text),
                    sa.column("body_folded", sa.Text))
    rows = bind.execute(sa.select(note.c.id, note.c.body)).all()
    for start in range(0, len(rows), 1000):
        bind.execute(note.update().where(note.c.id == sa.bindparam("note_id")).values(body_folded=sa.bindparam("folded")),
                     [{"note_id": i, "folded": _fold(body)} for i, body in rows[start:start + 1000]])
    for statement in SQLITE_SECTION_FTS if dialect == "sqlite" else PG_SECTION_FTS:
        op.execute(statement)
    if dialect == "sqlite":
        for table in FTS_TABLES:
            for suffix in ("au", "ad", "ai"):
                op.execute(f"DROP TRIGGER IF EXISTS {table}_{suffix}")
            op.execute(f"DROP TABLE IF EXISTS {table}")
    op.drop_table("search_entry")
