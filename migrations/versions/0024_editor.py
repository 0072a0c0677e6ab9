"""editing: one conflict store for every autosaved text (notes' conflict revisions and the
minutes' kept copies move into text_conflict)

Revision ID: 0024_editor
Revises: 0023_rules2
Create Date: 2026-12-06 23:00:00

"""
import json

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0024_editor'
down_revision = '0023_rules2'
branch_labels = None
depends_on = None

# The minutes' texts the shared editor keeps apart (handbook/meetings/minutes/service.py).
MINUTES_TEXTS = ('held_from', 'held_to', 'place', 'conclusions', 'resolution')


def upgrade():
    op.create_table('text_conflict',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('row_id', sa.Integer(), nullable=False),
    sa.Column('based_on', sa.Integer(), nullable=False),
    sa.Column('texts', sa.Text(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['author_id'], ['user.id'], name=op.f('fk_text_conflict_author_id_user'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_text_conflict'))
    )
    with op.batch_alter_table('text_conflict', schema=None) as batch_op:
        batch_op.create_index('ix_text_conflict_row', ['kind', 'row_id'], unique=False)

    bind = op.get_bind()
    rows = []
    for note_id, owner_id, version, body, created_at in bind.execute(sa.text(
            "SELECT r.note_id, n.owner_id, r.version, r.body, r.created_at FROM note_revision r "
            "JOIN note n ON n.id = r.note_id WHERE r.kind = 'conflict' ORDER BY r.id")):
        rows.append({'kind': 'note', 'row_id': note_id, 'based_on': version, 'author_id': owner_id,
                     'texts': json.dumps({'body': body}, ensure_ascii=False), 'created_at': created_at,
                     'updated_at': created_at})
    for minutes_id, based_on, snapshot, author_id, created_at, updated_at in bind.execute(sa.text(
            "SELECT minutes_id, based_on, snapshot, created_by_id, created_at, updated_at FROM minutes_conflict "
            "ORDER BY id")):
        data = json.loads(snapshot or '{}')
        texts = {name: data.get(name) or '' for name in MINUTES_TEXTS}
        texts.update({f'item-{key}': text for key, text in (data.get('item_notes') or {}).items()})
        rows.append({'kind': 'minutes', 'row_id': minutes_id, 'based_on': based_on, 'author_id': author_id,
                     'texts': json.dumps(texts, ensure_ascii=False), 'created_at': created_at,
                     'updated_at': updated_at})
    # Plain statements: the dates go back as each database read them (SQLite hands back text).
    for row in rows:
        bind.execute(sa.text("INSERT INTO text_conflict (kind, row_id, based_on, texts, author_id, created_at, "
                             "updated_at) VALUES (:kind, :row_id, :based_on, :texts, :author_id, :created_at, "
                             ":updated_at)"), row)
    bind.execute(sa.text("DELETE FROM note_revision WHERE kind = 'conflict'"))

    with op.batch_alter_table('minutes_conflict', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_minutes_conflict_minutes_id'))
    op.drop_table('minutes_conflict')


def downgrade():
    op.create_table('minutes_conflict',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('minutes_id', sa.Integer(), nullable=False),
    sa.Column('based_on', sa.Integer(), nullable=False),
    sa.Column('snapshot', sa.Text(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['created_by_id'], ['user.id'], name=op.f('fk_minutes_conflict_created_by_id_user')),
    sa.ForeignKeyConstraint(['minutes_id'], ['minutes.id'], name=op.f('fk_minutes_conflict_minutes_id_minutes'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_minutes_conflict'))
    )
    with op.batch_alter_table('minutes_conflict', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_minutes_conflict_minutes_id'), ['minutes_id'], unique=False)

    # Kept texts go back where they were; the papers' had no store before, and stay only in
    # this table's rows until it is dropped (an older app kept none of them).
    bind = op.get_bind()
    for kind, row_id, based_on, texts, author_id, created_at, updated_at in bind.execute(sa.text(
            "SELECT kind, row_id, based_on, texts, author_id, created_at, updated_at FROM text_conflict "
            "WHERE kind IN ('note', 'minutes') ORDER BY id")):
        data = json.loads(texts or '{}')
        if kind == 'note':
            bind.execute(sa.text("INSERT INTO note_revision (note_id, kind, body, version, created_at) "
                                 "VALUES (:note, 'conflict', :body, :version, :at)"),
                         {'note': row_id, 'body': data.get('body', ''), 'version': based_on, 'at': created_at})
        else:
            snapshot = {name: data.get(name, '') for name in MINUTES_TEXTS}
            snapshot['item_notes'] = {key[5:]: text for key, text in data.items() if key.startswith('item-')}
            bind.execute(sa.text("INSERT INTO minutes_conflict (minutes_id, based_on, snapshot, created_by_id, "
                                 "created_at, updated_at) VALUES (:minutes, :based_on, :snapshot, :author, :created, "
                                 ":updated)"),
                         {'minutes': row_id, 'based_on': based_on, 'author': author_id, 'created': created_at,
                          'updated': updated_at, 'snapshot': json.dumps(snapshot, ensure_ascii=False)})

    with op.batch_alter_table('text_conflict', schema=None) as batch_op:
        batch_op.drop_index('ix_text_conflict_row')
    op.drop_table('text_conflict')
