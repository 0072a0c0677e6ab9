"""meet3: a member's new name moves the version of the meetings whose final minutes they signed
(the meeting page's signature lines name the signers as they are called now), beside those of
the tasks they own (0028), so a meeting page cached before the rename is drawn again

Revision ID: 0030_meet3
Revises: 0029_document_indexes
Create Date: 2026-12-07 05:00:00

"""
from alembic import op

# revision identifiers, used by Alembic.
revision = '0030_meet3'
down_revision = '0029_document_indexes'
branch_labels = None
depends_on = None

# 0028's trigger on "user".full_name, given a second bump. The names the meeting page shows of
# other rows: its cell (0028), the review item's task owners (0028) and the signers of its final
# minutes (here). The chair, note-taker, attendees, speakers and the owners in the minutes' text
# are the signed record's own words (a JSON snapshot), which a later rename must not rewrite.
# Only a changed name fires it, and each bump finds its meetings through an index (task.owner_id;
# minutes_signature.user_id, added here; minutes.id; meeting.id), so a member's profile saved
# without a new name costs nothing more, and a rename touches only the meetings involved.
_NAME = "cv_user_name_meeting"
_BUMP = "UPDATE meeting SET content_version = content_version + 1 WHERE id IN "
_TASKS = _BUMP + "(SELECT meeting_id FROM task WHERE owner_id = NEW.id)"
_SIGNED = _BUMP + ("(SELECT minutes.meeting_id FROM minutes_signature JOIN minutes "
                   "ON minutes.id = minutes_signature.minutes_id WHERE minutes_signature.user_id = NEW.id)")
_WHEN = "WHEN NEW.full_name IS NOT OLD.full_name"


def _sqlite(bumps: list[str]) -> list[str]:
    return [f"DROP TRIGGER IF EXISTS {_NAME}",
            f'CREATE TRIGGER {_NAME} AFTER UPDATE OF full_name ON "user" {_WHEN} BEGIN '
            + "".join(f"{bump}; " for bump in bumps) + "END"]


def _postgres(bumps: list[str]) -> list[str]:
    # The trigger (0028's, with its WHEN) stays; its function is replaced.
    body = "BEGIN " + "".join(f"{bump}; " for bump in bumps) + "RETURN NULL; END"
    return [f"CREATE OR REPLACE FUNCTION {_NAME}() RETURNS trigger LANGUAGE plpgsql AS $$ {body} $$"]


def _triggers(bumps: list[str]) -> None:
    postgres = op.get_bind().dialect.name == "postgresql"
    for statement in (_postgres if postgres else _sqlite)(bumps):
        op.execute(statement)


def upgrade():
    op.create_index("ix_minutes_signature_user_id", "minutes_signature", ["user_id"])
    _triggers([_TASKS, _SIGNED])


def downgrade():
    _triggers([_TASKS])
    op.drop_index("ix_minutes_signature_user_id", table_name="minutes_signature")
