"""Meeting pages: the list, one meeting (and its preview and print), and the member's
notifications. Planning and publishing a meeting's agenda: agenda/routes.py."""

from flask import render_template, request
from flask_login import current_user, login_required

from handbook.auth.permissions import in_cell_id, managed_cells, manages_cell_id
from handbook.conditional import conditional
from handbook.extensions import db
from handbook.meetings import bp
from handbook.meetings.access import get_managed_meeting_or_404, get_visible_meeting_or_404, visible_meetings
from handbook.meetings.attendance.forms import RsvpForm
from handbook.meetings.attendance.service import checkin_open, mark_read, own_attendance, own_rsvp, rsvp_form_for
from handbook.meetings.minutes import book as minutes_book
from handbook.meetings.minutes import signoff
from handbook.meetings.minutes.service import get_minutes
from handbook.meetings.models import Meeting
from handbook.meetings.notify import ANCHORS, mark_all_read, recent
from handbook.meetings.parts import shared_parts
from handbook.meetings.status import Action, Status, status_allows
from handbook.meetings.tasks import service as tasks
from handbook.meetings.validators import meeting_page
from handbook.meetings.votes import box as vote_box
from handbook.meetings.votes import live
from handbook.models_base import utcnow
from handbook.security import private_page

LIST_LIMIT = 60


@bp.app_template_global("meeting_allows")
def meeting_allows(meeting, action: str) -> bool:
    """Pages offer an action only where the status table allows it."""
    return status_allows(meeting, Action(action))


@bp.get("/meetings")
@login_required
def index():
    """The member's cell: upcoming and past meetings."""
    now = utcnow()
    base = visible_meetings(current_user)
    upcoming = db.session.scalars(base.where(Meeting.starts_at >= now).order_by(Meeting.starts_at).limit(LIST_LIMIT))
    past = db.session.scalars(base.where(Meeting.starts_at < now).order_by(Meeting.starts_at.desc()).limit(LIST_LIMIT))
    return render_template("meetings/index.html", upcoming=list(upcoming), past=list(past),
                           cells=managed_cells(current_user))


@bp.get("/meetings/<int:meeting_id>")
@login_required
@conditional(meeting_page)  # 304 while the meeting's content version and the member are unchanged
def show(meeting_id):
    """The agenda, the member's RSVP, and the minutes once final."""
    meeting = get_visible_meeting_or_404(meeting_id)
    # The phone keeping its pack (X-Offline-Prefetch) is not the member reading.
    if not request.headers.get("X-Offline-Prefetch") and mark_read(meeting, current_user):
        db.session.commit()
    rsvp = own_rsvp(meeting, current_user)
    if (rsvp is not None and not rsvp.attending) or meeting.status in (Status.HELD, Status.CLOSED):
        private_page()  # the member's absence reason; once held, attendance and the minutes' reasons
    is_member = in_cell_id(current_user, meeting.cell_id)
    can_manage = manages_cell_id(current_user, meeting.cell_id)
    # The member's own part (answer, check-in, note) comes first on the page, before the agenda.
    return render_template("meetings/show.html", meeting=meeting, parts=shared_parts(meeting), rsvp=rsvp,
                           rsvp_form=rsvp_form_for(rsvp), is_member=is_member, can_manage=can_manage,
                           checkin_open=checkin_open(meeting),
                           own_mark=own_attendance(meeting, current_user) if is_member else None,
                           live=live.banner(meeting, current_user, is_member) if is_member else None,
                           signer=_signer(meeting) if is_member else None,
                           **_record_context(meeting, is_member))


def _signer(meeting) -> dict | None:
    """The chair's or note-taker's part: "Ký biên bản" while their signature is due, then when
    they signed (the notification asking for it links there)."""
    if meeting.status == Status.DRAFT or not status_allows(meeting, Action.SIGN_MINUTES):
        return None
    return signoff.own_part(meeting, get_minutes(meeting), current_user)


def _record_context(meeting, is_member: bool) -> dict:
    """The vote box (members, while votes happen) and last month's tasks under the review item."""
    context = {"vote_box": None, "review": []}
    if meeting.status == Status.DRAFT:
        return context
    if is_member and status_allows(meeting, Action.CAST_VOTE):
        box = vote_box.box_context(meeting)
        if box["live"] or box["vote"] or box["results"]:
            context["vote_box"] = box
    if tasks.reviews_tasks(meeting):
        context.update(review=tasks.review_tasks(meeting), today=tasks.today(),
                       can_update=lambda task: tasks.can_update(current_user, task))
    return context


@bp.get("/meetings/<int:meeting_id>/preview")
@login_required
def preview(meeting_id):
    """The agenda exactly as a member will see it, without the secretary's tools."""
    meeting = get_managed_meeting_or_404(meeting_id)
    return render_template("meetings/show.html", preview=True, meeting=meeting,
                           parts=shared_parts(meeting, preview=True), rsvp=None, rsvp_form=RsvpForm(),
                           is_member=True, can_manage=False, checkin_open=False)


@bp.get("/meetings/<int:meeting_id>/print")
@login_required
def print_view(meeting_id):
    """A clean A4 page: the final minutes as the minutes book has them, else the agenda."""
    meeting = get_visible_meeting_or_404(meeting_id)
    book = minutes_book.book_context(meeting)
    if book is not None:
        return render_template("meetings/print_minutes.html", **book)
    return render_template("meetings/print.html", meeting=meeting, minutes=None)


@bp.get("/notifications")
@login_required
def notifications():
    """The member's notifications, newest first; opening the list marks them read."""
    items = recent(current_user)
    unread_ids = {n.id for n in items if n.read_at is None}
    mark_all_read(current_user)
    db.session.commit()
    meeting_ids = {n.meeting_id for n in items if n.meeting_id}
    visible = set(db.session.scalars(visible_meetings(current_user).where(Meeting.id.in_(meeting_ids))
                                     .with_only_columns(Meeting.id))) if meeting_ids else set()
    return render_template("meetings/notifications.html", items=items, unread_ids=unread_ids, visible=visible,
                           anchors=ANCHORS)
