"""The member's own year: the overview, the commitment with its evidence, the self-review."""

from datetime import date

from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from handbook.auth.permissions import is_admin, managed_cells, require
from handbook.domain import DomainError, show_on_form
from handbook.editing.answer import resolve_view
from handbook.extensions import db
from handbook.security import is_htmx
from handbook.signals import answers, year_evidence
from handbook.timefmt import vn_datetime
from handbook.year import bp, papers, ratings, scoring, settings
from handbook.year import messages as msg
from handbook.year.access import check_year, this_year
from handbook.year.editor import COMMITMENT_OFFER, REVIEW_OFFER, edit_paper
from handbook.year.facts import facts_for, lines, task_figures
from handbook.year.forms import CommitmentForm, EvidenceForm, ReviewForm, SubmitForm
from handbook.year.levels import SCALES


def evidence_form(year: int) -> EvidenceForm:
    form = EvidenceForm()
    form.note_id.choices = [(0, "— không —")] + [(n.id, n.context_title) for n in
                                                  papers.own_meeting_notes(current_user, year)]
    form.cite.choices = [("", "— không —")] + [(key, e.label) for key, e in citable(year).items()]
    return form


def citable(year: int) -> dict:
    return {e.key: e for offered in answers(year_evidence, current_user, year=year) for e in offered}


def _own_year(year: int) -> int:
    """A member's own papers: an account outside any cell (a committee's) has none."""
    require(current_user.cell_id is not None)
    return check_year(year)


@bp.after_request
def never_cache(response):
    """A member's papers and ratings are personal: no shared cache may keep them."""
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.get("/year")
@login_required
def index():
    """The page of the year under review: in January, the year just ended."""
    return redirect(url_for("year.overview", year=settings.year_under_review()))


@bp.get("/year/<int:year>")
@login_required
def overview(year: int):
    """Where the member stands in the year: the commitment, the self-review, the rating."""
    check_year(year)
    exempt = ratings.exemption_text(current_user, date(year, 12, 31)) if current_user.cell_id else None
    return render_template("year/overview.html", year=year, this_year=this_year(),
                           commitment=papers.find_commitment(current_user, year),
                           review=papers.find_review(current_user, year), exempt=exempt,
                           rating=ratings.own_rating(current_user, year),
                           on_demand=ratings.on_demand_of(current_user, year), **SCALES,
                           cells=managed_cells(current_user), admin=is_admin(current_user))


@bp.route("/year/<int:year>/commitment", methods=["GET", "POST"])
@login_required
def commitment(year: int):
    """The member's commitment: a private draft until submitted."""
    _own_year(year)
    found = papers.find_commitment(current_user, year)
    if found is not None and found.status == "submitted":
        if request.method == "POST":
            flash(msg.ALREADY_SUBMITTED.format(time=vn_datetime(found.submitted_at)), "error")
        return render_template("year/commitment_done.html", year=year, paper=found, form=evidence_form(year),
                               submit=SubmitForm()), 409 if request.method == "POST" else 200
    return edit_paper(CommitmentForm(), find=lambda: papers.find_commitment(current_user, year),
                      create=lambda: papers.new_commitment(current_user, year), fields=("body",),
                      page="year/commitment.html", url=url_for("year.commitment", year=year),
                      request_method=request.method, year=year, submit=SubmitForm(), evidence_form=evidence_form(year),
                      offer=COMMITMENT_OFFER)


@bp.post("/year/<int:year>/commitment/submit")
@login_required
def submit_commitment(year: int):
    """Hands the commitment to the cell: from now on the secretary reads it."""
    _own_year(year)
    if SubmitForm().validate_on_submit():
        found = papers.find_commitment(current_user, year)
        try:
            if found is None:
                raise DomainError(msg.EMPTY_COMMITMENT)
            papers.submit_commitment(found)
        except DomainError as error:
            db.session.rollback()
            flash(error.message, "error")
            return redirect(url_for("year.commitment", year=year))
        db.session.commit()
        flash(msg.COMMITMENT_SUBMITTED.format(year=year), "success")
    return redirect(url_for("year.commitment", year=year))


def _resolve(paper, conflict_id: int, back: str):
    """Two phones saved different texts: keep the later one, the stored one, or both."""
    require(paper is not None)
    if paper.status == "submitted":
        flash(msg.ALREADY_SUBMITTED.format(time=vn_datetime(paper.submitted_at)), "error")
        return redirect(back)
    return resolve_view(papers.kind_of_paper(paper), paper, conflict_id, back)


@bp.post("/year/<int:year>/commitment/conflicts/<int:conflict_id>")
@login_required
def resolve_commitment(year: int, conflict_id: int):
    """The member's choice between two texts of the commitment."""
    _own_year(year)
    return _resolve(papers.find_commitment(current_user, year), conflict_id, url_for("year.commitment", year=year))


@bp.post("/year/<int:year>/review/conflicts/<int:conflict_id>")
@login_required
def resolve_review(year: int, conflict_id: int):
    """The member's choice between two texts of the self-review."""
    _own_year(year)
    return _resolve(papers.find_review(current_user, year), conflict_id, url_for("year.review", year=year))


@bp.post("/year/<int:year>/commitment/evidence")
@login_required
def add_evidence(year: int):
    """A month's evidence of the commitment kept."""
    _own_year(year)
    form = evidence_form(year)
    found = papers.find_commitment(current_user, year)
    if form.validate_on_submit():
        try:
            note = papers.own_note_for_evidence(current_user, form.note_id.data) if form.note_id.data else None
            cited = citable(year).get(form.cite.data) if form.cite.data else None
            if form.cite.data and cited is None:
                raise DomainError(msg.EVIDENCE_NOT_CITABLE, field="cite")
            text = " — ".join(t for t in ((form.text.data or "").strip(), cited.text if cited else "") if t)
            papers.add_evidence(found, form.month.data, text, note)
            db.session.commit()
            flash(msg.EVIDENCE_ADDED.format(month=form.month.data), "success")
            return redirect(url_for("year.commitment", year=year))
        except DomainError as error:
            db.session.rollback()
            show_on_form(form, error, "text")
    if found is None or found.status != "submitted":
        return edit_paper(CommitmentForm(), find=lambda: papers.find_commitment(current_user, year),
                          create=lambda: papers.new_commitment(current_user, year), fields=("body",),
                          page="year/commitment.html", url=url_for("year.commitment", year=year),
                          request_method="GET", year=year, submit=SubmitForm(), evidence_form=form,
                          offer=COMMITMENT_OFFER)[0], 422
    return render_template("year/commitment_done.html", year=year, paper=found, form=form, submit=SubmitForm()), 422


@bp.route("/year/<int:year>/review", methods=["GET", "POST"])
@login_required
def review(year: int):
    """The year-end self-review, prefilled with what the app knows, autosaved."""
    _own_year(year)
    found = papers.find_review(current_user, year)
    if found is not None and found.status == "submitted":
        if request.method == "POST":
            flash(msg.ALREADY_SUBMITTED.format(time=vn_datetime(found.submitted_at)), "error")
        return redirect(url_for("year.print_review", year=year))
    kind = papers.kind_of(found) if found else scoring.default_kind(current_user.holds_leadership_post)
    parts = papers.parts_for_kind(kind)
    form = ReviewForm()
    for name, label in parts.items():
        form[name].label.text = label
    figures = task_figures(current_user, year)
    is_page = request.method == "GET" or not is_htmx()
    return edit_paper(form, find=lambda: papers.find_review(current_user, year),
                      create=lambda: papers.new_review(current_user, year),
                      fields=(*parts, "kind", *papers.PROPOSAL_FIELDS), reload_on=("kind",),
                      page="year/review.html", url=url_for("year.review", year=year),
                      request_method=request.method, year=year, submit=SubmitForm(), parts=parts,
                      facts=lines(facts_for(current_user, year).as_dict()) if is_page else {},
                      proposal_of=lambda paper: papers.proposal(paper, figures), weights=settings.weights(),
                      offer=REVIEW_OFFER, **SCALES)


@bp.post("/year/<int:year>/review/submit")
@login_required
def submit_review(year: int):
    """Hands the self-review to the cell; it can no longer change."""
    _own_year(year)
    if SubmitForm().validate_on_submit():
        found = papers.find_review(current_user, year)
        try:
            if found is None:
                raise DomainError(msg.REVIEW_PART_EMPTY.format(part=msg.REVIEW_PARTS_366["political"]))
            papers.submit_review(found, current_user)
        except DomainError as error:
            db.session.rollback()
            flash(error.message, "error")
            # A submitted review is only printed: the refusal is read on the year's page.
            done = found is not None and found.status == "submitted"
            return redirect(url_for("year.overview" if done else "year.review", year=year))
        db.session.commit()
        flash(msg.REVIEW_SUBMITTED.format(year=year), "success")
    return redirect(url_for("year.overview", year=year))


@bp.get("/year/<int:year>/review/print")
@login_required
def print_review(year: int):
    """The member's own self-review on A4, in the paper file's layout."""
    _own_year(year)
    found = papers.find_review(current_user, year)
    if found is None:
        return redirect(url_for("year.review", year=year))
    facts = papers.review_facts(found) or facts_for(current_user, year).as_dict()
    return render_template("year/print_review.html", review=found, member=current_user, year=year,
                           facts=lines(facts), parts=papers.parts_for(found), kind=papers.kind_of(found),
                           proposal=papers.proposal(found, facts),
                           weights=settings.weights(), **SCALES, back=url_for("year.overview", year=year))
