"""Login identifiers: the normalised form of every login name, card number and phone, kept
in the `login_identifier` table whose unique index makes them one namespace.

Every account written through the ORM gets its rows here, before the flush, whatever code
changed it (admin forms, the command line, the demo); bulk inserts (the CSV import) call
`identifier_rows` themselves. A clash is then refused by the database even in a race.
"""

import re

from sqlalchemy import event, inspect, select
from sqlalchemy.orm import Session

from handbook.auth.models import LoginIdentifier, User
from handbook.extensions import db

_PHONE_SEPARATORS = re.compile(r"[\s().\-]")
_NUMBER = re.compile(r"\+?\d+")
IDENTIFYING = ("username", "card_number", "phone")


def normalise_phone(value: str) -> str:
    digits = re.sub(r"[^\d+]", "", value)
    if digits.startswith("+84"):
        digits = "0" + digits[3:]
    return digits


def identifier_key(text: str | None) -> str:
    """'0912 000 003', '+84912000003', '(0912)000003' → '0912000003'; names are lower-cased."""
    value = (text or "").strip().lower()
    compact = _PHONE_SEPARATORS.sub("", value)
    if _NUMBER.fullmatch(compact):
        return normalise_phone(compact)
    return value


def identifier_keys(username=None, card_number=None, phone=None) -> list[str]:
    """An account's identifiers, each once (a login name is often the card number)."""
    keys = (identifier_key(v) for v in (username, card_number, phone))
    return list(dict.fromkeys(k for k in keys if k))


def identifier_rows(users: list[dict]) -> list[dict]:
    """Rows for a bulk insert; each dict holds `id` and the identifying fields."""
    return [{"user_id": u["id"], "value": key}
            for u in users for key in identifier_keys(*(u.get(name) for name in IDENTIFYING))]


def account_by_identifier(text: str) -> User | None:
    key = identifier_key(text)
    if not key:
        return None
    return db.session.scalar(select(User).join(LoginIdentifier).where(LoginIdentifier.value == key))


def owner_of(text: str) -> int | None:
    """The id of the account that already logs in with `text`, if any."""
    key = identifier_key(text)
    if not key:
        return None
    return db.session.scalar(select(LoginIdentifier.user_id).where(LoginIdentifier.value == key))


@event.listens_for(Session, "before_flush")
def _keep_identifiers(session, flush_context, instances) -> None:
    users = [obj for obj in list(session.new) + list(session.dirty) if isinstance(obj, User)]
    if users:
        with session.no_autoflush:  # loading an account's rows must not start the flush again
            for user in users:
                _sync(user)


def _sync(user: User) -> None:
    """The account's rows become its current identifiers; a changed one is updated in place."""
    state = inspect(user)
    if not state.pending and not any(state.attrs[name].history.has_changes() for name in IDENTIFYING):
        return
    wanted = identifier_keys(user.username, user.card_number, user.phone)
    current = {row.value: row for row in user.identifiers}
    spare = [row for value, row in current.items() if value not in wanted]
    for value in wanted:
        if value in current:
            continue
        if spare:
            spare.pop().value = value  # an UPDATE in place: the row's id and owner stay
        else:
            user.identifiers.append(LoginIdentifier(value=value))
    for row in spare:
        user.identifiers.remove(row)
