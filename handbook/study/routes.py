"""What a member sees: their programmes, one programme with its articles and sessions, the thu
hoạch editor (autosaved, then submitted to the cell), and a submitted thu hoạch for its readers."""

from flask import flash, redirect, render_template, url_for
from flask_login import current_user, login_required

from handbook.auth.permissions import require
from handbook.domain import DomainError
from handbook.editing import store
from handbook.editing.answer import resolve_view
from handbook.extensions import db
from handbook.library.access import can_view_document
from handbook.library.study import marks_among
from handbook.meetings.access import can_see_meeting
from handbook.study import bp, harvest, programmes
from handbook.study import messages as msg
from handbook.study.access import (
    can_set,
    get_audience_programme_or_404,
    get_readable_harvest_or_404,
    get_visible_programme_or_404,
    in_audience,
    overseen_roots,
    session_cells,
)
from handbook.study.editor import edit_harvest
from handbook.study.forms import ActionForm
from handbook.study.harvest import HARVEST
from handbook.timefmt import vn_datetime


@bp.get("")
@login_required
def index():
    """The member's programmes, newest first; for those who set them, the ones they oversee."""
    mine = programmes.standings(current_user, open_now=False)
    staff = can_set(current_user)
    return render_template("study/index.html", mine=mine, staff=staff,
                           managed=programmes.managed_programmes(current_user) if staff else [])


@bp.get("/<int:programme_id>")
@login_required
def show(programme_id: int):
    programme = get_visible_programme_or_404(programme_id)
    member = in_audience(current_user, programme)
    marks = {d for _u, d in marks_among([current_user.id], programme.document_ids)}
    sessions = [s.meeting for s in programme.sessions if can_see_meeting(current_user, s.meeting)]
    own = harvest.find(current_user, programme) if member else None
    return render_template("study/show.html", programme=programme, member=member, marks=marks, sessions=sessions,
                           items=[i for i in programme.items if can_view_document(current_user, i.document)],
                           harvest=own, audience=programmes.audience_label(programme),
                           overseer=bool(overseen_roots(current_user, programme)),
                           plans=bool(session_cells(current_user, programme)), today=programmes.today())


@bp.route("/<int:programme_id>/thu-hoach", methods=["GET", "POST"])
@login_required
def harvest_editor(programme_id: int):
    """The thu hoạch in the shared autosaving editor (handbook/study/editor.py)."""
    return edit_harvest(get_audience_programme_or_404(programme_id))


@bp.post("/<int:programme_id>/thu-hoach/conflicts/<int:conflict_id>")
@login_required
def resolve_harvest(programme_id: int, conflict_id: int):
    """Two phones saved different texts of the thu hoạch: keep the later one, the stored one, or both."""
    programme = get_audience_programme_or_404(programme_id)
    back = url_for("study.harvest_editor", programme_id=programme.id)
    paper = harvest.find(current_user, programme)
    # A kept text is chosen only on the member's own thu hoạch: any other id is not found.
    require(paper is not None and store.find_conflict(HARVEST, paper, conflict_id) is not None)
    if paper.status == "submitted":
        flash(msg.ALREADY_SUBMITTED.format(time=vn_datetime(paper.submitted_at)), "error")
        return redirect(back)
    try:
        return resolve_view(HARVEST, paper, conflict_id, back)
    except DomainError as error:  # the programme closed while the member was choosing
        db.session.rollback()
        flash(error.message, "error")
        return redirect(back)


@bp.post("/<int:programme_id>/thu-hoach/nop")
@login_required
def harvest_submit(programme_id: int):
    """Hands the thu hoạch to the cell: from now on its secretary and the committees above read it."""
    programme = get_audience_programme_or_404(programme_id)
    if not ActionForm().validate_on_submit():
        flash(msg.STALE_FORM, "error")
        return redirect(url_for("study.harvest_editor", programme_id=programme.id))
    try:
        paper = harvest.submit(harvest.find(current_user, programme), programme)
    except DomainError as error:
        db.session.rollback()
        flash(error.message, "error")
        return redirect(url_for("study.harvest_editor", programme_id=programme.id))
    db.session.commit()
    flash(msg.HARVEST_SUBMITTED.format(time=vn_datetime(paper.submitted_at)), "success")
    return redirect(url_for("study.show", programme_id=programme.id))


@bp.get("/thu-hoach/<int:harvest_id>")
@login_required
def harvest_show(harvest_id: int):
    """A thu hoạch as its readers see it: the member, and once submitted their cell's secretary
    and the committees above."""
    paper = get_readable_harvest_or_404(harvest_id)
    require(paper.programme is not None)
    return render_template("study/harvest_show.html", paper=paper, programme=paper.programme)
