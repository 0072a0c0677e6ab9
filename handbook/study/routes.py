"""What a member sees: their programmes, one programme with its articles and sessions, the thu
hoạch editor (autosaved, then submitted to the cell), and a submitted thu hoạch for its readers."""

from flask import flash, make_response, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from handbook.auth.permissions import require
from handbook.domain import DomainError, show_on_form
from handbook.extensions import db
from handbook.library.access import can_view_document
from handbook.library.study import marks_among
from handbook.meetings.access import can_see_meeting
from handbook.security import is_htmx
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
from handbook.study.forms import ActionForm, HarvestForm
from handbook.timefmt import vn_datetime, vn_time


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
    """The thu hoạch editor: GET shows it; POST saves on the version the text was typed on (htmx
    autosave, or the Save button); a stale version shows both texts to merge."""
    programme = get_audience_programme_or_404(programme_id)
    form, status = HarvestForm(), None
    if request.method == "POST":
        if form.validate_on_submit():
            try:
                status, text = harvest.save_text(current_user, programme, form.body.data, form.version.data)
                db.session.commit()
            except DomainError as error:
                db.session.rollback()
                show_on_form(form, error, "body")
            else:
                if status == "conflict":
                    form.body.data = text
        paper = harvest.find(current_user, programme)
        code = 409 if status == "conflict" else (422 if form.errors else 200)
        if is_htmx():
            return make_response(render_template("study/_autosave.html", paper=paper, status=status, form=form,
                                                 programme=programme), code)
        if status in ("saved", "unchanged"):
            flash(msg.SAVED_AT.format(time=vn_time(paper.updated_at)), "success")
            return redirect(url_for("study.harvest_editor", programme_id=programme.id))
        if status == "conflict":
            flash(msg.STALE, "error")
            form.version.data = paper.version
        return render_template("study/harvest.html", programme=programme, form=form, paper=paper,
                               submit_form=ActionForm(formdata=None)), code
    paper = harvest.find(current_user, programme)
    form.body.data, form.version.data = (paper.body, paper.version) if paper else ("", 0)
    return render_template("study/harvest.html", programme=programme, form=form, paper=paper,
                           submit_form=ActionForm(formdata=None))


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
