"""The cell's side of the year: its members' papers and the rating at the year-end meeting."""

from datetime import date

from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from handbook.auth.permissions import manages_cell_id
from handbook.domain import DomainError
from handbook.extensions import db
from handbook.integers import bounded_int
from handbook.orgs.history import name_on, period_day
from handbook.year import bp, papers, ratings
from handbook.year import messages as msg
from handbook.year.access import (
    can_read_paper,
    check_year,
    get_managed_cell_or_404,
    get_member_of_cell_or_404,
    get_overseen_cell_or_404,
    member_for_rating,
)
from handbook.year.forms import RatingForm, SubmitForm
from handbook.year.levels import CONDUCT, LEVELS


@bp.get("/year/<int:year>/cells/<int:cell_id>")
@login_required
def cell(year: int, cell_id: int):
    """Each member's papers and rating; the secretary rates here, with the cap's warning."""
    check_year(year)
    org = get_overseen_cell_or_404(cell_id)
    members = ratings.cell_members(org)
    moved = ratings.moved_away(org, year)
    rated = ratings.ratings_of(org, year)
    papers_of = papers.papers_of([m.id for m in members + moved], year)
    state = ratings.cap_state([r.level for r in rated.values()])
    return render_template("year/cell.html", year=year, cell=org, members=members, rated=rated,
                           cell_name=name_on(org, period_day(date(year, 12, 31))),
                           moved=moved, elsewhere=ratings.rated_elsewhere(org, year),
                           papers_of=papers_of, finished=ratings.finished(org.id, year),
                           can_rate=manages_cell_id(current_user, org.id), levels=LEVELS, conduct=CONDUCT,
                           cap_warning=ratings.cap_message(state) if state.exceeded else "",
                           vote_level=lambda m: ratings.vote_level(m, year)[0], submit=SubmitForm())


@bp.get("/year/<int:year>/cells/<int:cell_id>/members/<int:user_id>")
@login_required
def member(year: int, cell_id: int, user_id: int):
    """A member's submitted papers, for the cell's leaders and the committee (print layout)."""
    check_year(year)
    org = get_overseen_cell_or_404(cell_id)
    person = get_member_of_cell_or_404(org, user_id, year)
    commitment = papers.find_commitment(person, year)
    review = papers.find_review(person, year)
    commitment = commitment if commitment and can_read_paper(current_user, commitment) else None
    review = review if review and can_read_paper(current_user, review) else None
    return render_template("year/member.html", year=year, cell=org, member=person, commitment=commitment,
                           review=review, facts=papers.review_facts(review) if review else {},
                           parts=msg.REVIEW_PARTS, levels=LEVELS,
                           back=url_for("year.cell", year=year, cell_id=org.id))


@bp.post("/year/<int:year>/cells/<int:cell_id>/ratings")
@login_required
def rate(year: int, cell_id: int):
    """Records one member's rating (the form names the member)."""
    check_year(year)
    org = get_managed_cell_or_404(cell_id)
    form = RatingForm()
    back = redirect(url_for("year.cell", year=year, cell_id=org.id))
    if not form.validate_on_submit():
        flash(next(iter(form.errors.values()))[0], "error")
        return back
    try:
        person = member_for_rating(org, request.form.get("member_id", type=bounded_int), year)
        ratings.rate(org, person, year, level=form.level.data, conduct=form.conduct.data,
                     comment=form.comment.data, by=current_user)
    except DomainError as error:
        db.session.rollback()
        flash(error.message, "error")
        return back
    db.session.commit()
    flash(msg.RATING_SAVED.format(name=person.full_name), "success")
    return back


@bp.post("/year/<int:year>/cells/<int:cell_id>/finish")
@login_required
def finish(year: int, cell_id: int):
    """Locks the year's ratings once all are in and the cap holds."""
    check_year(year)
    org = get_managed_cell_or_404(cell_id)
    if SubmitForm().validate_on_submit():
        try:
            ratings.finish(org, year, current_user)
        except DomainError as error:
            db.session.rollback()
            flash(error.message, "error")
            return redirect(url_for("year.cell", year=year, cell_id=org.id))
        db.session.commit()
        flash(msg.FINISHED.format(year=year), "success")
    return redirect(url_for("year.cell", year=year, cell_id=org.id))
