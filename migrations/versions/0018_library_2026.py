"""library: the year a document was issued, alone when the day is not known (the 2026 starter set)

Revision ID: 0018_library_2026
Revises: 0017_quiz
Create Date: 2026-12-08 10:00:00

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0018_library_2026'
down_revision = '0017_quiz'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('document', schema=None) as batch_op:
        batch_op.add_column(sa.Column('issued_year', sa.Integer(), nullable=True))
    document = sa.table('document', sa.column('issued_on', sa.Date()), sa.column('issued_year', sa.Integer()))
    # The list filters and sorts by year: documents with a date get theirs.
    op.execute(document.update().where(document.c.issued_on.is_not(None))
               .values(issued_year=sa.cast(sa.extract('year', document.c.issued_on), sa.Integer())))


def downgrade():
    with op.batch_alter_table('document', schema=None) as batch_op:
        batch_op.drop_column('issued_year')
