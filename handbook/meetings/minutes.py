"""Minutes (biên bản): an autosaved draft, signed by the chair and the note-taker, then final
and locked; later changes are revisions with a reason.

Every save names the version it was typed on; one typed on a version another save replaced
keeps both texts (handbook/versioning.py): the stored minutes stay, the incoming ones become a
MinutesConflict shown on the minutes page to merge. Each kept revision holds the whole record
as signed (minutes_builder.record_of): attendance, opinions, votes, tasks and signatures."""

import json

from sqlalchemy import select

from handbook.audit import record
from handbook.auth.models import User
from handbook.domain import DomainError
from handbook.extensions import db
from handbook.meetings import messages as msg
from handbook.meetings.minutes_builder import notes_of, record_of
from handbook.meetings.models import Meeting, Minutes, MinutesConflict, MinutesRevision
from handbook.meetings.notify import actor_id, notify_members
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
PEOPLE = {"chair_id": "chair", "note_taker_id": "note_taker"}


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


def check_people(meeting: Meeting, data: dict) -> None:
    """Chair and note-taker are two active members of the cell (or not chosen yet)."""
    chosen = {name: data.get(name) for name in PEOPLE}
    for name, user_id in chosen.items():
        if user_id is None:
            continue
        user = db.session.get(User, user_id)
        if user is None or not user.active or user.cell_id != meeting.cell_id:
            raise DomainError(msg.NOT_CELL_MEMBER, field=name)
    if chosen["chair_id"] is not None and chosen["chair_id"] == chosen["note_taker_id"]:
        raise DomainError(msg.SAME_CHAIR_AND_NOTE_TAKER, field="note_taker_id")


def apply(minutes: Minutes, data: dict, item_notes: dict[str, str]) -> None:
    for name in FIELDS:
        setattr(minutes, name, _value(data, name))
    for id_name, name_field in PEOPLE.items():
        setattr(minutes, name_field, _name(getattr(minutes, id_name)))
    minutes.item_notes = json.dumps(item_notes, ensure_ascii=False)


def _as_stored(minutes: Minutes, data: dict, item_notes: dict[str, str]) -> bool:
    return (all(getattr(minutes, name) == _value(data, name) for name in FIELDS)
            and notes_of(minutes) == item_notes)


def save(minutes: Minutes, data: dict, item_notes: dict[str, str], base_version: int) -> str:
    """Writes what the form sent on top of `base_version`: "saved", or "conflict" when another
    save had replaced that version, and the sent text is kept as a copy instead. The caller
    flushes inside versioning.guarded_write and commits."""
    check_people(minutes.meeting, data)
    if base_version != minutes.version:
        if _as_stored(minutes, data, item_notes):
            return "saved"  # the same text came twice (an autosave and a click): nothing to keep apart
        _keep_conflict(minutes, data, item_notes, base_version)
        return "conflict"
    if not _as_stored(minutes, data, item_notes):
        apply(minutes, data, item_notes)
        minutes.version += 1  # a signature given on the old version no longer counts
    return "saved"


def _keep_conflict(minutes: Minutes, data: dict, item_notes: dict[str, str], base_version: int) -> None:
    author = actor_id()
    copy = db.session.scalar(select(MinutesConflict).where(
        MinutesConflict.minutes_id == minutes.id, MinutesConflict.based_on == base_version,
        MinutesConflict.created_by_id == author))
    if copy is None:
        copy = MinutesConflict(minutes_id=minutes.id, based_on=base_version, created_by_id=author)
        db.session.add(copy)
    people = {PEOPLE[name]: _name(data.get(name)) for name in PEOPLE}
    copy.snapshot = json.dumps({**{name: data[name] for name in FIELDS}, **people, "item_notes": item_notes},
                               ensure_ascii=False)
    copy.updated_at = utcnow()


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


def kept_copies(minutes: Minutes) -> list[tuple[MinutesConflict, dict]]:
    return [(copy, json.loads(copy.snapshot)) for copy in minutes.conflicts]


def snapshot(minutes: Minutes) -> str:
    return json.dumps(record_of(minutes.meeting, minutes), ensure_ascii=False)


def lock(minutes: Minutes) -> None:
    """Final: visible to members, the record kept as signed (revision 1); the meeting closes."""
    meeting = minutes.meeting
    move(meeting, Action.LOCK_MINUTES)
    minutes.status = "final"
    minutes.revision = 1
    minutes.locked_at = utcnow()
    _keep(minutes, msg.FIRST_REVISION)
    record("minutes.locked", org=meeting.cell, target=meeting, summary=meeting.title)
    notify_members(meeting, "minutes", msg.NOTIFY_MINUTES.format(title=meeting.title))


def revise(minutes: Minutes, reason: str) -> None:
    minutes.revision += 1
    _keep(minutes, reason)
    meeting = minutes.meeting
    record("minutes.revised", org=meeting.cell, target=meeting, summary=f"Lần sửa {minutes.revision}: {reason}")
    notify_members(meeting, "minutes", msg.NOTIFY_MINUTES_REVISED.format(title=meeting.title, reason=reason))


def _keep(minutes: Minutes, reason: str) -> None:
    db.session.flush()  # the signature just given is part of what is kept
    db.session.add(MinutesRevision(minutes_id=minutes.id, number=minutes.revision, reason=reason[:500],
                                   snapshot=snapshot(minutes), created_by_id=actor_id()))


def revision_data(revision: MinutesRevision) -> dict:
    return json.loads(revision.snapshot)


def final_record(minutes: Minutes) -> dict | None:
    """Final minutes as last kept (the signed record, or its latest revision)."""
    if not minutes.is_final or not minutes.revisions:
        return None
    return revision_data(minutes.revisions[-1])
