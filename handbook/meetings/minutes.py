"""Minutes (biên bản): an autosaved draft, then final and locked; later changes are revisions."""

import json

from sqlalchemy import select

from handbook.audit import record
from handbook.extensions import db
from handbook.meetings.models import Meeting, Minutes, MinutesRevision
from handbook.meetings.notify import actor_id, notify_members
from handbook.meetings.status import Action, move
from handbook.models_base import utcnow
from handbook.timefmt import vn_time

FIELDS = ("held_from", "held_to", "place", "chair", "note_taker", "conclusions", "resolution",
          "votes_for", "votes_against", "votes_abstain")


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


def apply(minutes: Minutes, data: dict, item_notes: dict[str, str]) -> None:
    for name in FIELDS:
        setattr(minutes, name, data[name] if data[name] is not None or name.startswith("votes") else "")
    minutes.item_notes = json.dumps(item_notes, ensure_ascii=False)


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
    _keep(minutes, "Bản hoàn thành")
    record("minutes.locked", org=meeting.cell, target=meeting, summary=meeting.title)
    notify_members(meeting, "minutes", f"Biên bản buổi họp “{meeting.title}” đã được công bố.")


def revise(minutes: Minutes, reason: str) -> None:
    minutes.revision += 1
    _keep(minutes, reason)
    meeting = minutes.meeting
    record("minutes.revised", org=meeting.cell, target=meeting, summary=f"Lần sửa {minutes.revision}: {reason}")
    notify_members(meeting, "minutes", f"Biên bản buổi họp “{meeting.title}” được sửa: {reason}")


def _keep(minutes: Minutes, reason: str) -> None:
    db.session.add(MinutesRevision(minutes_id=minutes.id, number=minutes.revision, reason=reason[:500],
                                   snapshot=snapshot(minutes), created_by_id=actor_id()))


def revision_data(revision: MinutesRevision) -> dict:
    return json.loads(revision.snapshot)
