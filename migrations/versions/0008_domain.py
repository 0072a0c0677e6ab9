"""core: a version counter on the minutes, and the copies kept when two people save them at once

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01 09:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('minutes', schema=None) as batch_op:
        batch_op.add_column(sa.Column('version', sa.Integer(), server_default='0', nullable=False))

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


def downgrade():
    with op.batch_alter_table('minutes_conflict', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_minutes_conflict_minutes_id'))

    op.drop_table('minutes_conflict')
    with op.batch_alter_table('minutes', schema=None) as batch_op:
        batch_op.drop_column('version')
