"""search: members' entries carry the sort key of their name, with an index in list order, so
a page of a common name's matches is read from the index instead of sorting every match

Revision ID: 0027_search
Revises: 0026_study
Create Date: 2026-12-07 02:00:00

"""
import icu
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0027_search'
down_revision = '0026_study'
branch_labels = None
depends_on = None

INDEX = "ix_search_entry_member_order"
MEMBERS = sa.text("kind = 'member'")
BATCH = 5000
# The members' full-text table's update trigger as 0009 made it: dropped while the keys are
# written (they are no words of the entry, so its full-text row stays as it is), then made again.
SQLITE_TRIGGER = (
    "CREATE TRIGGER search_fts_member_au AFTER UPDATE ON search_entry WHEN old.kind IN ('member') BEGIN "
    "INSERT INTO search_fts_member(search_fts_member, rowid, title, body, ref, facets) "
    "VALUES ('delete', old.id, old.title, old.body, old.ref, old.facets); "
    "INSERT INTO search_fts_member(rowid, title, body, ref, facets) "
    "VALUES (new.id, new.title, new.body, new.ref, new.facets); END")


def _sort_key(collator, name):
    """As handbook.collation.sort_key at this revision: ICU's Vietnamese order as bytes."""
    return collator.getSortKey(name or "")


def fill_sort_keys(bind) -> None:
    """Every member entry's key, from its member's name (tests check it is the app's key)."""
    collator = icu.Collator.createInstance(icu.Locale("vi_VN"))
    rows = bind.execute(sa.text(
        'SELECT e.id, u.full_name FROM search_entry e JOIN "user" u ON u.id = e.ref_id '
        "WHERE e.kind = 'member' ORDER BY e.id")).all()
    update = sa.text("UPDATE search_entry SET sort_key = :key WHERE id = :id")
    for start in range(0, len(rows), BATCH):
        bind.execute(update, [{"id": entry_id, "key": _sort_key(collator, name)}
                              for entry_id, name in rows[start:start + BATCH]])


def upgrade():
    bind = op.get_bind()
    sqlite = bind.dialect.name == "sqlite"
    # A plain ADD COLUMN on SQLite too: a batch copy of the table would drop its triggers.
    op.add_column("search_entry", sa.Column("sort_key", sa.LargeBinary(), nullable=True))
    if sqlite:
        op.execute("DROP TRIGGER IF EXISTS search_fts_member_au")
    fill_sort_keys(bind)
    if sqlite:
        op.execute(SQLITE_TRIGGER)
    op.create_index(INDEX, "search_entry", ["sort_key", "id"], sqlite_where=MEMBERS, postgresql_where=MEMBERS)


def downgrade():
    op.drop_index(INDEX, table_name="search_entry")
    # ALTER TABLE … DROP COLUMN in place (SQLite 3.35+): a batch copy would lose the triggers.
    op.execute("ALTER TABLE search_entry DROP COLUMN sort_key")
