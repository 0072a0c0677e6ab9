"""The meeting's quality: the guidance's criteria, members absent three times in a row (named
to the secretary only), and the cell's self-assessment."""

from flask import flash, redirect, render_template, url_for
from flask_login import login_required

from handbook.domain import DomainError, show_on_form
from handbook.extensions import db
from handbook.meetings import bp
from handbook.meetings import messages as msg
from handbook.meetings.access import get_managed_meeting_or_404
from handbook.meetings.quality import service as quality
from handbook.meetings.quality.forms import AssessForm
from handbook.meetings.status import Action


@bp.route("/meetings/<int:meeting_id>/quality", methods=["GET", "POST"])
@login_required
def quality_page(meeting_id):
    """After the meeting: each criterion met or not, with the figures; the self-assessment."""
    meeting = get_managed_meeting_or_404(meeting_id, Action.ASSESS)
    found = quality.assessment_of(meeting)
    form = AssessForm(obj=found)
    status = 200
    if form.is_submitted():
        if form.validate():
            try:
                quality.assess(meeting, form.rating.data, form.reasons.data or "")
            except DomainError as error:
                db.session.rollback()
                show_on_form(form, error, "rating")
            else:
                db.session.commit()
                flash(msg.Q_ASSESSED, "success")
                return redirect(url_for("meetings.quality_page", meeting_id=meeting.id))
        status = 400
    return render_template("meetings/quality.html", meeting=meeting, checks=quality.checks(meeting),
                           absent=quality.absent_in_a_row(meeting), form=form, assessment=found), status
