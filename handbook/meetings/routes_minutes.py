"""Minutes: the secretary's autosaved draft, 'hoàn thành', revisions with a reason."""

from flask import flash, redirect, render_template, request, url_for
from flask_login import login_required

from handbook.auth.permissions import require
from handbook.extensions import db
from handbook.meetings import bp
from handbook.meetings import messages as msg
from handbook.meetings import minutes as service
from handbook.meetings.access import get_managed_meeting_or_404, get_visible_meeting_or_404
from handbook.meetings.attendance import roster
from handbook.meetings.forms import ConfirmForm, MinutesForm
from handbook.meetings.status import Action
from handbook.security import is_htmx
from handbook.versioning import StaleVersion, guarded_write


def _item_notes(meeting) -> dict[str, str]:
    return {str(item.id): request.form.get(f"item-{item.id}", "")[:20000] for item in meeting.items}


def _page(meeting, minutes, form, notes, status=200):
    return render_template("meetings/minutes.html", meeting=meeting, minutes=minutes, form=form, notes=notes,
                           rows=roster(meeting), confirm_form=ConfirmForm(), kept=service.kept_copies(minutes)), status


def _save(meeting, record, form, notes) -> str:
    """Saves on the version the form was typed on: "saved" or "conflict" (both texts kept)."""
    try:
        with guarded_write():
            return service.save(record, form.data, notes, form.version.data)
    except StaleVersion:
        # Another save on the same version landed first: ours is now on an older one.
        return service.save(service.get_minutes(meeting), form.data, notes, form.version.data)


def _conflict_page(meeting, form, notes):
    """The stored minutes with each text the two saves disagree on holding both, to merge."""
    record = service.get_minutes(meeting)
    fields, merged_notes = service.merged(record, form.data, notes)
    shown = MinutesForm(formdata=None, data={**fields, "version": record.version, "reason": form.reason.data})
    flash(msg.MINUTES_STALE, "error")
    return _page(meeting, record, shown, merged_notes, 409)


@bp.route("/meetings/<int:meeting_id>/minutes", methods=["GET", "POST"])
@login_required
def minutes(meeting_id):
    """Write the minutes; htmx autosaves the draft while typing."""
    meeting = get_managed_meeting_or_404(meeting_id, Action.WRITE_MINUTES)
    record = service.get_or_start(meeting)
    if request.method == "GET":
        db.session.commit()
        return _page(meeting, record, MinutesForm(formdata=None, obj=record), service.notes_of(record))
    form, notes = MinutesForm(), _item_notes(meeting)
    if record.is_final and not (form.reason.data or "").strip():
        # A final text changes only as a revision, with its reason.
        form.reason.errors = [msg.REVISION_REASON]
        return _page(meeting, record, form, notes, 400)
    if not form.validate_on_submit():
        if is_htmx() and not record.is_final:
            return render_template("meetings/_autosave.html", ok=False)
        return _page(meeting, record, form, notes, 400)
    saved = _save(meeting, record, form, notes)
    if saved == "conflict":
        db.session.commit()
        if is_htmx():
            return render_template("meetings/_autosave.html", ok=False, conflict=True)
        return _conflict_page(meeting, form, notes)
    if record.is_final:
        service.revise(record, form.reason.data.strip())
        db.session.commit()
        flash(msg.MINUTES_REVISED.format(revision=record.revision), "success")
        return redirect(url_for("meetings.minutes", meeting_id=meeting.id))
    db.session.commit()
    if is_htmx():
        return render_template("meetings/_autosave.html", ok=True, minutes=record)
    flash(msg.MINUTES_DRAFT_SAVED, "success")
    return redirect(url_for("meetings.minutes", meeting_id=meeting.id))


@bp.post("/meetings/<int:meeting_id>/minutes/lock")
@login_required
def lock_minutes(meeting_id):
    """'Hoàn thành': save what is on the form, lock it, publish it to members."""
    meeting = get_managed_meeting_or_404(meeting_id, Action.LOCK_MINUTES)
    record = service.get_minutes(meeting)
    require(record is not None and not record.is_final)
    form, notes = MinutesForm(), _item_notes(meeting)
    if not form.validate_on_submit():
        return _page(meeting, record, form, notes, 400)
    if _save(meeting, record, form, notes) == "conflict":
        db.session.commit()
        return _conflict_page(meeting, form, notes)
    service.lock(record)
    db.session.commit()
    flash(msg.MINUTES_PUBLISHED, "success")
    return redirect(url_for("meetings.show", meeting_id=meeting.id) + "#bien-ban")


@bp.get("/meetings/<int:meeting_id>/minutes/revisions")
@login_required
def minutes_revisions(meeting_id):
    """Every kept version of final minutes, newest first."""
    meeting = get_visible_meeting_or_404(meeting_id)
    record = service.get_minutes(meeting)
    require(record is not None and record.is_final)
    revisions = [(rev, service.revision_data(rev)) for rev in reversed(record.revisions)]
    return render_template("meetings/revisions.html", meeting=meeting, revisions=revisions)
