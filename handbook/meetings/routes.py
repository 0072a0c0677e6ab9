"""Meeting pages: the list, one meeting (and its preview and print), and the member's
notifications. Planning and publishing a meeting's agenda: agenda/routes.py."""

from flask import render_template
from flask_login import current_user, login_required

from handbook.auth.permissions import in_cell_id, managed_cells, manages_cell_id
from handbook.conditional import conditional, member
from handbook.extensions import commit_keeping_what_was_read, db
from handbook.meetings import bp
from handbook.meetings.access import (
    get_managed_meeting_or_404,
    get_visible_meeting_or_404,
    get_visible_meeting_with_own_or_404,
    visible_meetings,
)
from handbook.meetings.attendance.forms import RsvpForm
from handbook.meetings.attendance.service import checkin_open, mark_read, rsvp_form_for
from handbook.meetings.minutes import book as minutes_book
from handbook.meetings.minutes import signoff
from handbook.meetings.minutes.service import get_minutes
from handbook.meetings.models import Meeting
from handbook.meetings.notify import ANCHORS, mark_all_read, recent
from handbook.meetings.page_record import record_facts, review_rows
from handbook.meetings.parts import shared_parts
from handbook.meetings.status import Action, Status, status_allows
from handbook.meetings.validators import meeting_page, page_row
from handbook.meetings.votes import box as vote_box
from handbook.meetings.votes import live
from handbook.meetings.votes.service import votes_of
from handbook.models_base import utcnow
from handbook.security import is_prefetch, private_page

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


def _opened(meeting_id: int) -> None:
    """The member's first opening of the agenda is recorded (its read receipt, which moves no
    version), whether the page is drawn or the member's copy is confirmed (304): the copy may
    be the one the phone's worker fetched for its pack, which is not the member reading."""
    row = page_row(meeting_id)  # the validator's row: status, cell
    if row is not None and not is_prefetch() and mark_read(row, member()):
        commit_keeping_what_was_read()  # the receipt changes nothing the page has read


@bp.get("/meetings/<int:meeting_id>")
@conditional(meeting_page, visit=_opened)  # 304 while the meeting's content version and the member are unchanged
@login_required  # inside: a revisit answered 304 needs only the session checked (conditional.member)
def show(meeting_id):
    """The agenda, the member's RSVP, and the minutes once final."""
    _opened(meeting_id)
    meeting, rsvp, own_mark = get_visible_meeting_with_own_or_404(meeting_id)
    if (rsvp is not None and not rsvp.attending) or meeting.status in (Status.HELD, Status.CLOSED):
        private_page()  # the member's absence reason; once held, attendance and the minutes' reasons
    is_member = in_cell_id(current_user, meeting.cell_id)
    can_manage = manages_cell_id(current_user, meeting.cell_id)
    record = record_facts(meeting)
    # One read of the votes for the banner and the box, and none while the meeting has none.
    all_votes = votes_of(meeting) if record.has_votes else []
    # The member's own part (answer, check-in, note) comes first on the page, before the agenda.
    return render_template("meetings/show.html", meeting=meeting, parts=shared_parts(meeting), rsvp=rsvp,
                           rsvp_form=rsvp_form_for(rsvp), is_member=is_member, can_manage=can_manage,
                           checkin_open=checkin_open(meeting),
                           own_mark=own_mark if is_member else None,
                           live=live.banner(meeting, current_user, is_member, all_votes) if is_member else None,
                           signer=_signer(meeting, record) if is_member else None,
                           **_record_context(meeting, is_member, all_votes))


def _signer(meeting, record) -> dict | None:
    """The chair's or note-taker's part: "Ký biên bản" while their signature is due, then when
    they signed (the notification asking for it links there). Only the minutes' chair and
    note-taker have one: nobody else's visit reads the minutes."""
    if (meeting.status == Status.DRAFT or current_user.id not in record.signer_ids
            or not status_allows(meeting, Action.SIGN_MINUTES)):
        return None
    return signoff.own_part(meeting, get_minutes(meeting), current_user)


def _record_context(meeting, is_member: bool, all_votes: list) -> dict:
    """The vote box (members, while votes happen) and last month's tasks under the review item."""
    context = {"vote_box": None, "review_rows": None}
    if meeting.status == Status.DRAFT:
        return context
    if is_member and status_allows(meeting, Action.CAST_VOTE):
        box = vote_box.box_context(meeting, all_votes=all_votes)
        if box["live"] or box["vote"] or box["results"]:
            context["vote_box"] = box
    context["review_rows"] = review_rows(meeting, current_user)
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
