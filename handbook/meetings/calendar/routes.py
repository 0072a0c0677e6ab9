"""Calendar files: one meeting as iCalendar, and a member's subscription feed behind its secret."""

from flask import Response, abort, flash, redirect, request, url_for
from flask_login import current_user, login_required

from handbook.extensions import db, limiter
from handbook.meetings import bp
from handbook.meetings import messages as msg
from handbook.meetings.access import get_visible_meeting_or_404, visible_meetings
from handbook.meetings.calendar.ical import calendar_bytes, regenerate, user_by_token
from handbook.meetings.forms import ConfirmForm
from handbook.meetings.models import Meeting
from handbook.meetings.status import Status

FEED_LIMIT = 200


def _ics(body: bytes, filename: str) -> Response:
    return Response(body, mimetype="text/calendar", headers={
        "Content-Disposition": f'inline; filename="{filename}"', "Cache-Control": "private, max-age=300"})


@bp.get("/meetings/<int:meeting_id>.ics")
@login_required
def meeting_ics(meeting_id):
    """One meeting as iCalendar."""
    meeting = get_visible_meeting_or_404(meeting_id)
    return _ics(calendar_bytes([meeting], meeting.title), f"hop-{meeting.id}.ics")


def _token_key() -> str:
    # Per feed, not per address: one calendar service fetches the feeds of many members.
    return "calendar:" + request.view_args.get("token", "")[:100]


@bp.get("/calendar/<token>.ics")
@limiter.limit("120 per hour", key_func=_token_key)
def feed(token):
    """A member's subscription feed; the secret token stands in for a login."""
    user = user_by_token(token[:100])
    if user is None:
        abort(404)
    meetings = db.session.scalars(visible_meetings(user).where(Meeting.status != Status.DRAFT)
                                  .order_by(Meeting.starts_at.desc()).limit(FEED_LIMIT))
    return _ics(calendar_bytes(list(meetings), msg.FEED_NAME), "lich-sinh-hoat.ics")


@bp.post("/calendar/token")
@login_required
def regenerate_token():
    """Make the feed address, or 'tạo lại': a new one, and the old one stops working."""
    if ConfirmForm().validate_on_submit():
        regenerate(current_user)
        db.session.commit()
        flash(msg.FEED_RENEWED, "success")
    return redirect(url_for("auth.account"))
