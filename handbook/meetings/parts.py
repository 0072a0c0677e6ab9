"""The parts of a meeting page that every reader sees alike, rendered once per version.

Forty members open the same agenda in the hour before their meeting; only the RSVP,
check-in and the leaders' buttons differ between them. The shared parts — title and
facts, the agenda, the final minutes and the list of changes — are cached under a key
made of what changes them: the meeting row's `updated_at` (every edit, publish, cancel,
check-in code and status change writes the row) and the minutes' revision and
`updated_at`. The cache's time limit bounds what the key cannot see: a cell renamed, or a
linked article's heading changed by a re-import of its document.
"""

from flask import current_app
from markupsafe import Markup
from sqlalchemy import select

from handbook.cache import Cache
from handbook.extensions import db
from handbook.meetings.minutes import signoff
from handbook.meetings.minutes.models import Minutes, MinutesStatus
from handbook.meetings.minutes.service import current_revision, get_minutes, revision_data, signed_revision
from handbook.meetings.models import AgendaChange, Meeting

NAMES = ("head", "agenda", "record")
_parts = Cache(size=2000, ttl_seconds=300)


def meeting_context(meeting: Meeting) -> dict:
    """What the shared parts show: published minutes as last signed by both (with those
    signatures, and a line when a later revision waits for them) and the changes."""
    minutes = get_minutes(meeting)
    shown = minutes if minutes is not None and minutes.is_published else None
    kept = signed_revision(shown) if shown is not None else None
    record = revision_data(kept) if kept is not None else None
    return {
        "meeting": meeting,
        "minutes": shown,
        "record": record,
        "revision": kept,
        "signed": signoff.lines(shown, kept.number, record) if kept is not None else {},
        "waiting": current_revision(shown) if shown is not None and shown.status == MinutesStatus.REVISING else None,
        "changes": list(db.session.scalars(select(AgendaChange).where(AgendaChange.meeting_id == meeting.id)
                                           .order_by(AgendaChange.version.desc()))),
    }


def _render(meeting: Meeting, preview: bool) -> dict[str, Markup]:
    # Straight from the Jinja environment, not render_template: these parts must not depend
    # on who is logged in (no current_user in their context), since every reader gets them.
    env = current_app.jinja_env
    context = {**meeting_context(meeting), "preview": preview}
    return {name: Markup(env.get_template(f"meetings/_show_{name}.html").render(context))  # noqa: S704
            for name in NAMES}


def shared_parts(meeting: Meeting, preview: bool = False) -> dict[str, Markup]:
    if preview:  # the secretary's draft changes between previews; never cached
        return _render(meeting, preview=True)
    minutes = db.session.execute(select(Minutes.revision, Minutes.status, Minutes.updated_at)
                                 .where(Minutes.meeting_id == meeting.id)).first()
    key = (meeting.id, meeting.created_at, meeting.updated_at, meeting.edit_seq, meeting.status,
           tuple(minutes) if minutes else None)
    return _parts.get_or_make(key, lambda: _render(meeting, preview=False))
