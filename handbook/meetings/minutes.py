"""Minutes (biên bản): an autosaved draft, then final and locked; later changes are revisions.

Every save names the version it was typed on; one typed on a version another save replaced
keeps both texts (handbook/versioning.py): the stored minutes stay, the incoming ones become a
MinutesConflict shown on the minutes page to merge."""

import json

from sqlalchemy import select

from handbook.audit import record
from handbook.extensions import db
from handbook.meetings import messages as msg
from handbook.meetings.models import Meeting, Minutes, MinutesConflict, MinutesRevision
from handbook.meetings.notify import actor_id, notify_members
from handbook.meetings.status import Action, move
from handbook.models_base import utcnow
from handbook.timefmt import vn_time
from handbook.versioning import both_texts

FIELDS = ("held_from", "held_to", "place", "chair", "note_taker", "conclusions", "resolution",
          "votes_for", "votes_against", "votes_abstain")
# Texts long enough to merge in their box; the short fields and the counts keep the stored
# value on a conflict, the sent one staying in the kept copy.
LONG_FIELDS = ("conclusions", "resolution")


def get_minutes(meeting: Meeting) -> Minutes | None:
    return db.session.scalar(select(Minutes).where(Minutes.meeting_id == meeting.id))


def get_or_start(meeting: Meeting) -> Minutes:
    minutes = get_minutes(meeting)
    if minutes is None:
        minutes = Minutes(meeting_id=meeting.id, held_from=vn_time(meeting.starts_at),
                          held_to=vn_time(meeting.ends_at), place=meeting.location, item_notes="{}")
        db.session.add(minutes)
        db.session.flush()
    return minutes


def notes_of(minutes: Minutes) -> dict[str, str]:
    try:
        notes = json.loads(minutes.item_notes or "{}")
    except ValueError:
        return {}
    return notes if isinstance(notes, dict) else {}


def _value(data: dict, name: str):
    return data[name] if data[name] is not None or name.startswith("votes") else ""


def apply(minutes: Minutes, data: dict, item_notes: dict[str, str]) -> None:
    for name in FIELDS:
        setattr(minutes, name, _value(data, name))
    minutes.item_notes = json.dumps(item_notes, ensure_ascii=False)


def _as_stored(minutes: Minutes, data: dict, item_notes: dict[str, str]) -> bool:
    return (all(getattr(minutes, name) == _value(data, name) for name in FIELDS)
            and notes_of(minutes) == item_notes)


def save(minutes: Minutes, data: dict, item_notes: dict[str, str], base_version: int) -> str:
    """Writes what the form sent on top of `base_version`: "saved", or "conflict" when another
    save had replaced that version, and the sent text is kept as a copy instead. The caller
    flushes inside versioning.guarded_write and commits."""
    if base_version != minutes.version:
        if _as_stored(minutes, data, item_notes):
            return "saved"  # the same text came twice (an autosave and a click): nothing to keep apart
        _keep_conflict(minutes, data, item_notes, base_version)
        return "conflict"
    apply(minutes, data, item_notes)
    minutes.version += 1
    return "saved"


def _keep_conflict(minutes: Minutes, data: dict, item_notes: dict[str, str], base_version: int) -> None:
    author = actor_id()
    copy = db.session.scalar(select(MinutesConflict).where(
        MinutesConflict.minutes_id == minutes.id, MinutesConflict.based_on == base_version,
        MinutesConflict.created_by_id == author))
    if copy is None:
        copy = MinutesConflict(minutes_id=minutes.id, based_on=base_version, created_by_id=author)
        db.session.add(copy)
    copy.snapshot = json.dumps({**{name: data[name] for name in FIELDS}, "item_notes": item_notes},
                               ensure_ascii=False)
    copy.updated_at = utcnow()


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
    data = {name: getattr(minutes, name) for name in FIELDS}
    data["item_notes"] = notes_of(minutes)
    return json.dumps(data, ensure_ascii=False)


def lock(minutes: Minutes) -> None:
    """'Hoàn thành': final, visible to members, the first revision kept as it stands; the meeting closes."""
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
    db.session.add(MinutesRevision(minutes_id=minutes.id, number=minutes.revision, reason=reason[:500],
                                   snapshot=snapshot(minutes), created_by_id=actor_id()))


def revision_data(revision: MinutesRevision) -> dict:
    return json.loads(revision.snapshot)
