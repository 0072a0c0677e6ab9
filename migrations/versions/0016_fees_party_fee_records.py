"""fees: party-fee records (Quy định 01-QĐ/TW, 03/02/2026) — one row per member and month with
the base, share, due, paid, voluntary extra, where it was paid and who recorded it

Revision ID: 0016_fees
Revises: 0015_ballot
Create Date: 2026-12-06 19:29:18.527786

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0016_fees'
down_revision = '0015_ballot'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('fee_record',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('cell_id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('month', sa.Integer(), nullable=False),
    sa.Column('category', sa.String(length=20), nullable=False),
    sa.Column('base', sa.Integer(), nullable=True),
    sa.Column('share', sa.Integer(), nullable=True),
    sa.Column('due', sa.Integer(), nullable=False),
    sa.Column('paid', sa.Integer(), nullable=False),
    sa.Column('extra', sa.Integer(), nullable=False),
    sa.Column('channel', sa.String(length=10), nullable=False),
    sa.Column('reference', sa.String(length=40), nullable=False),
    sa.Column('note', sa.String(length=200), nullable=False),
    sa.Column('recorded_by_id', sa.Integer(), nullable=True),
    sa.Column('recorded_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['cell_id'], ['organization.id'], name=op.f('fk_fee_record_cell_id_organization')),
    sa.ForeignKeyConstraint(['recorded_by_id'], ['user.id'], name=op.f('fk_fee_record_recorded_by_id_user')),
    sa.ForeignKeyConstraint(['user_id'], ['user.id'], name=op.f('fk_fee_record_user_id_user'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_fee_record')),
    sa.UniqueConstraint('user_id', 'year', 'month', name='uq_fee_record_user_month')
    )
    with op.batch_alter_table('fee_record', schema=None) as batch_op:
        batch_op.create_index('ix_fee_record_cell_month', ['cell_id', 'year', 'month'], unique=False)



def downgrade():
    with op.batch_alter_table('fee_record', schema=None) as batch_op:
        batch_op.drop_index('ix_fee_record_cell_month')

    op.drop_table('fee_record')
