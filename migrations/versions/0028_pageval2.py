"""pageval2: names a meeting page shows of other rows move the meeting's content version — its
cell's name (today's, or a past one borne on the meeting's day) and its tasks' owners' names —
so its ETag and cached parts change when they do, by any writer (handbook/content_version.py)

Revision ID: 0028_pageval2
Revises: 0027_search
Create Date: 2026-12-07 02:40:00

"""
from alembic import op

# revision identifiers, used by Alembic.
revision = '0028_pageval2'
down_revision = '0027_search'
branch_labels = None
depends_on = None

# Not content_version.Link: a link bumps one parent row per child row, and these bump every
# meeting of a cell (a rename is rare; a cell holds a few dozen meetings a year) or of a member's
# tasks. The bump writes the version itself, so the meeting's own trigger does not bump again.
_BUMP = "UPDATE meeting SET content_version = content_version + 1 WHERE "
_CELL = _BUMP + "cell_id = {row}.id"
_NAMES = _BUMP + "cell_id = {row}.org_id"
# The task's meeting: the review item of the cell's later meetings sums their versions.
_OWNER = _BUMP + "id IN (SELECT meeting_id FROM task WHERE owner_id = {row}.id)"

# (name, table, columns an UPDATE must touch or None for every change, bump per row)
_TRIGGERS = [
    ("cv_org_name_meeting", "organization", "name", _CELL),
    ("cv_org_past_name_meeting", "organization_name", None, _NAMES),
    ("cv_user_name_meeting", "user", "full_name", _OWNER),
]


def _sqlite(name, table, column, bump):
    if column is not None:
        when = f"WHEN NEW.{column} IS NOT OLD.{column}"
        return [f'CREATE TRIGGER {name} AFTER UPDATE OF {column} ON "{table}" {when} '
                f'BEGIN {bump.format(row="NEW")}; END']
    return [
        f'CREATE TRIGGER {name}_ins AFTER INSERT ON "{table}" BEGIN {bump.format(row="NEW")}; END',
        f'CREATE TRIGGER {name}_upd AFTER UPDATE ON "{table}" '
        f'BEGIN {bump.format(row="OLD")}; {bump.format(row="NEW")}; END',
        f'CREATE TRIGGER {name}_del AFTER DELETE ON "{table}" BEGIN {bump.format(row="OLD")}; END',
    ]


def _postgres(name, table, column, bump):
    if column is not None:
        body = f"BEGIN {bump.format(row='NEW')}; RETURN NULL; END"
        event = f"UPDATE OF {column}"
        when = f" WHEN (OLD.{column} IS DISTINCT FROM NEW.{column})"
    else:
        body = (f"BEGIN IF TG_OP <> 'INSERT' THEN {bump.format(row='OLD')}; END IF; "
                f"IF TG_OP <> 'DELETE' THEN {bump.format(row='NEW')}; END IF; RETURN NULL; END")
        event, when = "INSERT OR UPDATE OR DELETE", ""
    return [f"CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ {body} $$",
            f'CREATE TRIGGER {name} AFTER {event} ON "{table}" FOR EACH ROW{when} EXECUTE FUNCTION {name}()']


def upgrade():
    postgres = op.get_bind().dialect.name == "postgresql"
    for trigger in _TRIGGERS:
        for statement in (_postgres if postgres else _sqlite)(*trigger):
            op.execute(statement)


def downgrade():
    postgres = op.get_bind().dialect.name == "postgresql"
    for name, _table, column, _bump in _TRIGGERS:
        if postgres:
            op.execute(f"DROP FUNCTION IF EXISTS {name}() CASCADE")
        else:
            for suffix in ([""] if column is not None else ["_ins", "_upd", "_del"]):
                op.execute(f"DROP TRIGGER IF EXISTS {name}{suffix}")
