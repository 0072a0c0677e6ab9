"""rules2: elections of several people on one ballot — the seats to fill, and the valid ballots
counted at closing

Revision ID: 0023_rules2
Revises: 0022_orgs
Create Date: 2026-12-06 22:40:00

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0023_rules2'
down_revision = '0022_orgs'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('vote', schema=None) as batch_op:
        batch_op.add_column(sa.Column('seats', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('ballots', sa.Integer(), nullable=True))


def downgrade():
    # Plain DROP COLUMN (SQLite 3.35+): a batch copy of `vote` would drop a table others refer to.
    op.drop_column('vote', 'ballots')
    op.drop_column('vote', 'seats')
