"""Meeting pages: the list, one meeting, creating, editing details, publishing, cancelling, and
the member's notifications."""

from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from sqlalchemy import select
from wtforms.fields.choices import SelectChoice

from handbook.auth.permissions import in_cell_id, managed_cells, manages_cell_id, require
from handbook.domain import DomainError, show_on_form
from handbook.extensions import db
from handbook.integers import bounded_int
from handbook.library.access import cell_documents_clause
from handbook.library.models import Document
from handbook.meetings import agenda, bp
from handbook.meetings import messages as msg
from handbook.meetings.access import get_managed_meeting_or_404, get_visible_meeting_or_404, visible_meetings
from handbook.meetings.attendance.forms import RsvpForm
from handbook.meetings.attendance.service import checkin_open, mark_read, own_attendance, own_rsvp, rsvp_form_for
from handbook.meetings.editor import edit_page, render_edit
from handbook.meetings.forms import ConfirmForm, MeetingForm, NewMeetingForm, PublishForm
from handbook.meetings.minutes import book as minutes_book
from handbook.meetings.models import Meeting
from handbook.meetings.notify import mark_all_read, recent
from handbook.meetings.parts import shared_parts
from handbook.meetings.status import Action, Status, status_allows
from handbook.meetings.tasks import service as tasks
from handbook.meetings.votes import box as vote_box
from handbook.models_base import utcnow
from handbook.security import private_page
from handbook.timefmt import from_vn
from handbook.versioning import StaleVersion, guarded_write

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
                           **_record_context(meeting, is_member))


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


def _cell_for_new():
    cells = managed_cells(current_user)
    require(bool(cells))
    wanted = request.values.get("cell", type=bounded_int)
    return next((c for c in cells if c.id == wanted), cells[0])


def _document_choices(cell) -> list:
    docs = db.session.scalars(select(Document).where(cell_documents_clause(cell)).order_by(Document.number))
    choices = [SelectChoice("", msg.NO_DOCUMENT)]
    return choices + [SelectChoice(str(d.id), f"{d.number} — {d.title}"[:120]) for d in docs]


@bp.route("/meetings/new", methods=["GET", "POST"])
@login_required
def new():
    """Plan a meeting from the standard monthly agenda, the thematic one, or last month's."""
    cell = _cell_for_new()
    form = NewMeetingForm()
    form.document_id.choices = _document_choices(cell)
    if request.method == "GET" and not form.title.data:
        form.title.data = msg.DEFAULT_TITLE
    if form.validate_on_submit():
        if (form.document_id.data or "") not in {c.value for c in form.document_id.choices}:
            form.document_id.errors.append(msg.BAD_DOCUMENT)
        else:
            try:
                meeting = agenda.plan_meeting(
                    cell, kind=form.kind.data, title=form.title.data.strip(), starts_at=from_vn(form.starts_at.data),
                    duration_minutes=form.duration(), location=(form.location.data or "").strip(),
                    template=form.template.data, paper_author=(form.paper_author.data or "").strip(),
                    document_id=int(form.document_id.data) if form.document_id.data else None)
            except DomainError as error:
                show_on_form(form, error, "starts_at")
            else:
                db.session.commit()
                flash(msg.CREATED, "success")
                return redirect(url_for("meetings.edit", meeting_id=meeting.id))
    return render_template("meetings/new.html", form=form, cell=cell), 400 if form.errors else 200


@bp.route("/meetings/<int:meeting_id>/edit", methods=["GET", "POST"])
@login_required
def edit(meeting_id):
    """The agenda builder: details form, items edited in place with htmx, publish."""
    meeting = get_managed_meeting_or_404(meeting_id, Action.EDIT)
    form = MeetingForm()
    if request.method == "GET":
        return render_edit(meeting)
    if not form.validate_on_submit():
        return edit_page(meeting, form, 400)
    try:
        with guarded_write():
            agenda.check_seq(meeting, form.seq.data)
            agenda.update_details(meeting, kind=form.kind.data, title=form.title.data.strip(),
                                  starts_at=from_vn(form.starts_at.data), duration_minutes=form.duration(),
                                  location=(form.location.data or "").strip(),
                                  paper_author=(form.paper_author.data or "").strip(),
                                  confirmed=bool(form.confirm_time.data))
    except StaleVersion:
        # Typed on an older version, or another save landed first: the form keeps what was
        # typed, the page shows what is stored, and a second save, after review, is accepted.
        form.seq.data = meeting.edit_seq
        return edit_page(meeting, form, 409, stale=True)
    except DomainError as error:
        db.session.rollback()
        show_on_form(form, error, "starts_at")
        return edit_page(meeting, form, 400)
    db.session.commit()
    flash(msg.SAVED, "success")
    return redirect(url_for("meetings.edit", meeting_id=meeting.id))


@bp.post("/meetings/<int:meeting_id>/publish")
@login_required
def publish(meeting_id):
    """Publish the agenda; late or short meetings need the secretary's explicit confirmation."""
    meeting = get_managed_meeting_or_404(meeting_id, Action.PUBLISH)
    form = PublishForm()
    try:
        agenda.publish(meeting, confirmed=form.validate_on_submit() and bool(form.confirm.data))
    except DomainError as error:
        db.session.rollback()
        # Told at the confirmation box itself, which takes the focus (the page opens there).
        return render_edit(meeting, error.status, publish_error=error.message)
    db.session.commit()
    flash(msg.PUBLISHED, "success")
    return redirect(url_for("meetings.show", meeting_id=meeting.id))


@bp.post("/meetings/<int:meeting_id>/cancel")
@login_required
def cancel(meeting_id):
    """Cancel: the meeting stays on record, marked cancelled, and members are told."""
    meeting = get_managed_meeting_or_404(meeting_id, Action.CANCEL)
    if not (ConfirmForm().validate_on_submit() and request.form.get("confirm")):
        flash(msg.CANCEL_UNCONFIRMED, "error")
        return redirect(url_for("meetings.edit", meeting_id=meeting.id))
    agenda.cancel(meeting)
    db.session.commit()
    flash(msg.CANCELLED, "success")
    return redirect(url_for("meetings.show", meeting_id=meeting.id))


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
    return render_template("meetings/notifications.html", items=items, unread_ids=unread_ids, visible=visible)
