"""ballot: a secret vote's choices kept apart under a per-vote secret until closing, instead of
a running count beside "has voted" and a token in the member's cookie

Revision ID: 0015_ballot
Revises: 0014_cell_year_open
Create Date: 2026-12-02 10:00:00

"""
import json
import secrets

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0015_ballot'
down_revision = '0014_cell_year_open'
branch_labels = None
depends_on = None

vote = sa.table('vote', sa.column('id', sa.Integer), sa.column('secret', sa.Boolean), sa.column('status', sa.String),
                sa.column('choices', sa.Text))


def upgrade():
    secrets_table = op.create_table('vote_secret',
    sa.Column('vote_id', sa.Integer(), nullable=False),
    sa.Column('secret', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['vote_id'], ['vote.id'], name=op.f('fk_vote_secret_vote_id_vote'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('vote_id', name=op.f('pk_vote_secret'))
    )
    op.create_table('secret_choice',
    sa.Column('vote_id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('choice', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['vote_id'], ['vote.id'], name=op.f('fk_secret_choice_vote_id_vote'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('vote_id', 'key', name=op.f('pk_secret_choice'))
    )
    with op.batch_alter_table('ballot', schema=None) as batch_op:
        batch_op.drop_column('receipt')
    # A secret vote open during the upgrade goes on: its counts so far stay in secret_tally and
    # are added at closing; ballots from now on are kept apart under its new secret.
    conn = op.get_bind()
    for (vote_id,) in conn.execute(sa.select(vote.c.id).where(vote.c.secret == sa.true(), vote.c.status == 'open')):
        conn.execute(secrets_table.insert().values(vote_id=vote_id, secret=secrets.token_hex(32)))


def downgrade():
    # An open secret vote's choices so far become the running counts the old code keeps.
    conn = op.get_bind()
    tally = sa.table('secret_tally', sa.column('vote_id', sa.Integer), sa.column('choice', sa.Integer),
                     sa.column('count', sa.Integer))
    chosen = sa.table('secret_choice', sa.column('vote_id', sa.Integer), sa.column('choice', sa.Integer))
    for vote_id, choices in conn.execute(sa.select(vote.c.id, vote.c.choices).where(
            vote.c.secret == sa.true(), vote.c.status == 'open')):
        counts = dict(conn.execute(sa.select(chosen.c.choice, sa.func.count()).where(chosen.c.vote_id == vote_id)
                                   .group_by(chosen.c.choice)).all())
        kept = dict(conn.execute(sa.select(tally.c.choice, tally.c.count).where(tally.c.vote_id == vote_id)).all())
        conn.execute(tally.delete().where(tally.c.vote_id == vote_id))
        conn.execute(tally.insert(), [{"vote_id": vote_id, "choice": n, "count": counts.get(n, 0) + kept.get(n, 0)}
                                      for n in range(len(json.loads(choices)))])
    with op.batch_alter_table('ballot', schema=None) as batch_op:
        batch_op.add_column(sa.Column('receipt', sa.String(length=64), nullable=True))
    op.drop_table('secret_choice')
    op.drop_table('vote_secret')
