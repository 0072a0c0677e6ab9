"""Planning a meeting: a new one from a ready-made agenda, its details, publishing the agenda to
the cell's members, cancelling. (The items are edited in routes_items.py.)"""

from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from sqlalchemy import select
from wtforms.fields.choices import SelectChoice

from handbook.actions import act
from handbook.auth.permissions import managed_cells, require
from handbook.domain import DomainError, show_on_form
from handbook.extensions import db
from handbook.integers import bounded_int
from handbook.library.access import cell_documents_clause
from handbook.library.models import Document
from handbook.meetings import bp
from handbook.meetings import messages as msg
from handbook.meetings.access import get_managed_meeting_or_404
from handbook.meetings.agenda import service as agenda
from handbook.meetings.agenda.editor import edit_page, render_edit
from handbook.meetings.agenda.forms import MeetingForm, NewMeetingForm, PublishForm
from handbook.meetings.forms import ConfirmForm
from handbook.meetings.status import Action
from handbook.timefmt import from_vn
from handbook.versioning import StaleVersion, guarded_write


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
        elif answer := act(
                lambda: agenda.plan_meeting(
                    cell, kind=form.kind.data, title=form.title.data.strip(), starts_at=from_vn(form.starts_at.data),
                    duration_minutes=form.duration(), location=(form.location.data or "").strip(),
                    template=form.template.data, paper_author=(form.paper_author.data or "").strip(),
                    document_id=int(form.document_id.data) if form.document_id.data else None),
                form=form, field="starts_at", ok=msg.CREATED,
                done=lambda meeting: redirect(url_for("meetings.edit", meeting_id=meeting.id))):
            return answer
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
    confirmed = form.validate_on_submit() and bool(form.confirm.data)
    # A refusal is told at the confirmation box itself, which takes the focus (the page opens there).
    return act(lambda: agenda.publish(meeting, confirmed=confirmed), ok=msg.PUBLISHED,
               done=url_for("meetings.show", meeting_id=meeting.id), tell=False,
               refused=lambda error: render_edit(meeting, error.status, publish_error=error.message))


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
