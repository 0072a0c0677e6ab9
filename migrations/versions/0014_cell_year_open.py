"""year: a cell's year is a row from its first rating, finished when finished_at is set — the row
rating and finishing both lock, so a rating cannot slip in between the finish's count and its mark

Revision ID: 0014_cell_year_open
Revises: 0013
Create Date: 2026-12-06 19:10:00

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0014_cell_year_open'
down_revision = '0013'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('cell_year', schema=None) as batch_op:
        batch_op.alter_column('finished_at', existing_type=sa.DateTime(), nullable=True)


def downgrade():
    # Years still open were not marks before: they go, the ratings stay.
    cell_year = sa.table('cell_year', sa.column('finished_at', sa.DateTime()))
    op.execute(cell_year.delete().where(cell_year.c.finished_at.is_(None)))
    with op.batch_alter_table('cell_year', schema=None) as batch_op:
        batch_op.alter_column('finished_at', existing_type=sa.DateTime(), nullable=False)
