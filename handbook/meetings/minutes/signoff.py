"""Signing the minutes: the chair and the note-taker each confirm the revision they read, bound
to the sha256 of its whole content (digest.py); the second signature on the same content
makes the minutes final (service.lock).

Any later change to what the minutes say (a text, an opinion, a task, a vote closed, the chair
replaced) changes the content's hash, so a signature given before it no longer counts and is
asked for again: nobody signs what they have not read, and no signature is shown as valid
beside a content it was not given for.
"""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update

from handbook.audit import record
from handbook.domain import DomainError
from handbook.extensions import db
from handbook.meetings import messages as msg
from handbook.meetings.minutes.builder import record_of
from handbook.meetings.minutes.digest import digest
from handbook.meetings.minutes.models import SIGN_ROLES, Minutes, MinutesSignature
from handbook.meetings.minutes.service import lock, revision_data
from handbook.meetings.models import NotificationKind
from handbook.meetings.notify import notify_users
from handbook.meetings.status import Action, check
from handbook.models_base import utcnow


@dataclass(frozen=True)
class SignatureLine:
    """One signature as a page shows it: who gave it, for which revision, and whether it stands
    beside the content on that page."""

    role: str
    label: str
    name: str  # the signer's name, from their account: never the name the content prints
    revision: int
    signed_at: datetime
    valid: bool


def signatures(minutes: Minutes, revision: int) -> dict[str, MinutesSignature]:
    return {s.role: s for s in db.session.scalars(select(MinutesSignature).where(
        MinutesSignature.minutes_id == minutes.id, MinutesSignature.revision == revision))}


def signer_ids(minutes: Minutes) -> dict[str, int | None]:
    return {"chair": minutes.chair_id, "note_taker": minutes.note_taker_id}


def roles_of(user, minutes: Minutes) -> list[str]:
    """The roles `user` signs these minutes in (none, one, or both if the draft names them twice)."""
    return [role for role, user_id in signer_ids(minutes).items() if user_id is not None and user_id == user.id]


def holds(signature: MinutesSignature | None, content: dict, content_hash: str, role: str) -> bool:
    """Given for exactly this content, by the member the content names in that role (contents
    kept before the ids were part of them name nobody by id: the hash alone decides)."""
    if signature is None or signature.content_hash is None or signature.content_hash != content_hash:
        return False
    expected = content.get(f"{role}_id")
    return expected is None or expected == signature.user_id


def lines(minutes: Minutes, revision: int, content: dict) -> dict[str, SignatureLine | None]:
    """Per role, the signature given for `revision`, checked against `content` (that revision's
    kept content, or the live one while it is written)."""
    content_hash = digest(content)
    given = signatures(minutes, revision)
    found: dict[str, SignatureLine | None] = {}
    for role, label in SIGN_ROLES.items():
        signature = given.get(role)
        found[role] = None if signature is None else SignatureLine(
            role, label, signature.user.full_name, revision, signature.signed_at,
            holds(signature, content, content_hash, role))
    return found


def earlier(minutes: Minutes) -> dict[str, SignatureLine]:
    """Per role, the signature of the last revision both signed before this one (while a new
    revision waits): "đã ký bản N trước đó"."""
    kept = next((rev for rev in reversed(minutes.revisions) if rev.is_signed and rev.number < minutes.revision), None)
    if kept is None:
        return {}
    return {role: line for role, line in lines(minutes, kept.number, revision_data(kept)).items() if line}


def state(minutes: Minutes, content: dict) -> list[dict]:
    """Per role, for the builder: who signs now, their signature of this content, a signature of
    an older content of this revision, and one of an earlier revision."""
    now = lines(minutes, minutes.revision, content)
    before = earlier(minutes)
    names = {"chair": minutes.chair, "note_taker": minutes.note_taker}
    return [{"role": role, "label": label, "name": names[role], "line": now[role], "earlier": before.get(role)}
            for role, label in SIGN_ROLES.items()]


def sign(minutes: Minutes, user, version: int | None, content_hash: str | None, confirmed_early: bool,
         now: datetime | None = None) -> bool:
    """`user` confirms the minutes at `version`, whose content they read hashed to `content_hash`
    (the page they signed on carries both); True when this signature completed them, and they
    are now final."""
    meeting = minutes.meeting
    # The two signers may sign at the same moment: taking the minutes' row first makes the
    # second wait for the first, then see its signature and complete the minutes. Everything
    # compared below is read after it, so nothing saved meanwhile slips past.
    db.session.execute(update(Minutes).where(Minutes.id == minutes.id).values(updated_at=utcnow())
                       .execution_options(synchronize_session=False))
    db.session.refresh(minutes)
    if minutes.is_final:
        raise DomainError(msg.ALREADY_FINAL)
    check(meeting, Action.SIGN_MINUTES)
    roles = roles_of(user, minutes)
    if not roles:
        raise DomainError(msg.NOT_SIGNER, status=403)
    if minutes.chair_id is None or minutes.note_taker_id is None:
        raise DomainError(msg.SIGNERS_MISSING)
    content = record_of(meeting, minutes)
    current = digest(content)
    if version != minutes.version or content_hash != current:
        raise DomainError(msg.SIGN_STALE, status=409)
    if meeting.starts_at > (now or utcnow()) and not confirmed_early:
        raise DomainError(msg.SIGN_EARLY, field="confirm")
    given = signatures(minutes, minutes.revision)
    for role in roles:
        signature = given.get(role)
        if signature is None:
            signature = given[role] = MinutesSignature(minutes_id=minutes.id, revision=minutes.revision, role=role)
            db.session.add(signature)
        signature.user_id, signature.version, signature.signed_at = user.id, minutes.version, utcnow()
        signature.content_hash = current
    labels = ", ".join(SIGN_ROLES[role] for role in roles)
    record("minutes.signed", org=meeting.cell, target=meeting,
           summary=f"{meeting.title}: {user.full_name} ({labels}), lần {minutes.revision}")
    if all(holds(given.get(role), content, current, role) for role in SIGN_ROLES):
        lock(minutes, content, current)
        return True
    waiting = [(role, user_id) for role, user_id in signer_ids(minutes).items() if role not in roles]
    for role, user_id in waiting:
        notify_users(meeting, [user_id], NotificationKind.SIGN,
                     msg.NOTIFY_SIGN.format(title=meeting.title, role=SIGN_ROLES[role]))
    return False


def history(meeting, minutes: Minutes) -> list[dict]:
    """Every revision, newest first: its kept row (who opened it, when, why), its content once
    both signed it (None while it waits: members read the signed ones only), and its signatures,
    each checked against that revision's content (the live one while it waits)."""
    rows = []
    for kept in reversed(minutes.revisions):
        data = revision_data(kept) if kept.is_signed else None
        waiting = not kept.is_signed and kept.number == minutes.revision
        content = data if data is not None else (record_of(meeting, minutes) if waiting else {})
        rows.append({"revision": kept, "data": data, "waiting": waiting,
                     "lines": [line for line in lines(minutes, kept.number, content).values() if line]})
    return rows


def own_part(meeting, minutes: Minutes | None, user, now: datetime | None = None) -> dict | None:
    """The signer's part of the meeting page (chair or note-taker of these minutes): the roles
    whose signature is due, with the version and the hash of the stored content the button
    confirms; or, once they signed this revision, when. None for everyone else."""
    roles = roles_of(user, minutes) if minutes is not None else []
    if not roles:
        return None
    if minutes.is_final:
        given = signatures(minutes, minutes.revision)
        times = [given[role].signed_at for role in roles if role in given]
        return {"roles": roles, "due": [], "signed_at": max(times) if times else None}
    content = record_of(meeting, minutes)
    current = lines(minutes, minutes.revision, content)
    due = [role for role in roles if not (current[role] and current[role].valid)]
    done = [current[role].signed_at for role in roles if role not in due]
    return {"roles": roles, "due": due, "signed_at": max(done) if done and not due else None,
            "labels": ", ".join(SIGN_ROLES[role] for role in due).lower(), "version": minutes.version,
            "digest": digest(content), "revision": minutes.revision,
            "missing": minutes.chair_id is None or minutes.note_taker_id is None,
            "early": meeting.starts_at > (now or utcnow())}
