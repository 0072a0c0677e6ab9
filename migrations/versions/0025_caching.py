"""caching: one content version per meeting, document, note and member, kept by triggers in the
same transaction as any change to what their pages show (handbook/content_version.py)

Revision ID: 0025_caching
Revises: 0024_editor
Create Date: 2026-12-06 22:50:00

"""
import sqlalchemy as sa
from alembic import op

from handbook.content_version import Link, create_statements, drop_statements

# revision identifiers, used by Alembic.
revision = '0025_caching'
down_revision = '0024_editor'
branch_labels = None
depends_on = None

PARENTS = ["meeting", "document", "note", "user"]
_MINUTES = "(SELECT meeting_id FROM minutes WHERE id = {row}.minutes_id)"
_VOTE = "(SELECT meeting_id FROM vote WHERE id = {row}.vote_id)"
# Frozen here as they were when this revision was written; a later revision adds its own.
LINKS = [
    # The meeting page: its agenda, answers, check-in, changes, minutes, votes, tasks. Not the read
    # receipts: only the secretary's overview shows them, and a member's first look writes one.
    *(Link(table, "meeting", "{row}.meeting_id") for table in (
        "agenda_item", "agenda_change", "rsvp", "attendance", "minutes", "vote", "task", "meeting_assessment")),
    Link("agenda_link", "meeting", "(SELECT meeting_id FROM agenda_item WHERE id = {row}.item_id)"),
    *(Link(table, "meeting", _MINUTES) for table in ("minutes_revision", "minutes_opinion", "minutes_signature")),
    *(Link(table, "meeting", _VOTE) for table in ("ballot", "secret_tally", "secret_choice")),
    # The reader: the document's text and who must study it.
    Link("section", "document", "{row}.document_id"),
    Link("study_assignment", "document", "{row}.document_id"),
    # The note page: the note and the texts kept beside it.
    Link("note_revision", "note", "{row}.note_id"),
    # A second phone's text kept beside the note (handbook/editing) shows on its page too.
    Link("text_conflict", "note", "CASE WHEN {row}.kind = 'note' THEN {row}.row_id END"),
    # What every page shows of the member: the bell, and their marks in the reader.
    *(Link(table, "user", "{row}.user_id") for table in (
        "notification", "bookmark", "reading_position", "study_mark", "offline_mark")),
    Link("note", "user", "CASE WHEN {row}.section_id IS NOT NULL THEN {row}.owner_id END"),
]


def upgrade():
    for table in PARENTS:
        op.add_column(table, sa.Column('content_version', sa.Integer(), nullable=False, server_default='1'))
    for statement in create_statements(op.get_bind().dialect.name, PARENTS, LINKS):
        op.execute(statement)


def downgrade():
    for statement in drop_statements(op.get_bind().dialect.name, PARENTS, LINKS):
        op.execute(statement)
    # Plain ALTER TABLE … DROP COLUMN (SQLite 3.35+ has it): a batch copy would drop tables that
    # other tables refer to, which SQLite refuses once rows refer to them.
    for table in PARENTS:
        op.drop_column(table, 'content_version')
