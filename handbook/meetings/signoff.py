"""Signing the minutes: the chair and the note-taker each confirm the version they read; the
second signature on the same version makes the minutes final (minutes.lock).

A save after a signature moves the minutes to a new version, so that signature stands on an
older text and is asked for again: nobody signs what they have not read.
"""

from datetime import datetime

from sqlalchemy import select, update

from handbook.audit import record
from handbook.domain import DomainError
from handbook.extensions import db
from handbook.meetings import messages as msg
from handbook.meetings.minutes import lock
from handbook.meetings.models import Minutes, MinutesSignature
from handbook.meetings.models_record import SIGN_ROLES
from handbook.meetings.notify import notify_users
from handbook.meetings.status import Action, check
from handbook.models_base import utcnow


def signatures(minutes: Minutes) -> dict[str, MinutesSignature]:
    return {s.role: s for s in db.session.scalars(
        select(MinutesSignature).where(MinutesSignature.minutes_id == minutes.id))}


def signer_ids(minutes: Minutes) -> dict[str, int | None]:
    return {"chair": minutes.chair_id, "note_taker": minutes.note_taker_id}


def roles_of(user, minutes: Minutes) -> list[str]:
    """The roles `user` signs these minutes in (none, one, or both if the draft names them twice)."""
    return [role for role, user_id in signer_ids(minutes).items() if user_id is not None and user_id == user.id]


def valid(signature: MinutesSignature | None, minutes: Minutes, role: str) -> bool:
    """Given by the member who holds the role now, on the version stored now."""
    return (signature is not None and signature.user_id == signer_ids(minutes)[role]
            and signature.version == minutes.version)


def state(minutes: Minutes) -> list[dict]:
    """Per role: who signs, whether they signed this version, an older one, or not yet."""
    given = signatures(minutes)
    rows = []
    for role, label in SIGN_ROLES.items():
        signature = given.get(role)
        rows.append({"role": role, "label": label, "valid": valid(signature, minutes, role),
                     "stale": signature is not None and not valid(signature, minutes, role),
                     "signed_at": signature.signed_at if signature else None})
    return rows


def sign(minutes: Minutes, user, version: int | None, confirmed_early: bool, now: datetime | None = None) -> bool:
    """`user` confirms the minutes at `version` (the one they read); True when this signature
    completed them, and they are now final."""
    meeting = minutes.meeting
    if minutes.is_final:
        raise DomainError(msg.ALREADY_FINAL)
    check(meeting, Action.SIGN_MINUTES)
    roles = roles_of(user, minutes)
    if not roles:
        raise DomainError(msg.NOT_SIGNER, status=403)
    if minutes.chair_id is None or minutes.note_taker_id is None:
        raise DomainError(msg.SIGNERS_MISSING)
    if version != minutes.version:
        raise DomainError(msg.SIGN_STALE, status=409)
    if meeting.starts_at > (now or utcnow()) and not confirmed_early:
        raise DomainError(msg.SIGN_EARLY, field="confirm")
    # The two signers may sign at the same moment: taking the minutes' row first makes the
    # second wait for the first, then see its signature and complete the minutes.
    db.session.execute(update(Minutes).where(Minutes.id == minutes.id).values(updated_at=utcnow())
                       .execution_options(synchronize_session=False))
    given = signatures(minutes)
    for role in roles:
        signature = given.get(role)
        if signature is None:
            signature = given[role] = MinutesSignature(minutes_id=minutes.id, role=role, user_id=user.id)
            db.session.add(signature)
        signature.user_id, signature.version, signature.signed_at = user.id, minutes.version, utcnow()
    labels = ", ".join(SIGN_ROLES[role] for role in roles)
    record("minutes.signed", org=meeting.cell, target=meeting, summary=f"{meeting.title}: {user.full_name} ({labels})")
    if all(valid(given.get(role), minutes, role) for role in SIGN_ROLES):
        lock(minutes)
        return True
    waiting = [(role, user_id) for role, user_id in signer_ids(minutes).items() if role not in roles]
    for role, user_id in waiting:
        notify_users(meeting, [user_id], "sign", msg.NOTIFY_SIGN.format(title=meeting.title, role=SIGN_ROLES[role]))
    return False
