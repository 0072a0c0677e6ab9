"""quiz: question banks linked to library articles, quizzes set on them, members' attempts with
the questions drawn for each and the answers saved so far; at most one open attempt per member

Revision ID: 0017_quiz
Revises: 0016_fees
Create Date: 2026-12-06 19:32:27.053237

"""
import sqlalchemy as sa
from alembic import op


# revision identifiers, used by Alembic.
revision = '0017_quiz'
down_revision = '0016_fees'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('quiz_bank',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('org_id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=True),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['created_by_id'], ['user.id'], name=op.f('fk_quiz_bank_created_by_id_user')),
    sa.ForeignKeyConstraint(['document_id'], ['document.id'], name=op.f('fk_quiz_bank_document_id_document'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['org_id'], ['organization.id'], name=op.f('fk_quiz_bank_org_id_organization')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_quiz_bank'))
    )
    with op.batch_alter_table('quiz_bank', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_quiz_bank_org_id'), ['org_id'], unique=False)

    op.create_table('quiz',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('bank_id', sa.Integer(), nullable=False),
    sa.Column('org_id', sa.Integer(), nullable=False),
    sa.Column('leaders_only', sa.Boolean(), nullable=False),
    sa.Column('question_count', sa.Integer(), nullable=False),
    sa.Column('minutes', sa.Integer(), nullable=False),
    sa.Column('attempts_allowed', sa.Integer(), nullable=False),
    sa.Column('opens_at', sa.DateTime(), nullable=False),
    sa.Column('closes_at', sa.DateTime(), nullable=False),
    sa.Column('set_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['bank_id'], ['quiz_bank.id'], name=op.f('fk_quiz_bank_id_quiz_bank')),
    sa.ForeignKeyConstraint(['org_id'], ['organization.id'], name=op.f('fk_quiz_org_id_organization')),
    sa.ForeignKeyConstraint(['set_by_id'], ['user.id'], name=op.f('fk_quiz_set_by_id_user')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_quiz'))
    )
    with op.batch_alter_table('quiz', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_quiz_bank_id'), ['bank_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_quiz_org_id'), ['org_id'], unique=False)

    op.create_table('quiz_question',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('bank_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=True),
    sa.Column('anchor', sa.String(length=80), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['bank_id'], ['quiz_bank.id'], name=op.f('fk_quiz_question_bank_id_quiz_bank'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['document_id'], ['document.id'], name=op.f('fk_quiz_question_document_id_document'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_quiz_question'))
    )
    with op.batch_alter_table('quiz_question', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_quiz_question_bank_id'), ['bank_id'], unique=False)

    op.create_table('quiz_attempt',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('quiz_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('started_at', sa.DateTime(), nullable=False),
    sa.Column('deadline', sa.DateTime(), nullable=False),
    sa.Column('submitted_at', sa.DateTime(), nullable=True),
    sa.Column('auto_submitted', sa.Boolean(), nullable=False),
    sa.Column('score', sa.Integer(), nullable=True),
    sa.Column('total', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['quiz_id'], ['quiz.id'], name=op.f('fk_quiz_attempt_quiz_id_quiz'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['user.id'], name=op.f('fk_quiz_attempt_user_id_user'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_quiz_attempt')),
    sa.UniqueConstraint('quiz_id', 'user_id', 'number', name='uq_quiz_attempt_number')
    )
    with op.batch_alter_table('quiz_attempt', schema=None) as batch_op:
        batch_op.create_index('ix_quiz_attempt_one_open', ['user_id'], unique=True, sqlite_where=sa.text('submitted_at IS NULL'), postgresql_where=sa.text('submitted_at IS NULL'))
        batch_op.create_index(batch_op.f('ix_quiz_attempt_quiz_id'), ['quiz_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_quiz_attempt_user_id'), ['user_id'], unique=False)

    op.create_table('quiz_choice',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('question_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('correct', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['question_id'], ['quiz_question.id'], name=op.f('fk_quiz_choice_question_id_quiz_question'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_quiz_choice'))
    )
    with op.batch_alter_table('quiz_choice', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_quiz_choice_question_id'), ['question_id'], unique=False)

    op.create_table('quiz_attempt_item',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('attempt_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('question_id', sa.Integer(), nullable=False),
    sa.Column('choice_order', sa.String(length=200), nullable=False),
    sa.Column('chosen', sa.String(length=200), nullable=False),
    sa.Column('correct', sa.Boolean(), nullable=False),
    sa.Column('answered_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['attempt_id'], ['quiz_attempt.id'], name=op.f('fk_quiz_attempt_item_attempt_id_quiz_attempt'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['question_id'], ['quiz_question.id'], name=op.f('fk_quiz_attempt_item_question_id_quiz_question')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_quiz_attempt_item')),
    sa.UniqueConstraint('attempt_id', 'position', name='uq_quiz_attempt_item_position')
    )
    with op.batch_alter_table('quiz_attempt_item', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_quiz_attempt_item_attempt_id'), ['attempt_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_quiz_attempt_item_question_id'), ['question_id'], unique=False)



def downgrade():
    with op.batch_alter_table('quiz_attempt_item', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_quiz_attempt_item_question_id'))
        batch_op.drop_index(batch_op.f('ix_quiz_attempt_item_attempt_id'))

    op.drop_table('quiz_attempt_item')
    with op.batch_alter_table('quiz_choice', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_quiz_choice_question_id'))

    op.drop_table('quiz_choice')
    with op.batch_alter_table('quiz_attempt', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_quiz_attempt_user_id'))
        batch_op.drop_index(batch_op.f('ix_quiz_attempt_quiz_id'))
        batch_op.drop_index('ix_quiz_attempt_one_open')

    op.drop_table('quiz_attempt')
    with op.batch_alter_table('quiz_question', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_quiz_question_bank_id'))

    op.drop_table('quiz_question')
    with op.batch_alter_table('quiz', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_quiz_org_id'))
        batch_op.drop_index(batch_op.f('ix_quiz_bank_id'))

    op.drop_table('quiz')
    with op.batch_alter_table('quiz_bank', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_quiz_bank_org_id'))

    op.drop_table('quiz_bank')
