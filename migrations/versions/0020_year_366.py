"""year: ratings and self-reviews under Quy định 366-QĐ/TW (30/08/2025) — the rule each was made
under (existing ratings and submitted papers keep Quy định 124), the 100-point score and its
basis, the paper's kind (2A, 2B, 2C) with the points the member proposes, and the on-demand
ratings ("khi cần thiết")

Revision ID: 0020_year_366
Revises: 0019_minutes
Create Date: 2026-12-06 20:00:00

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0020_year_366'
down_revision = '0019_minutes'
branch_labels = None
depends_on = None

PROPOSED = ('proposed_political', 'proposed_ethics', 'proposed_discipline', 'proposed_tasks', 'proposed_beyond')


def upgrade():
    # Rows already there were made under Quy định 124: they keep it (server default '124' fills
    # them), and what is written from now on says 366.
    with op.batch_alter_table('rating', schema=None) as batch_op:
        batch_op.add_column(sa.Column('rule', sa.String(length=3), nullable=False, server_default='124'))
        batch_op.add_column(sa.Column('score', sa.Float(), nullable=True))
        batch_op.add_column(sa.Column('basis', sa.Text(), nullable=False, server_default=''))
    with op.batch_alter_table('rating', schema=None) as batch_op:
        batch_op.alter_column('rule', existing_type=sa.String(length=3), server_default='366')

    with op.batch_alter_table('self_review', schema=None) as batch_op:
        batch_op.add_column(sa.Column('leadership', sa.Text(), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('rule', sa.String(length=3), nullable=False, server_default='366'))
        batch_op.add_column(sa.Column('kind', sa.String(length=2), nullable=False, server_default=''))
        for name in PROPOSED:
            batch_op.add_column(sa.Column(name, sa.String(length=8), nullable=False, server_default=''))
    # A paper already submitted was written under Quy định 124; a draft goes on under 366.
    self_review = sa.table('self_review', sa.column('rule', sa.String()), sa.column('status', sa.String()))
    op.execute(self_review.update().where(self_review.c.status == 'submitted').values(rule='124'))

    op.create_table('occasional_rating',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('cell_id', sa.Integer(), nullable=False),
    sa.Column('rated_on', sa.Date(), nullable=False),
    sa.Column('reason', sa.String(length=300), nullable=False),
    sa.Column('level', sa.String(length=12), nullable=False),
    sa.Column('conduct', sa.String(length=12), nullable=False),
    sa.Column('comment', sa.Text(), nullable=False),
    sa.Column('rated_by_id', sa.Integer(), nullable=True),
    sa.Column('rated_at', sa.DateTime(), nullable=False),
    sa.Column('rule', sa.String(length=3), nullable=False, server_default='366'),
    sa.Column('score', sa.Float(), nullable=True),
    sa.Column('basis', sa.Text(), nullable=False, server_default=''),
    sa.ForeignKeyConstraint(['cell_id'], ['organization.id'], name=op.f('fk_occasional_rating_cell_id_organization')),
    sa.ForeignKeyConstraint(['rated_by_id'], ['user.id'], name=op.f('fk_occasional_rating_rated_by_id_user')),
    sa.ForeignKeyConstraint(['user_id'], ['user.id'], name=op.f('fk_occasional_rating_user_id_user'),
                            ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_occasional_rating'))
    )
    with op.batch_alter_table('occasional_rating', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_occasional_rating_user_id'), ['user_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_occasional_rating_cell_id'), ['cell_id'], unique=False)


def downgrade():
    with op.batch_alter_table('occasional_rating', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_occasional_rating_cell_id'))
        batch_op.drop_index(batch_op.f('ix_occasional_rating_user_id'))
    op.drop_table('occasional_rating')
    with op.batch_alter_table('self_review', schema=None) as batch_op:
        for name in reversed(PROPOSED):
            batch_op.drop_column(name)
        batch_op.drop_column('kind')
        batch_op.drop_column('rule')
        batch_op.drop_column('leadership')
    with op.batch_alter_table('rating', schema=None) as batch_op:
        batch_op.drop_column('basis')
        batch_op.drop_column('score')
        batch_op.drop_column('rule')
