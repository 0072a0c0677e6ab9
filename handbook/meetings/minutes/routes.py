"""Minutes: the builder (an autosaved draft prefilled from attendance, agenda and votes), the
chair's and note-taker's signatures that make it final, revisions with a reason that both sign
again, and the minutes book as a PDF."""

from flask import flash, make_response, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from handbook.auth.permissions import manages_cell_id, require
from handbook.domain import DomainError
from handbook.editing import answer, store
from handbook.extensions import db, limiter
from handbook.meetings import bp
from handbook.meetings import messages as msg
from handbook.meetings.access import get_minutes_meeting_or_404, get_visible_meeting_or_404
from handbook.meetings.minutes import book as minutes_book
from handbook.meetings.minutes import service, signoff
from handbook.meetings.minutes.forms import SignForm
from handbook.meetings.minutes.page import builder_page, conflicts_of, minutes_form
from handbook.meetings.status import Action
from handbook.security import is_htmx


def _item_notes(meeting) -> dict[str, str]:
    # Not cut here: one too long is refused with its length (size.py).
    return {str(item.id): request.form.get(f"item-{item.id}", "") for item in meeting.items}


def _sent(form, record) -> dict:
    """What the form sent; a chair or note-taker it did not send stays as stored (a member who
    only writes the minutes is not offered the choice)."""
    data = dict(form.data)
    for name in service.PEOPLE:
        if name not in request.form:
            data[name] = getattr(record, name)
    return data


def _save(meeting, record, form, notes) -> str:
    """Saves on the version the form was typed on: "saved" or "conflict" (both texts kept)."""
    leader = manages_cell_id(current_user, meeting.cell_id)
    # Another save on the same version landing first makes ours typed on an older one.
    return store.guarded(lambda row: service.save(row, _sent(form, row), notes, form.version.data, leader),
                         record, lambda: service.get_minutes(meeting))


def _autosaved(record, status: str, message: str = ""):
    """The shared editor's answer (handbook/editing): the status, and the kept texts to choose from."""
    extra = ""
    if status == "conflict":
        extra = render_template("_text_conflicts.html", editor="minutes", oob=True, label=service.MINUTES.label,
                                conflicts=conflicts_of(record), version=record.version)
    return answer.autosaved("minutes", status, version=record.version, kind=service.MINUTES,
                            saved_at=record.updated_at, message=message, extra=extra)


def _conflict_page(meeting, form, notes):
    """Without htmx: the stored minutes with each text the two saves disagree on holding both."""
    record = service.get_minutes(meeting)
    fields, merged_notes = service.merged(record, form.data, notes)
    shown = minutes_form(meeting, formdata=None, data={**fields, "version": record.version, "reason": form.reason.data})
    flash(msg.MINUTES_STALE, "error")
    return builder_page(meeting, record, shown, merged_notes, 409, typed=True)


@bp.route("/meetings/<int:meeting_id>/minutes", methods=["GET", "POST"])
@login_required
def minutes(meeting_id):
    """Write the minutes; htmx autosaves the draft while typing."""
    meeting = get_minutes_meeting_or_404(meeting_id, Action.WRITE_MINUTES)
    record = service.get_or_start(meeting)
    if request.method == "GET":
        db.session.commit()
        return builder_page(meeting, record, minutes_form(meeting, formdata=None, obj=record), service.notes_of(record))
    form, notes = minutes_form(meeting), _item_notes(meeting)
    if record.is_final and not (form.reason.data or "").strip():
        # A final text changes only as a new revision, with its reason.
        form.reason.errors = [msg.REVISION_REASON]
        return builder_page(meeting, record, form, notes, 400, typed=True)
    if not form.validate_on_submit():
        if is_htmx() and not record.is_final:
            return _autosaved(record, "error", msg.MINUTES_CHECK_FIELDS)
        return builder_page(meeting, record, form, notes, 400, typed=True)
    try:
        saved = _save(meeting, record, form, notes)
    except DomainError as error:
        db.session.rollback()
        if is_htmx() and not record.is_final:
            return _autosaved(service.get_minutes(meeting), "error", error.message)
        getattr(form, error.field or "chair_id").errors = [error.message]
        return builder_page(meeting, service.get_minutes(meeting), form, notes, 400, typed=True)
    if saved == "conflict":
        db.session.commit()
        if is_htmx():
            return _autosaved(service.get_minutes(meeting), "conflict")
        return _conflict_page(meeting, form, notes)
    if record.is_final:
        service.open_revision(record, form.reason.data.strip())
        db.session.commit()
        flash(msg.MINUTES_REVISED.format(revision=record.revision), "success")
        return redirect(url_for("meetings.minutes", meeting_id=meeting.id))
    db.session.commit()
    if is_htmx():
        return _autosaved(record, saved)
    flash(msg.MINUTES_DRAFT_SAVED, "success")
    return redirect(url_for("meetings.minutes", meeting_id=meeting.id))


@bp.post("/meetings/<int:meeting_id>/minutes/conflicts/<int:conflict_id>")
@login_required
def resolve_minutes(meeting_id, conflict_id):
    """Two saves kept different texts: keep the one sent later, the stored one, or both."""
    meeting = get_minutes_meeting_or_404(meeting_id, Action.WRITE_MINUTES)
    record = service.get_minutes(meeting)
    back = url_for("meetings.minutes", meeting_id=meeting.id)
    if record is None or record.is_final:
        # Final minutes change only as a new revision, with its reason and two signatures.
        flash(msg.MINUTES_FINAL_NO_CHOICE, "error")
        return redirect(back)
    return answer.resolve_view(service.MINUTES, record, conflict_id, back)


@bp.post("/meetings/<int:meeting_id>/minutes/sign")
@login_required
def sign_minutes(meeting_id):
    """The chair or the note-taker confirms the content they read; both: the minutes are final."""
    meeting = get_visible_meeting_or_404(meeting_id)
    record = service.get_minutes(meeting)
    if record is None:
        raise DomainError(msg.NOT_SIGNER, status=403)
    form = SignForm()
    if not form.validate_on_submit():
        raise DomainError(msg.SIGN_STALE, status=409)
    try:
        final = signoff.sign(record, current_user, form.version.data, form.digest.data, bool(form.confirm.data))
    except DomainError as error:
        db.session.rollback()
        if error.field != "confirm":
            raise  # the error page says why (not a signer, a newer version, already final)
        form.confirm.errors = [error.message]
        return builder_page(meeting, record, minutes_form(meeting, formdata=None, obj=record),
                            service.notes_of(record), 400, sign_form=form)
    db.session.commit()
    if final:
        flash(msg.MINUTES_SIGNED_FINAL, "success")
        return redirect(url_for("meetings.show", meeting_id=meeting.id) + "#bien-ban")
    flash(msg.SIGNED, "success")
    if form.back.data == "meeting":
        return redirect(url_for("meetings.show", meeting_id=meeting.id) + "#ky-bien-ban")
    return redirect(url_for("meetings.minutes", meeting_id=meeting.id) + "#ky-xac-nhan")


@bp.get("/meetings/<int:meeting_id>/minutes/revisions")
@login_required
def minutes_revisions(meeting_id):
    """Every revision of published minutes, newest first: who opened it, when, why, and the
    signatures it has."""
    meeting = get_visible_meeting_or_404(meeting_id)
    record = service.get_minutes(meeting)
    require(record is not None and record.is_published)
    return render_template("meetings/revisions.html", meeting=meeting, minutes=record,
                           revisions=signoff.history(meeting, record))


def _pdf_limit_key() -> str:
    return f"minutes-pdf:{current_user.get_id()}"


@bp.get("/meetings/<int:meeting_id>/minutes.pdf")
@login_required
@limiter.limit("10 per 10 minutes", key_func=_pdf_limit_key)  # each PDF costs a second or two of CPU
def minutes_pdf(meeting_id):
    """The final minutes as the minutes book has them, an A4 PDF."""
    meeting = get_visible_meeting_or_404(meeting_id)
    context = minutes_book.book_context(meeting)
    require(context is not None)
    response = make_response(minutes_book.render_pdf(context))
    response.headers["Content-Type"] = "application/pdf"
    response.headers["Content-Disposition"] = f'attachment; filename="bien-ban-{meeting.id}.pdf"'
    return response
