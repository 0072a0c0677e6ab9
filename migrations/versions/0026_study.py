"""study: study programmes with the documents and articles to study, their study sessions
(meetings of kind "study"), members' thu hoạch, and the search index's new kind

Revision ID: 0026_study
Revises: 0025_caching
Create Date: 2026-12-06 23:00:00

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0026_study'
down_revision = '0025_caching'
branch_labels = None
depends_on = None

# The search index's new kind, as 0009 and 0021 made the others: on SQLite an FTS5 table kept in
# step with search_entry by triggers; on PostgreSQL a partial GIN index.
KIND, TABLE = "study", "search_fts_study"
FTS_COLUMNS = "rowid, title, body, ref, facets"


def _sqlite_fts() -> list[str]:
    new = "new.id, new.title, new.body, new.ref, new.facets"
    old = "old.id, old.title, old.body, old.ref, old.facets"
    return [
        f"CREATE VIRTUAL TABLE {TABLE} USING fts5(title, body, ref, facets, content='search_entry', "
        "content_rowid='id', tokenize='unicode61 remove_diacritics 2', prefix='2 3')",
        f"INSERT INTO {TABLE}({FTS_COLUMNS}) SELECT id, title, body, ref, facets FROM search_entry "
        f"WHERE kind = '{KIND}'",
        f"CREATE TRIGGER {TABLE}_ai AFTER INSERT ON search_entry WHEN new.kind = '{KIND}' BEGIN "
        f"INSERT INTO {TABLE}({FTS_COLUMNS}) VALUES ({new}); END",
        f"CREATE TRIGGER {TABLE}_ad AFTER DELETE ON search_entry WHEN old.kind = '{KIND}' BEGIN "
        f"INSERT INTO {TABLE}({TABLE}, {FTS_COLUMNS}) VALUES ('delete', {old}); END",
        f"CREATE TRIGGER {TABLE}_au AFTER UPDATE ON search_entry WHEN old.kind = '{KIND}' BEGIN "
        f"INSERT INTO {TABLE}({TABLE}, {FTS_COLUMNS}) VALUES ('delete', {old}); "
        f"INSERT INTO {TABLE}({FTS_COLUMNS}) VALUES ({new}); END",
    ]


def upgrade():
    op.create_table('study_programme',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('org_id', sa.Integer(), nullable=False),
    sa.Column('leaders_only', sa.Boolean(), nullable=False),
    sa.Column('starts_on', sa.Date(), nullable=False),
    sa.Column('ends_on', sa.Date(), nullable=False),
    sa.Column('set_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['org_id'], ['organization.id'], name=op.f('fk_study_programme_org_id_organization')),
    sa.ForeignKeyConstraint(['set_by_id'], ['user.id'], name=op.f('fk_study_programme_set_by_id_user'),
                            ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_study_programme'))
    )
    with op.batch_alter_table('study_programme', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_study_programme_org_id'), ['org_id'], unique=False)

    op.create_table('study_item',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('programme_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('anchor', sa.String(length=80), nullable=False),
    sa.Column('label', sa.String(length=300), nullable=False),
    sa.ForeignKeyConstraint(['document_id'], ['document.id'], name=op.f('fk_study_item_document_id_document'),
                            ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['programme_id'], ['study_programme.id'],
                            name=op.f('fk_study_item_programme_id_study_programme'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_study_item')),
    sa.UniqueConstraint('programme_id', 'document_id', 'anchor', name='uq_study_item')
    )
    with op.batch_alter_table('study_item', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_study_item_document_id'), ['document_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_study_item_programme_id'), ['programme_id'], unique=False)

    op.create_table('study_session',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('programme_id', sa.Integer(), nullable=False),
    sa.Column('meeting_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['meeting_id'], ['meeting.id'], name=op.f('fk_study_session_meeting_id_meeting'),
                            ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['programme_id'], ['study_programme.id'],
                            name=op.f('fk_study_session_programme_id_study_programme'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_study_session')),
    sa.UniqueConstraint('meeting_id', name=op.f('uq_study_session_meeting_id'))
    )
    with op.batch_alter_table('study_session', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_study_session_programme_id'), ['programme_id'], unique=False)

    op.create_table('study_harvest',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('programme_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('cell_id', sa.Integer(), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('submitted_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['cell_id'], ['organization.id'], name=op.f('fk_study_harvest_cell_id_organization')),
    sa.ForeignKeyConstraint(['programme_id'], ['study_programme.id'],
                            name=op.f('fk_study_harvest_programme_id_study_programme'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['user.id'], name=op.f('fk_study_harvest_user_id_user'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_study_harvest')),
    sa.UniqueConstraint('programme_id', 'user_id', name='uq_study_harvest_member')
    )
    with op.batch_alter_table('study_harvest', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_study_harvest_cell_id'), ['cell_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_study_harvest_programme_id'), ['programme_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_study_harvest_user_id'), ['user_id'], unique=False)

    if op.get_bind().dialect.name == "sqlite":
        for statement in _sqlite_fts():
            op.execute(statement)
    else:
        op.execute(f"CREATE INDEX search_entry_{KIND}_gin ON search_entry USING gin (tsv) WHERE kind = '{KIND}'")


def downgrade():
    op.execute(f"DELETE FROM search_entry WHERE kind = '{KIND}'")
    if op.get_bind().dialect.name == "sqlite":
        for suffix in ("au", "ad", "ai"):
            op.execute(f"DROP TRIGGER IF EXISTS {TABLE}_{suffix}")
        op.execute(f"DROP TABLE IF EXISTS {TABLE}")
    else:
        op.execute(f"DROP INDEX IF EXISTS search_entry_{KIND}_gin")
    # Meetings planned as study sessions stay, as meetings of another kind would.
    op.drop_table('study_harvest')
    op.drop_table('study_session')
    op.drop_table('study_item')
    op.drop_table('study_programme')
