"""The parts of a meeting page that every reader sees alike, rendered once per version.

Forty members open the same agenda in the hour before their meeting; only the RSVP,
check-in and the leaders' buttons differ between them. The shared parts — title and
facts, the agenda, the final minutes and the list of changes — are cached under the same
versions the page's validator reads (validators.py: the meeting's content version and its
linked documents'), so the render cache and the ETag cannot disagree: no time limit, a change
is a new key at once.
"""

from flask import current_app
from markupsafe import Markup
from sqlalchemy import select

from handbook.cache import Cache
from handbook.extensions import db
from handbook.meetings.minutes import signoff
from handbook.meetings.minutes.models import MinutesStatus
from handbook.meetings.minutes.service import current_revision, get_minutes, revision_data, signed_revision
from handbook.meetings.models import AgendaChange, Meeting
from handbook.meetings.validators import content_key

NAMES = ("head", "agenda", "record")
_parts = Cache(size=2000, ttl_seconds=None)


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
    return _parts.get_or_make(content_key(meeting), lambda: _render(meeting, preview=False))
