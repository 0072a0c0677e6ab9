"""prov: files in shared storage (the database) instead of one server's disk; originals that a
single-server install kept under instance/uploads/library are moved in

Revision ID: 0013
Revises: 0012
Create Date: 2026-11-29 20:40:00

"""
import os
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None

# Where the app kept originals before (its instance folder beside the code).
OLD_FOLDER = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))),
                          "instance", "uploads", "library")


def upgrade():
    stored = op.create_table('stored_file',
    sa.Column('key', sa.String(length=200), nullable=False),
    sa.Column('data', sa.LargeBinary(), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_stored_file'))
    )
    with op.batch_alter_table('stored_file', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_stored_file_created_at'), ['created_at'], unique=False)
    _move_originals(stored)


def _move_originals(stored):
    """Each original found on this server's disk goes into the table; a name whose file is gone
    (another server, a lost folder) is cleared, so no page offers a download that cannot work."""
    conn = op.get_bind()
    document = sa.table('document', sa.column('id', sa.Integer), sa.column('original_path', sa.String))
    now = datetime.now(UTC).replace(tzinfo=None)
    for doc_id, name in conn.execute(sa.select(document.c.id, document.c.original_path)
                                     .where(document.c.original_path.is_not(None))).all():
        path = os.path.join(OLD_FOLDER, os.path.basename(name))
        key = None
        if os.path.isfile(path):
            with open(path, "rb") as fh:
                data = fh.read()
            key = "library/" + os.path.basename(name)
            conn.execute(stored.insert().values(key=key, data=data, size=len(data), created_at=now))
        conn.execute(document.update().where(document.c.id == doc_id).values(original_path=key))


def downgrade():
    document = sa.table('document', sa.column('original_path', sa.String))
    op.execute(document.update().values(original_path=None))
    with op.batch_alter_table('stored_file', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_stored_file_created_at'))
    op.drop_table('stored_file')
