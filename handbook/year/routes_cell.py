"""The cell's side of the year: its members' papers, the rating at the year-end meeting (points
decided by the cell, the level following from them), its confirmed finish, and the on-demand
reviews."""

from datetime import date

from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from handbook.actions import act
from handbook.auth.permissions import manages_cell_id, require
from handbook.integers import bounded_int
from handbook.orgs.history import name_on, period_day
from handbook.year import bp, papers, ratings, scoring, settings
from handbook.year import messages as msg
from handbook.year.access import (
    can_read_paper,
    check_year,
    get_managed_cell_or_404,
    get_member_of_cell_or_404,
    get_overseen_cell_or_404,
    member_for_rating,
    this_year,
)
from handbook.year.facts import lines
from handbook.year.forms import OccasionalForm, RatingForm, SubmitForm
from handbook.year.levels import LEVELS, SCALES


def _proposals(papers_of: dict) -> dict:
    """What each member proposed on a submitted paper of Quy định 366, by member."""
    return {uid: papers.proposal(review, papers.review_facts(review)) for uid, (_c, review) in papers_of.items()
            if review is not None and review.status == "submitted" and review.rule == scoring.RULE_366}


def _standing(org, year: int) -> dict:
    """The cell's year as its rating page and the finish's confirmation show it."""
    members = ratings.cell_members(org)
    exempt = ratings.exempt_members(members, year)
    rated = ratings.ratings_of(org, year)
    elsewhere = ratings.rated_elsewhere(org, year)
    state = ratings.cap_state([r.level for r in rated.values()])
    to_rate = [m for m in members if m.id not in exempt]
    return {"members": to_rate, "exempt": [(m, exempt[m.id]) for m in members if m.id in exempt],
            "rated": rated, "elsewhere": elsewhere, "moved": ratings.moved_away(org, year), "cap": state,
            "cap_line": ratings.cap_line(state),
            "missing": [m for m in to_rate if m.id not in rated and m.id not in elsewhere],
            "finished": ratings.finished(org.id, year)}


@bp.get("/year/<int:year>/cells/<int:cell_id>")
@login_required
def cell(year: int, cell_id: int):
    """Each member's papers and rating; the secretary scores here, the cap's arithmetic in view."""
    check_year(year)
    org = get_overseen_cell_or_404(cell_id)
    standing = _standing(org, year)
    papers_of = papers.papers_of([m.id for m in standing["members"] + standing["moved"]], year)
    return render_template("year/cell.html", year=year, cell=org, **standing, papers_of=papers_of,
                           cell_name=name_on(org, period_day(date(year, 12, 31))),
                           proposals=_proposals(papers_of), weights=settings.weights(),
                           can_rate=manages_cell_id(current_user, org.id), **SCALES,
                           vote_level=lambda m: ratings.vote_level(m, year)[0])


@bp.get("/year/<int:year>/cells/<int:cell_id>/members/<int:user_id>")
@login_required
def member(year: int, cell_id: int, user_id: int):
    """A member's submitted papers, for the cell's leaders and the committee (print layout), and
    the secretary's on-demand review of them."""
    check_year(year)
    org = get_overseen_cell_or_404(cell_id)
    person = get_member_of_cell_or_404(org, user_id, year)
    commitment = papers.find_commitment(person, year)
    review = papers.find_review(person, year)
    commitment = commitment if commitment and can_read_paper(current_user, commitment) else None
    review = review if review and can_read_paper(current_user, review) else None
    facts = papers.review_facts(review) if review else {}
    # A review on demand is dated today: it is offered on this year's page.
    can_rate = manages_cell_id(current_user, org.id) and person.cell_id == org.id and year == this_year()
    return render_template("year/member.html", year=year, cell=org, member=person, commitment=commitment,
                           review=review, facts=lines(facts) if facts else {},
                           parts=papers.parts_for(review) if review else {},
                           kind=papers.kind_of(review) if review else "",
                           proposal=papers.proposal(review, facts) if review else None,
                           weights=settings.weights(), **SCALES, on_demand=ratings.on_demand_of(person, year),
                           form=OccasionalForm() if can_rate else None,
                           back=url_for("year.cell", year=year, cell_id=org.id))


@bp.post("/year/<int:year>/cells/<int:cell_id>/ratings")
@login_required
def rate(year: int, cell_id: int):
    """Records one member's rating (the form names the member); the level follows from it."""
    check_year(year)
    org = get_managed_cell_or_404(cell_id)
    form = RatingForm()
    back = url_for("year.cell", year=year, cell_id=org.id)
    if not form.validate_on_submit():
        flash(next(iter(form.errors.values()))[0], "error")
        return redirect(back)

    def rate():
        person = member_for_rating(org, request.form.get("member_id", type=bounded_int), year)
        return person, ratings.rate(org, person, year, points=form.typed_points(), beyond=form.beyond.data,
                                    conduct=form.conduct.data, comment=form.comment.data, by=current_user)

    return act(rate, ok=lambda rated: msg.RATING_SAVED.format(name=rated[0].full_name, level=LEVELS[rated[1].level]),
               done=lambda rated: redirect(url_for("year.cell", year=year, cell_id=org.id,
                                                   _anchor=f"member-{rated[0].id}")),
               refused=back)


@bp.get("/year/<int:year>/cells/<int:cell_id>/finish")
@login_required
def confirm_finish(year: int, cell_id: int):
    """What finishing will lock, the cap's arithmetic, and the button that does it."""
    check_year(year)
    org = get_managed_cell_or_404(cell_id)
    standing = _standing(org, year)
    if standing["finished"]:
        return redirect(url_for("year.cell", year=year, cell_id=org.id))
    counts = {key: sum(1 for r in standing["rated"].values() if r.level == key) for key in LEVELS}
    return render_template("year/finish.html", year=year, cell=org, **standing, counts=counts, **SCALES,
                           submit=SubmitForm())


@bp.post("/year/<int:year>/cells/<int:cell_id>/finish")
@login_required
def finish(year: int, cell_id: int):
    """Locks the year's ratings once all are in and the cap holds (confirmed on the page above)."""
    check_year(year)
    org = get_managed_cell_or_404(cell_id)
    if SubmitForm().validate_on_submit():
        return act(lambda: ratings.finish(org, year, current_user), ok=msg.FINISHED.format(year=year),
                   done=url_for("year.cell", year=year, cell_id=org.id))
    return redirect(url_for("year.cell", year=year, cell_id=org.id))


@bp.post("/year/<int:year>/cells/<int:cell_id>/members/<int:user_id>/on-demand")
@login_required
def rate_on_demand(year: int, cell_id: int, user_id: int):
    """A review "khi cần thiết" of one member of the cell, recorded by its secretary (today)."""
    require(check_year(year) == this_year())
    org = get_managed_cell_or_404(cell_id)
    person = get_member_of_cell_or_404(org, user_id, year)
    form = OccasionalForm()
    back = url_for("year.member", year=year, cell_id=org.id, user_id=person.id, _anchor="khi-can-thiet")
    if not form.validate_on_submit():
        flash(next(iter(form.errors.values()))[0], "error")
        return redirect(back)
    return act(lambda: ratings.rate_on_demand(org, person, reason=form.reason.data, points=form.typed_points(),
                                              beyond=form.beyond.data, conduct=form.conduct.data,
                                              comment=form.comment.data, by=current_user),
               ok=lambda row: msg.OCCASIONAL_SAVED.format(name=person.full_name, level=LEVELS[row.level]), done=back)
