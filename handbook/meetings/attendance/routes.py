"""What members do (RSVP, check in) and what the secretary sees of them (overview, attendance)."""

from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from handbook.auth.permissions import require
from handbook.domain import DomainError
from handbook.extensions import db, limiter
from handbook.meetings import bp
from handbook.meetings import messages as msg
from handbook.meetings.access import get_managed_meeting_or_404, get_visible_meeting_or_404
from handbook.meetings.attendance.forms import CheckinForm, RsvpForm
from handbook.meetings.attendance.service import (
    answer_rsvp,
    check_in,
    checkin_open,
    open_checkin,
    own_rsvp,
    roster,
    rsvp_form_for,
    save_attendance,
)
from handbook.meetings.forms import ConfirmForm
from handbook.meetings.models import ATTENDANCE_LABELS
from handbook.meetings.status import Action, allows, check
from handbook.security import is_htmx
from handbook.timefmt import vn_date


def _member_meeting(meeting_id):
    """Members of the cell act on its published meetings; everyone else who may see it gets 404."""
    meeting = get_visible_meeting_or_404(meeting_id)
    require(current_user.cell_id == meeting.cell_id)
    return meeting


@bp.post("/meetings/<int:meeting_id>/rsvp")
@login_required
def rsvp(meeting_id):
    """Tham dự, or Vắng with a reason."""
    meeting = _member_meeting(meeting_id)
    form = RsvpForm()
    status = 400
    try:
        check(meeting, Action.RSVP)  # a closed meeting says so before the form's own messages
        if form.validate_on_submit():
            saved = answer_rsvp(meeting, current_user, form.answer.data == "yes", form.reason.data or "")
            db.session.commit()
            if not is_htmx():
                flash(msg.RSVP_SAVED, "success")
                return redirect(url_for("meetings.show", meeting_id=meeting.id))
            # A fresh form: switching to Tham dự leaves no old reason in the box.
            return render_template("meetings/_rsvp.html", meeting=meeting, rsvp=saved,
                                   rsvp_form=rsvp_form_for(saved), saved=True)
    except DomainError as error:
        form.answer.errors = [error.message]
    if is_htmx():
        status = 200  # htmx swaps only successful answers; the form shows its own errors
    return render_template("meetings/_rsvp.html" if is_htmx() else "meetings/rsvp.html",
                           meeting=meeting, rsvp=own_rsvp(meeting, current_user), rsvp_form=form), status


def _checkin_limit_key():
    return f"checkin:{current_user.get_id()}:{request.view_args.get('meeting_id')}"


def _checkin_failed(response):
    return response.status_code == 400


@bp.post("/meetings/<int:meeting_id>/checkin")
@login_required
@limiter.limit("5 per 15 minutes", key_func=_checkin_limit_key, deduct_when=_checkin_failed)
def checkin(meeting_id):
    """A member types the short code shown at the meeting."""
    meeting = _member_meeting(meeting_id)
    form = CheckinForm()
    if form.validate_on_submit():
        try:
            check_in(meeting, current_user, form.code.data)
        except DomainError as error:
            form.code.errors = [error.message]
        else:
            db.session.commit()
            flash(msg.CHECKED_IN, "success")
            return redirect(url_for("meetings.show", meeting_id=meeting.id))
    return render_template("meetings/checkin.html", meeting=meeting, form=form), 400


@bp.post("/meetings/<int:meeting_id>/checkin/open")
@login_required
def open_checkin_view(meeting_id):
    """Show a fresh code members type to check themselves in, valid during the meeting."""
    meeting = get_managed_meeting_or_404(meeting_id, Action.OPEN_CHECKIN)
    if ConfirmForm().validate_on_submit():
        open_checkin(meeting)
        db.session.commit()
        if not checkin_open(meeting):
            flash(msg.CODE_OUTSIDE_WINDOW, "warning")
    return redirect(url_for("meetings.attendance", meeting_id=meeting.id))


@bp.route("/meetings/<int:meeting_id>/attendance", methods=["GET", "POST"])
@login_required
def attendance(meeting_id):
    """The attendance list, pre-filled from RSVPs and check-ins."""
    meeting = get_managed_meeting_or_404(meeting_id, Action.TAKE_ATTENDANCE)
    rows = roster(meeting)
    form = ConfirmForm()
    errors, refused = {}, None
    if request.method == "POST" and form.validate_on_submit():
        marks = {}
        for row in rows:
            uid = row["user"].id
            status = request.form.get(f"status-{uid}", "")
            reason = request.form.get(f"reason-{uid}", "").strip()[:500]
            row["status"], row["reason"] = status if status in ATTENDANCE_LABELS else row["status"], reason
            if status not in ATTENDANCE_LABELS:
                continue  # not marked: stays as it was (unknown, unless marked before)
            if status == "excused" and not reason:
                errors[uid] = msg.ABSENCE_REASON
            marks[uid] = (status, reason)
        if not errors:
            unknown = sum(1 for row in rows if not row["status"])
            try:
                save_attendance(meeting, marks, unknown)
            except DomainError as error:  # before the meeting's day: nothing saved, the marks stay on screen
                db.session.rollback()
                refused = error.message
            else:
                db.session.commit()
                flash(msg.ATTENDANCE_UNKNOWN.format(n=unknown) if unknown else msg.ATTENDANCE_SAVED,
                      "warning" if unknown else "success")
                return redirect(url_for("meetings.attendance", meeting_id=meeting.id))
    waits = None if allows(meeting, Action.TAKE_ATTENDANCE) else msg.ATTENDANCE_WAITS.format(
        day=vn_date(meeting.starts_at))
    return render_template("meetings/attendance.html", meeting=meeting, rows=rows, form=form, errors=errors,
                           labels=ATTENDANCE_LABELS, checkin_open=checkin_open(meeting), refused=refused,
                           waits=waits), 400 if errors or refused else 200


@bp.get("/meetings/<int:meeting_id>/overview")
@login_required
def overview(meeting_id):
    """Who has read the agenda, who answered, who checked in."""
    meeting = get_managed_meeting_or_404(meeting_id)
    rows = roster(meeting)
    counts = {
        "members": len(rows),
        "read": sum(1 for r in rows if r["read"]),
        "attending": sum(1 for r in rows if r["rsvp"] and r["rsvp"].attending),
        "absent": sum(1 for r in rows if r["rsvp"] and not r["rsvp"].attending),
        "checked_in": sum(1 for r in rows if r["attendance"] and r["attendance"].checked_in_by_self),
    }
    return render_template("meetings/overview.html", meeting=meeting, rows=rows, counts=counts)
