"""What the account page reads: the member's cell and what each card asks of the member
(`signals.Panel.ask`), in one statement. The cell is read fresh, not from the login's copy (a
worker's copy may be half a minute old, auth/sessioncache.py): a cell renamed, or a member moved
to another cell, on another server shows on the next visit."""

from functools import cache

from sqlalchemy import bindparam, select

from handbook.auth.models import User
from handbook.extensions import db
from handbook.orgs.models import Organization
from handbook.signals import Panel, account_panels, answered, asked_columns, ordered


@cache
def _statement(asked: tuple):
    cell = (select(Organization.name).join(User, User.cell_id == Organization.id)
            .where(User.id == bindparam("member_id")).scalar_subquery())
    return select(cell, *asked)


def account_page(user) -> tuple[str | None, list[Panel]]:
    """The name of `user`'s cell (None outside any) and the account page's cards."""
    panels = ordered(account_panels, user)
    cell, *values = db.session.execute(_statement(asked_columns(panels)), {"member_id": user.id}).one()
    return cell, answered(panels, values)
