"""security: one namespace of login identifiers, and the notice on a note whose article moved

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02 09:00:00

Existing accounts get their identifiers here. Where two accounts already share one (say a
card number typed as another member's phone), the first claim keeps it — login names
first, then card numbers, then phones, each in account order — and the others are listed
in the migration's log so an admin can correct them; the account still logs in with its
other names.
"""
import logging
import re

import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None

log = logging.getLogger("alembic.runtime.migration")


def _key(text):
    # The rule of handbook/auth/identifiers.py as of this revision, frozen here on purpose.
    value = (text or "").strip().lower()
    compact = re.sub(r"[\s().\-]", "", value)
    if re.fullmatch(r"\+?\d+", compact):
        digits = re.sub(r"[^\d+]", "", compact)
        return "0" + digits[3:] if digits.startswith("+84") else digits
    return value


def upgrade():
    table = op.create_table(
        "login_identifier",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("value", sa.String(length=64), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["user.id"], name=op.f("fk_login_identifier_user_id_user"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_login_identifier")),
        sa.UniqueConstraint("value", name=op.f("uq_login_identifier_value")),
    )
    with op.batch_alter_table("login_identifier", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_login_identifier_user_id"), ["user_id"], unique=False)
    with op.batch_alter_table("note", schema=None) as batch_op:
        batch_op.add_column(sa.Column("notice", sa.String(length=300), server_default="", nullable=False))

    users = op.get_bind().execute(sa.text('SELECT id, username, card_number, phone FROM "user" ORDER BY id')).all()
    owner: dict[str, int] = {}
    for column in (1, 2, 3):
        for row in users:
            key = _key(row[column])
            if not key:
                continue
            if key in owner and owner[key] != row[0]:
                log.warning("login identifier %r of account %s already belongs to account %s: not kept",
                            key, row[0], owner[key])
                continue
            owner.setdefault(key, row[0])
    rows = [{"value": key, "user_id": user_id} for key, user_id in owner.items()]
    for start in range(0, len(rows), 5000):
        op.bulk_insert(table, rows[start:start + 5000])


def downgrade():
    with op.batch_alter_table("note", schema=None) as batch_op:
        batch_op.drop_column("notice")
    with op.batch_alter_table("login_identifier", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_login_identifier_user_id"))
    op.drop_table("login_identifier")
