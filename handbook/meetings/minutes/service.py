"""Minutes (biên bản): an autosaved draft, signed by the chair and the note-taker, then final;
a change to final minutes opens a new revision, with its reason, which both sign again.

Every save names the version it was typed on; one typed on a version another save replaced
keeps both texts (handbook/versioning.py): the stored minutes stay, the incoming ones are kept in
the shared conflict store (handbook/editing), shown on the minutes page for the writer's
choice. Each revision both signed is kept whole (builder.record_of: attendance, opinions,
votes, tasks) beside the sha256 its two signatures carry
(digest.py); members, the print and the PDF read the last of them."""

import json

from sqlalchemy import select

from handbook.audit import record
from handbook.auth.models import User
from handbook.domain import DomainError
from handbook.editing import store
from handbook.editing.kinds import TextKind, register
from handbook.extensions import db
from handbook.meetings import messages as msg
from handbook.meetings.minutes.builder import notes_of
from handbook.meetings.minutes.models import Minutes, MinutesRevision, MinutesSignature, MinutesStatus
from handbook.meetings.minutes.size import check_texts, check_total, total_size
from handbook.meetings.models import Meeting, NotificationKind
from handbook.meetings.notify import actor_id, notify_members, notify_users
from handbook.meetings.status import Action, move
from handbook.models_base import utcnow
from handbook.timefmt import vn_time
from handbook.versioning import both_texts

__all__ = ["notes_of"]  # also read from here by the meeting page's parts

# What the form sends: the texts, and the chair and note-taker chosen from the cell's members.
FIELDS = ("held_from", "held_to", "place", "conclusions", "resolution", "chair_id", "note_taker_id")
# Texts long enough to merge in their box; the short fields keep the stored value on a
# conflict, the sent one staying in the kept copy.
LONG_FIELDS = ("conclusions", "resolution")
# The signers' ids and their printed names; the name field is also the role they sign in.
PEOPLE = {"chair_id": "chair", "note_taker_id": "note_taker"}


# The texts typed in the builder, kept apart on a conflict: the short ones and the long ones,
# and each agenda item's notes as "item-<id>".
TEXTS = ("held_from", "held_to", "place", *LONG_FIELDS)


def _texts(minutes: Minutes, data: dict | None = None, item_notes: dict[str, str] | None = None) -> dict[str, str]:
    data = data if data is not None else {name: getattr(minutes, name) for name in TEXTS}
    notes = item_notes if item_notes is not None else notes_of(minutes)
    return {**{name: data.get(name) or "" for name in TEXTS}, **{f"item-{key}": text for key, text in notes.items()}}


def _write_texts(minutes: Minutes, texts: dict[str, str]) -> None:
    notes = notes_of(minutes)
    for name, text in texts.items():
        if name.startswith("item-"):
            notes[name[5:]] = text
        elif name in TEXTS:
            setattr(minutes, name, text)
    minutes.item_notes = json.dumps(notes, ensure_ascii=False)


def _labels(minutes: Minutes) -> dict[str, str]:
    labels = {"held_from": "Bắt đầu lúc", "held_to": "Kết thúc lúc", "place": "Địa điểm", "conclusions": "Kết luận",
              "resolution": "Nghị quyết"}
    return {**labels, **{f"item-{item.id}": item.title for item in minutes.meeting.items}}


# The minutes' place in the shared editor (handbook/editing).
MINUTES = register(TextKind(name="minutes", label="biên bản", texts=_texts, write=_write_texts, labels=_labels))


def get_minutes(meeting: Meeting) -> Minutes | None:
    return db.session.scalar(select(Minutes).where(Minutes.meeting_id == meeting.id))


def get_or_start(meeting: Meeting) -> Minutes:
    """The minutes, started from what the app knows: the meeting's time and place."""
    minutes = get_minutes(meeting)
    if minutes is None:
        minutes = Minutes(meeting_id=meeting.id, held_from=vn_time(meeting.starts_at),
                          held_to=vn_time(meeting.ends_at), place=meeting.location, item_notes="{}")
        db.session.add(minutes)
        db.session.flush()
    return minutes


def _value(data: dict, name: str):
    if name in PEOPLE:
        return data.get(name)
    return data[name] if data[name] is not None else ""


def check_people(minutes: Minutes, data: dict, may_choose: bool) -> None:
    """Chair and note-taker are two active members of the cell (or not chosen yet), chosen by the
    cell's leaders only: their two signatures make the minutes final, so whoever picks the
    signers decides who vouches for the record (the note-taker writes, but does not pick)."""
    if not may_choose and any(data.get(name) != getattr(minutes, name) for name in PEOPLE):
        raise DomainError(msg.SIGNERS_LEADERS_ONLY, field="chair_id", status=403)
    meeting = minutes.meeting
    chosen = {name: data.get(name) for name in PEOPLE}
    for name, user_id in chosen.items():
        if user_id is None:
            continue
        user = db.session.get(User, user_id)
        if user is None or not user.active or user.cell_id != meeting.cell_id:
            raise DomainError(msg.NOT_CELL_MEMBER, field=name)
    if chosen["chair_id"] is not None and chosen["chair_id"] == chosen["note_taker_id"]:
        raise DomainError(msg.SAME_CHAIR_AND_NOTE_TAKER, field="note_taker_id")


def check_size(minutes: Minutes, data: dict, item_notes: dict[str, str]) -> None:
    """Each text and the whole within their caps (size.py). Minutes already over the
    whole's cap (kept before it) may still be saved shorter."""
    check_texts(data, item_notes, {str(item.id): item.title for item in minutes.meeting.items})
    size = total_size(minutes, texts=data, notes=item_notes)
    if size > total_size(minutes):
        check_total(size, field="conclusions")


def apply(minutes: Minutes, data: dict, item_notes: dict[str, str]) -> None:
    if not minutes.is_final:
        _drop_signatures_of_replaced(minutes, data)
    for name in FIELDS:
        setattr(minutes, name, _value(data, name))
    for id_name, name_field in PEOPLE.items():
        setattr(minutes, name_field, _name(getattr(minutes, id_name)))
    minutes.item_notes = json.dumps(item_notes, ensure_ascii=False)


def _as_stored(minutes: Minutes, data: dict, item_notes: dict[str, str]) -> bool:
    return (all(getattr(minutes, name) == _value(data, name) for name in FIELDS)
            and notes_of(minutes) == item_notes)


def _drop_signatures_of_replaced(minutes: Minutes, data: dict) -> None:
    """A signer replaced in the revision being signed takes their signature with them: it was
    theirs, and must not stand beside the name of the member who takes the role."""
    for id_name, role in PEOPLE.items():
        if data.get(id_name) != getattr(minutes, id_name):
            for signature in db.session.scalars(select(MinutesSignature).where(
                    MinutesSignature.minutes_id == minutes.id, MinutesSignature.revision == minutes.revision,
                    MinutesSignature.role == role)):
                db.session.delete(signature)


def save(minutes: Minutes, data: dict, item_notes: dict[str, str], base_version: int,
         may_choose_signers: bool = False) -> str:
    """Writes what the form sent on top of `base_version`: "saved", or "conflict" when another
    save had replaced that version, and the sent text is kept as a copy instead. Only the cell's
    leaders may change the chair and the note-taker. The caller flushes inside
    versioning.guarded_write and commits."""
    check_people(minutes, data, may_choose_signers)
    check_size(minutes, data, item_notes)
    if base_version != minutes.version:
        if _as_stored(minutes, data, item_notes):
            return "saved"  # the same text came twice (an autosave and a click): nothing to keep apart
        store.keep_conflict(MINUTES, minutes, _texts(minutes, data, item_notes), base_version, actor_id())
        return "conflict"
    if not _as_stored(minutes, data, item_notes):
        apply(minutes, data, item_notes)
        minutes.version += 1  # a page loaded on the old version can no longer sign
    return "saved"


def _name(user_id) -> str:
    user = db.session.get(User, user_id) if user_id else None
    return user.full_name if user else ""


def merged(minutes: Minutes, data: dict, item_notes: dict[str, str]) -> tuple[dict, dict[str, str]]:
    """What the form shows after a conflict: each long text that differs holds both versions,
    the stored one first; everything else as stored."""
    fields = {name: getattr(minutes, name) for name in FIELDS}
    for name in LONG_FIELDS:
        if (data[name] or "") != (fields[name] or ""):
            fields[name] = both_texts(fields[name] or "", data[name] or "")
    stored = notes_of(minutes)
    notes = dict(stored)
    for key, text in item_notes.items():
        if text != stored.get(key, ""):
            notes[key] = both_texts(stored.get(key, ""), text) if stored.get(key) else text
    return fields, notes


def kept_copies(minutes: Minutes) -> list:
    """The texts kept from saves on older versions, waiting for the writer's choice."""
    return [(conflict, store.differing(MINUTES, minutes, conflict)) for conflict in store.pending(MINUTES, minutes)]


def open_revision(minutes: Minutes, reason: str) -> None:
    """Final minutes changed: a new revision, no longer final, which the chair and the
    note-taker sign again. Members keep reading the last revision both signed meanwhile."""
    minutes.revision += 1
    minutes.status = MinutesStatus.REVISING
    minutes.revisions.append(MinutesRevision(number=minutes.revision, reason=reason[:500], created_by_id=actor_id()))
    meeting = minutes.meeting
    record("minutes.revised", org=meeting.cell, target=meeting, summary=f"Lần sửa {minutes.revision}: {reason}")
    signers = [user_id for user_id in (minutes.chair_id, minutes.note_taker_id) if user_id]
    notify_users(meeting, signers, NotificationKind.SIGN,
                 msg.NOTIFY_SIGN_AGAIN.format(title=meeting.title, reason=reason))


def lock(minutes: Minutes, content: dict, content_hash: str) -> None:
    """Both signed `content` (the current revision's, whose sha256 is `content_hash`): the
    minutes are final, the revision is kept as signed, and the meeting closes."""
    meeting = minutes.meeting
    move(meeting, Action.LOCK_MINUTES)
    first = minutes.status == MinutesStatus.DRAFT
    minutes.status = MinutesStatus.FINAL
    minutes.locked_at = utcnow()
    kept = current_revision(minutes)
    if kept is None:
        kept = MinutesRevision(number=minutes.revision, reason=msg.FIRST_REVISION, created_by_id=actor_id())
        minutes.revisions.append(kept)
    kept.snapshot = json.dumps(content, ensure_ascii=False)
    kept.content_hash, kept.final_at = content_hash, minutes.locked_at
    record("minutes.locked", org=meeting.cell, target=meeting, summary=f"{meeting.title} (lần {minutes.revision})")
    note = (msg.NOTIFY_MINUTES.format(title=meeting.title) if first else
            msg.NOTIFY_MINUTES_REVISED.format(title=meeting.title, revision=minutes.revision, reason=kept.reason))
    notify_members(meeting, NotificationKind.MINUTES, note)


def current_revision(minutes: Minutes) -> MinutesRevision | None:
    """The kept row of the revision being written or last signed (none for a first draft)."""
    return next((rev for rev in minutes.revisions if rev.number == minutes.revision), None)


def signed_revision(minutes: Minutes) -> MinutesRevision | None:
    """The last revision both signed: what members, the print and the PDF show."""
    return next((rev for rev in reversed(minutes.revisions) if rev.is_signed), None)


def revision_data(revision: MinutesRevision) -> dict | None:
    return json.loads(revision.snapshot) if revision.snapshot else None


def final_record(minutes: Minutes) -> dict | None:
    """Published minutes as last signed (their last revision both signed)."""
    if not minutes.is_published:
        return None
    revision = signed_revision(minutes)
    return revision_data(revision) if revision is not None else None
