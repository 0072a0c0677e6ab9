"""voice and examples: members' questions and opinions to the committee (with the FAQ they may be
published to), good examples (gương người tốt, việc tốt) with their review, a link on
notifications that belong to no meeting, and the search index's two new kinds

Revision ID: 0021_voice
Revises: 0020_year_366
Create Date: 2026-12-08 10:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0021_voice'
down_revision = '0020_year_366'
branch_labels = None
depends_on = None

# The search index's new kinds, as 0009 made the others: on SQLite an FTS5 table each, kept in
# step with search_entry by triggers; on PostgreSQL a partial GIN index each.
KINDS = {"faq": "search_fts_faq", "example": "search_fts_example"}
FTS_COLUMNS = "rowid, title, body, ref, facets"


def _sqlite_fts(kind: str, table: str) -> list[str]:
    new = "new.id, new.title, new.body, new.ref, new.facets"
    old = "old.id, old.title, old.body, old.ref, old.facets"
    return [
        f"CREATE VIRTUAL TABLE {table} USING fts5(title, body, ref, facets, content='search_entry', "
        "content_rowid='id', tokenize='unicode61 remove_diacritics 2', prefix='2 3')",
        f"INSERT INTO {table}({FTS_COLUMNS}) SELECT id, title, body, ref, facets FROM search_entry "
        f"WHERE kind = '{kind}'",
        f"CREATE TRIGGER {table}_ai AFTER INSERT ON search_entry WHEN new.kind = '{kind}' BEGIN "
        f"INSERT INTO {table}({FTS_COLUMNS}) VALUES ({new}); END",
        f"CREATE TRIGGER {table}_ad AFTER DELETE ON search_entry WHEN old.kind = '{kind}' BEGIN "
        f"INSERT INTO {table}({table}, {FTS_COLUMNS}) VALUES ('delete', {old}); END",
        f"CREATE TRIGGER {table}_au AFTER UPDATE ON search_entry WHEN old.kind = '{kind}' BEGIN "
        f"INSERT INTO {table}({table}, {FTS_COLUMNS}) VALUES ('delete', {old}); "
        f"INSERT INTO {table}({FTS_COLUMNS}) VALUES ({new}); END",
    ]


def upgrade():
    op.create_table('member_question',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=False),
    sa.Column('cell_id', sa.Integer(), nullable=False),
    sa.Column('sent_to_id', sa.Integer(), nullable=False),
    sa.Column('org_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('subject', sa.String(length=200), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('section_id', sa.Integer(), nullable=True),
    sa.Column('meeting_id', sa.Integer(), nullable=True),
    sa.Column('about', sa.String(length=300), nullable=False),
    sa.Column('name_consent', sa.Boolean(), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('forwarded_at', sa.DateTime(), nullable=True),
    sa.Column('answer', sa.Text(), nullable=False),
    sa.Column('answered_by_id', sa.Integer(), nullable=True),
    sa.Column('answered_at', sa.DateTime(), nullable=True),
    sa.Column('faq_org_id', sa.Integer(), nullable=True),
    sa.Column('faq_subject', sa.String(length=200), nullable=False),
    sa.Column('faq_body', sa.Text(), nullable=False),
    sa.Column('published_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['answered_by_id'], ['user.id'], name=op.f('fk_member_question_answered_by_id_user'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['author_id'], ['user.id'], name=op.f('fk_member_question_author_id_user'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['cell_id'], ['organization.id'], name=op.f('fk_member_question_cell_id_organization')),
    sa.ForeignKeyConstraint(['faq_org_id'], ['organization.id'], name=op.f('fk_member_question_faq_org_id_organization')),
    sa.ForeignKeyConstraint(['meeting_id'], ['meeting.id'], name=op.f('fk_member_question_meeting_id_meeting'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['org_id'], ['organization.id'], name=op.f('fk_member_question_org_id_organization')),
    sa.ForeignKeyConstraint(['section_id'], ['section.id'], name=op.f('fk_member_question_section_id_section'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['sent_to_id'], ['organization.id'], name=op.f('fk_member_question_sent_to_id_organization')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_member_question'))
    )
    with op.batch_alter_table('member_question', schema=None) as batch_op:
        batch_op.create_index('ix_member_question_author', ['author_id', 'created_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_member_question_faq_org_id'), ['faq_org_id'], unique=False)
        batch_op.create_index('ix_member_question_org_status', ['org_id', 'status'], unique=False)

    op.create_table('good_example',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('org_id', sa.Integer(), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=True),
    sa.Column('person', sa.String(length=120), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('happened_on', sa.Date(), nullable=False),
    sa.Column('photo_key', sa.String(length=200), nullable=True),
    sa.Column('photo_type', sa.String(length=20), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('review_note', sa.String(length=500), nullable=False),
    sa.Column('registered_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('reviewed_by_id', sa.Integer(), nullable=True),
    sa.Column('reviewed_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['member_id'], ['user.id'], name=op.f('fk_good_example_member_id_user'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['org_id'], ['organization.id'], name=op.f('fk_good_example_org_id_organization')),
    sa.ForeignKeyConstraint(['registered_by_id'], ['user.id'], name=op.f('fk_good_example_registered_by_id_user'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['reviewed_by_id'], ['user.id'], name=op.f('fk_good_example_reviewed_by_id_user'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_good_example'))
    )
    with op.batch_alter_table('good_example', schema=None) as batch_op:
        batch_op.create_index('ix_good_example_member', ['member_id', 'happened_on'], unique=False)
        batch_op.create_index('ix_good_example_org_status', ['org_id', 'status'], unique=False)

    with op.batch_alter_table('notification', schema=None) as batch_op:
        batch_op.add_column(sa.Column('url', sa.String(length=200), nullable=True))

    if op.get_bind().dialect.name == "sqlite":
        for kind, table in KINDS.items():
            for statement in _sqlite_fts(kind, table):
                op.execute(statement)
    else:
        for kind in KINDS:
            op.execute(f"CREATE INDEX search_entry_{kind}_gin ON search_entry USING gin (tsv) WHERE kind = '{kind}'")


def downgrade():
    op.execute("DELETE FROM search_entry WHERE kind IN ('faq', 'example')")
    if op.get_bind().dialect.name == "sqlite":
        for table in KINDS.values():
            for suffix in ("au", "ad", "ai"):
                op.execute(f"DROP TRIGGER IF EXISTS {table}_{suffix}")
            op.execute(f"DROP TABLE IF EXISTS {table}")
    else:
        for kind in KINDS:
            op.execute(f"DROP INDEX IF EXISTS search_entry_{kind}_gin")
    with op.batch_alter_table('notification', schema=None) as batch_op:
        batch_op.drop_column('url')

    with op.batch_alter_table('good_example', schema=None) as batch_op:
        batch_op.drop_index('ix_good_example_org_status')
        batch_op.drop_index('ix_good_example_member')

    op.drop_table('good_example')
    with op.batch_alter_table('member_question', schema=None) as batch_op:
        batch_op.drop_index('ix_member_question_org_status')
        batch_op.drop_index(batch_op.f('ix_member_question_faq_org_id'))
        batch_op.drop_index('ix_member_question_author')

    op.drop_table('member_question')
