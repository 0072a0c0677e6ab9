"""meet: the cell meeting by the rules: votes (secret ballots kept apart from who voted), the
minutes' chair and note-taker as members, opinions by speaker, signatures, the resolution's
tasks, the self-assessment, each agenda item's purpose, and a member's standing for votes

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-29 18:19:12.472942

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('meeting_assessment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('meeting_id', sa.Integer(), nullable=False),
    sa.Column('rating', sa.String(length=12), nullable=False),
    sa.Column('reasons', sa.Text(), nullable=False),
    sa.Column('assessed_by_id', sa.Integer(), nullable=True),
    sa.Column('assessed_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['assessed_by_id'], ['user.id'], name=op.f('fk_meeting_assessment_assessed_by_id_user')),
    sa.ForeignKeyConstraint(['meeting_id'], ['meeting.id'], name=op.f('fk_meeting_assessment_meeting_id_meeting'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_meeting_assessment')),
    sa.UniqueConstraint('meeting_id', name=op.f('uq_meeting_assessment_meeting_id'))
    )
    op.create_table('task',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('meeting_id', sa.Integer(), nullable=False),
    sa.Column('cell_id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('owner_id', sa.Integer(), nullable=True),
    sa.Column('due_on', sa.Date(), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('done_on', sa.Date(), nullable=True),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['cell_id'], ['organization.id'], name=op.f('fk_task_cell_id_organization')),
    sa.ForeignKeyConstraint(['created_by_id'], ['user.id'], name=op.f('fk_task_created_by_id_user')),
    sa.ForeignKeyConstraint(['meeting_id'], ['meeting.id'], name=op.f('fk_task_meeting_id_meeting'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['owner_id'], ['user.id'], name=op.f('fk_task_owner_id_user')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_task'))
    )
    with op.batch_alter_table('task', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_task_cell_id'), ['cell_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_task_meeting_id'), ['meeting_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_task_owner_id'), ['owner_id'], unique=False)

    op.create_table('minutes_opinion',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('minutes_id', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('speaker_id', sa.Integer(), nullable=True),
    sa.Column('speaker_name', sa.String(length=120), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['created_by_id'], ['user.id'], name=op.f('fk_minutes_opinion_created_by_id_user')),
    sa.ForeignKeyConstraint(['item_id'], ['agenda_item.id'], name=op.f('fk_minutes_opinion_item_id_agenda_item'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['minutes_id'], ['minutes.id'], name=op.f('fk_minutes_opinion_minutes_id_minutes'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['speaker_id'], ['user.id'], name=op.f('fk_minutes_opinion_speaker_id_user')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_minutes_opinion'))
    )
    with op.batch_alter_table('minutes_opinion', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_minutes_opinion_item_id'), ['item_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_minutes_opinion_minutes_id'), ['minutes_id'], unique=False)

    op.create_table('minutes_signature',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('minutes_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.String(length=12), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('signed_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['minutes_id'], ['minutes.id'], name=op.f('fk_minutes_signature_minutes_id_minutes'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['user.id'], name=op.f('fk_minutes_signature_user_id_user')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_minutes_signature')),
    sa.UniqueConstraint('minutes_id', 'role', name=op.f('uq_minutes_signature_minutes_id'))
    )
    with op.batch_alter_table('minutes_signature', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_minutes_signature_minutes_id'), ['minutes_id'], unique=False)

    op.create_table('vote',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('meeting_id', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=True),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('question', sa.String(length=300), nullable=False),
    sa.Column('choices', sa.Text(), nullable=False),
    sa.Column('secret', sa.Boolean(), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('subject_user_id', sa.Integer(), nullable=True),
    sa.Column('hand_counts', sa.Text(), nullable=True),
    sa.Column('counts', sa.Text(), nullable=True),
    sa.Column('basis', sa.Text(), nullable=True),
    sa.Column('opened_at', sa.DateTime(), nullable=False),
    sa.Column('opened_by_id', sa.Integer(), nullable=True),
    sa.Column('closed_at', sa.DateTime(), nullable=True),
    sa.Column('annulled_at', sa.DateTime(), nullable=True),
    sa.Column('annulled_by_id', sa.Integer(), nullable=True),
    sa.Column('annulled_reason', sa.String(length=500), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['annulled_by_id'], ['user.id'], name=op.f('fk_vote_annulled_by_id_user')),
    sa.ForeignKeyConstraint(['item_id'], ['agenda_item.id'], name=op.f('fk_vote_item_id_agenda_item'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['meeting_id'], ['meeting.id'], name=op.f('fk_vote_meeting_id_meeting'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['opened_by_id'], ['user.id'], name=op.f('fk_vote_opened_by_id_user')),
    sa.ForeignKeyConstraint(['subject_user_id'], ['user.id'], name=op.f('fk_vote_subject_user_id_user'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_vote'))
    )
    with op.batch_alter_table('vote', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_vote_meeting_id'), ['meeting_id'], unique=False)
        batch_op.create_index('uq_vote_open_per_meeting', ['meeting_id'], unique=True, sqlite_where=sa.text("status = 'open'"), postgresql_where=sa.text("status = 'open'"))

    op.create_table('ballot',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('vote_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('choice', sa.Integer(), nullable=True),
    sa.Column('receipt', sa.String(length=64), nullable=True),
    sa.ForeignKeyConstraint(['user_id'], ['user.id'], name=op.f('fk_ballot_user_id_user'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['vote_id'], ['vote.id'], name=op.f('fk_ballot_vote_id_vote'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_ballot')),
    sa.UniqueConstraint('vote_id', 'user_id', name=op.f('uq_ballot_vote_id'))
    )
    with op.batch_alter_table('ballot', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_ballot_user_id'), ['user_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_ballot_vote_id'), ['vote_id'], unique=False)

    op.create_table('secret_tally',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('vote_id', sa.Integer(), nullable=False),
    sa.Column('choice', sa.Integer(), nullable=False),
    sa.Column('count', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['vote_id'], ['vote.id'], name=op.f('fk_secret_tally_vote_id_vote'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_secret_tally')),
    sa.UniqueConstraint('vote_id', 'choice', name=op.f('uq_secret_tally_vote_id'))
    )
    with op.batch_alter_table('secret_tally', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_secret_tally_vote_id'), ['vote_id'], unique=False)

    with op.batch_alter_table('agenda_item', schema=None) as batch_op:
        batch_op.add_column(sa.Column('purpose', sa.String(length=12), server_default='', nullable=False))
    # Agendas made from the standard templates name their review and closing items so.
    op.execute("UPDATE agenda_item SET purpose = 'review' "
               "WHERE title = 'Đánh giá kết quả thực hiện nhiệm vụ tháng trước'")
    op.execute("UPDATE agenda_item SET purpose = 'closing' WHERE title LIKE 'Bế mạc%'")

    with op.batch_alter_table('minutes', schema=None) as batch_op:
        batch_op.add_column(sa.Column('chair_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('note_taker_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_minutes_note_taker_id_user'), 'user', ['note_taker_id'], ['id'])
        batch_op.create_foreign_key(batch_op.f('fk_minutes_chair_id_user'), 'user', ['chair_id'], ['id'])

    with op.batch_alter_table('user', schema=None) as batch_op:
        batch_op.add_column(sa.Column('party_standing', sa.String(length=12), server_default='regular', nullable=False))



def downgrade():
    with op.batch_alter_table('user', schema=None) as batch_op:
        batch_op.drop_column('party_standing')

    with op.batch_alter_table('minutes', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_minutes_chair_id_user'), type_='foreignkey')
        batch_op.drop_constraint(batch_op.f('fk_minutes_note_taker_id_user'), type_='foreignkey')
        batch_op.drop_column('note_taker_id')
        batch_op.drop_column('chair_id')

    with op.batch_alter_table('agenda_item', schema=None) as batch_op:
        batch_op.drop_column('purpose')

    with op.batch_alter_table('secret_tally', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_secret_tally_vote_id'))

    op.drop_table('secret_tally')
    with op.batch_alter_table('ballot', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_ballot_vote_id'))
        batch_op.drop_index(batch_op.f('ix_ballot_user_id'))

    op.drop_table('ballot')
    with op.batch_alter_table('vote', schema=None) as batch_op:
        batch_op.drop_index('uq_vote_open_per_meeting', sqlite_where=sa.text("status = 'open'"), postgresql_where=sa.text("status = 'open'"))
        batch_op.drop_index(batch_op.f('ix_vote_meeting_id'))

    op.drop_table('vote')
    with op.batch_alter_table('minutes_signature', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_minutes_signature_minutes_id'))

    op.drop_table('minutes_signature')
    with op.batch_alter_table('minutes_opinion', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_minutes_opinion_minutes_id'))
        batch_op.drop_index(batch_op.f('ix_minutes_opinion_item_id'))

    op.drop_table('minutes_opinion')
    with op.batch_alter_table('task', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_task_owner_id'))
        batch_op.drop_index(batch_op.f('ix_task_meeting_id'))
        batch_op.drop_index(batch_op.f('ix_task_cell_id'))

    op.drop_table('task')
    op.drop_table('meeting_assessment')
