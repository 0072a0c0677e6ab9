"""What a committee or a cell's secretary does: set a programme, plan a study session for it
(a meeting the meetings feature plans), and read completion per cell and who has not finished."""

from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from handbook.auth.permissions import require
from handbook.domain import DomainError, show_on_form
from handbook.extensions import db
from handbook.integers import bounded_int
from handbook.study import bp, programmes, progress
from handbook.study import messages as msg
from handbook.study.access import (
    can_set,
    get_overseen_org_or_404,
    get_visible_programme_or_404,
    overseen_roots,
    session_cells,
    setter_orgs,
)
from handbook.study.forms import ProgrammeForm, SessionForm
from handbook.timefmt import from_vn


@bp.route("/new", methods=["GET", "POST"])
@login_required
def new():
    require(can_set(current_user))
    form = ProgrammeForm()
    form.org_id.choices = [(org.id, org.name) for org in setter_orgs(current_user)]
    if request.method == "GET":
        form.starts_on.data = programmes.today()
    if form.validate_on_submit():
        try:
            programme = programmes.set_programme(
                current_user, title=form.title.data, org_id=form.org_id.data, leaders_only=form.leaders_only.data,
                starts_on=form.starts_on.data, ends_on=form.ends_on.data,
                picks=programmes.parse_picks(form.items.data or []))
        except DomainError as error:
            db.session.rollback()
            show_on_form(form, error, "title")
        else:
            db.session.commit()
            flash(msg.SET.format(title=programme.title, who=programmes.audience_label(programme)), "success")
            return redirect(url_for("study.show", programme_id=programme.id))
    picked = set(form.items.data or [])
    return render_template("study/new.html", form=form, candidates=programmes.candidates(current_user), picked=picked,
                           picked_sections={int(v[2:]) for v in picked if v.startswith("s-") and v[2:].isdigit()}), \
        422 if request.method == "POST" else 200


@bp.route("/<int:programme_id>/buoi-hoc", methods=["GET", "POST"])
@login_required
def new_session(programme_id: int):
    """A cell's secretary plans a study session: a draft meeting of kind "học tập nghị quyết",
    which they then review and publish like any meeting."""
    programme = get_visible_programme_or_404(programme_id)
    cells = session_cells(current_user, programme)
    require(bool(cells))
    form = SessionForm()
    form.cell_id.choices = [(cell.id, cell.name) for cell in cells]
    if form.validate_on_submit():
        try:
            session = programmes.plan_session(current_user, programme, cell_id=form.cell_id.data,
                                              starts_at=from_vn(form.starts_at.data),
                                              duration_minutes=form.duration.data, location=form.location.data or "")
        except DomainError as error:
            db.session.rollback()
            show_on_form(form, error, "starts_at")
        else:
            db.session.commit()
            flash(msg.SESSION_PLANNED.format(title=session.meeting.title), "success")
            return redirect(url_for("meetings.edit", meeting_id=session.meeting_id))
    return render_template("study/session_new.html", form=form, programme=programme), \
        422 if request.method == "POST" else 200


@bp.get("/<int:programme_id>/tien-do")
@login_required
def completion(programme_id: int):
    """Per cell: members who must take part, read everything, handed in; then who has not finished."""
    programme = get_visible_programme_or_404(programme_id)
    org = get_overseen_org_or_404(programme, request.args.get("org", type=bounded_int))
    rows = progress.completion(programme, org)
    documents = len(programme.document_ids)
    unfinished = [row for cell in rows for row in cell.members if not row.finished(documents)]
    return render_template("study/completion.html", programme=programme, org=org, rows=rows, documents=documents,
                           totals=progress.totals(rows, documents), unfinished=unfinished,
                           roots=overseen_roots(current_user, programme))
