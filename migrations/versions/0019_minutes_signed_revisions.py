"""minutes: signatures bound to one revision and the sha256 of its content; revisions kept with
the hash both signed and when; minutes changed after signing wait for new signatures

Revision ID: 0019_minutes
Revises: 0018_library_2026
Create Date: 2026-12-02 10:00:00

"""
import hashlib
import json

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0019_minutes'
down_revision = '0018_library_2026'
branch_labels = None
depends_on = None


def _digest(snapshot: str) -> str:
    """handbook/meetings/minutes_digest.py as of this revision, copied so the migration keeps
    hashing the way it did when it ran: the content without the signatures' own account."""
    content = json.loads(snapshot)
    content.pop("signatures", None)
    text = json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def upgrade():
    with op.batch_alter_table('minutes_revision', schema=None) as batch_op:
        batch_op.add_column(sa.Column('content_hash', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('final_at', sa.DateTime(), nullable=True))
        batch_op.alter_column('snapshot', existing_type=sa.Text(), nullable=True)
    with op.batch_alter_table('minutes_signature', schema=None) as batch_op:
        batch_op.add_column(sa.Column('revision', sa.Integer(), server_default='1', nullable=False))
        batch_op.add_column(sa.Column('content_hash', sa.String(length=64), nullable=True))
        batch_op.drop_constraint('uq_minutes_signature_minutes_id', type_='unique')
        batch_op.create_unique_constraint('uq_minutes_signature_minutes_id', ['minutes_id', 'revision', 'role'])
    # The minutes table itself is not altered: on SQLite that rebuilds it, and dropping the old
    # copy would cascade to its opinions, revisions and signatures.
    _bind_existing()


def _bind_existing():
    """Minutes signed before: the two signatures are bound to the first kept text, which the old
    rules froze at the second signature. Minutes revised since were never signed again, so they
    now wait for it (members read the first text meanwhile). Signatures on drafts are asked again."""
    conn = op.get_bind()
    minutes = sa.table('minutes', sa.column('id', sa.Integer), sa.column('status', sa.String),
                       sa.column('revision', sa.Integer), sa.column('locked_at', sa.DateTime))
    kept = sa.table('minutes_revision', sa.column('id', sa.Integer), sa.column('minutes_id', sa.Integer),
                    sa.column('number', sa.Integer), sa.column('snapshot', sa.Text),
                    sa.column('content_hash', sa.String), sa.column('final_at', sa.DateTime))
    signature = sa.table('minutes_signature', sa.column('minutes_id', sa.Integer), sa.column('revision', sa.Integer),
                         sa.column('content_hash', sa.String))
    conn.execute(minutes.update().where(minutes.c.revision == 0).values(revision=1))
    drafts = sa.select(minutes.c.id).where(minutes.c.status != 'final')
    conn.execute(signature.delete().where(signature.c.minutes_id.in_(drafts)))
    finals = conn.execute(sa.select(minutes.c.id, minutes.c.revision, minutes.c.locked_at)
                          .where(minutes.c.status == 'final')).all()
    for minutes_id, number, locked_at in finals:
        first = conn.execute(sa.select(kept.c.id, kept.c.snapshot).where(
            kept.c.minutes_id == minutes_id, kept.c.number == 1)).first()
        if first is None or not first.snapshot:
            continue
        content_hash = _digest(first.snapshot)
        conn.execute(kept.update().where(kept.c.id == first.id).values(content_hash=content_hash, final_at=locked_at))
        conn.execute(signature.update().where(signature.c.minutes_id == minutes_id)
                     .values(revision=1, content_hash=content_hash))
        if number > 1:
            conn.execute(minutes.update().where(minutes.c.id == minutes_id).values(status='revising'))


def downgrade():
    conn = op.get_bind()
    minutes = sa.table('minutes', sa.column('status', sa.String))
    kept = sa.table('minutes_revision', sa.column('snapshot', sa.Text))
    signature = sa.table('minutes_signature', sa.column('id', sa.Integer), sa.column('minutes_id', sa.Integer),
                         sa.column('role', sa.String), sa.column('revision', sa.Integer))
    conn.execute(minutes.update().where(minutes.c.status == 'revising').values(status='final'))
    conn.execute(kept.update().where(kept.c.snapshot.is_(None)).values(snapshot='{}'))
    # One signature per role again: the latest revision's.
    newer = signature.alias('newer')
    conn.execute(signature.delete().where(sa.exists().where(
        newer.c.minutes_id == signature.c.minutes_id, newer.c.role == signature.c.role,
        newer.c.revision > signature.c.revision)))
    with op.batch_alter_table('minutes_signature', schema=None) as batch_op:
        batch_op.drop_constraint('uq_minutes_signature_minutes_id', type_='unique')
        batch_op.create_unique_constraint('uq_minutes_signature_minutes_id', ['minutes_id', 'role'])
        batch_op.drop_column('content_hash')
        batch_op.drop_column('revision')
    with op.batch_alter_table('minutes_revision', schema=None) as batch_op:
        batch_op.alter_column('snapshot', existing_type=sa.Text(), nullable=False)
        batch_op.drop_column('final_at')
        batch_op.drop_column('content_hash')
