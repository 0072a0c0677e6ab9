"""The live line's answers (live.py): the member's banner and the secretary's count of phone
ballots, each 304 while nothing changed and 286 (stop asking) once there is nothing to follow."""

from flask import make_response, render_template, request
from flask_login import current_user, login_required

from handbook.auth.permissions import in_cell_id, require
from handbook.extensions import db
from handbook.meetings import bp
from handbook.meetings.access import get_managed_meeting_or_404, get_visible_meeting_or_404
from handbook.meetings.votes import live
from handbook.meetings.votes.models import Vote

# htmx stops polling an element whose request is answered with this status.
STOP_POLLING = 286


def _answer(template: str, context: dict, polling: bool, changed_event: str | None = None):
    """The fragment with its tag; 304 when the phone already shows that tag, 286 when the page
    should stop asking (its last state is still swapped in, without the polling)."""
    if polling and request.if_none_match.contains(context["etag"]):
        # The phone shows this state already: answered without rendering anything.
        response = make_response("", 304)
        response.set_etag(context["etag"])
        return response
    response = make_response(render_template(template, live=context))
    response.set_etag(context["etag"])
    if not polling:
        response.status_code = STOP_POLLING
        return response
    if response.status_code == 200 and changed_event and request.if_none_match:
        # What the page shows elsewhere (the vote box) asks again only when the state moved.
        response.headers["HX-Trigger"] = changed_event
    return response


@bp.get("/meetings/<int:meeting_id>/live")
@login_required
def live_banner(meeting_id):
    """The banner at the top of the meeting page and the home card: the vote open now, then
    its result."""
    meeting = get_visible_meeting_or_404(meeting_id)
    context = live.banner(meeting, current_user, in_cell_id(current_user, meeting.cell_id))
    return _answer("meetings/_live.html", context, context["polling"], "live-changed")


@bp.get("/meetings/<int:meeting_id>/votes/<int:vote_id>/tally")
@login_required
def vote_tally(meeting_id, vote_id):
    """The secretary's count of phone ballots of the vote running, kept current on the votes page."""
    meeting = get_managed_meeting_or_404(meeting_id)
    vote = db.session.get(Vote, vote_id)
    require(vote is not None and vote.meeting_id == meeting.id)
    context = live.tally(meeting, vote)
    return _answer("meetings/_tally.html", context, context["running"])
