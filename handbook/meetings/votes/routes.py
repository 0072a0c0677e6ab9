"""Votes: the secretary opens, closes (adding the show of hands) and annuls; members present
vote on their phones from the box on the meeting page."""

from flask import flash, make_response, redirect, render_template, request, session, url_for
from flask_login import current_user, login_required
from wtforms.fields.choices import SelectChoice

from handbook.auth.permissions import in_cell_id, require
from handbook.domain import DomainError, show_on_form
from handbook.extensions import db
from handbook.integers import id_or_none
from handbook.meetings import bp
from handbook.meetings import messages as msg
from handbook.meetings.access import get_managed_meeting_or_404, get_visible_meeting_or_404
from handbook.meetings.models import AgendaItem
from handbook.meetings.status import Action
from handbook.meetings.votes import box as vote_box
from handbook.meetings.votes import live
from handbook.meetings.votes import service as votes
from handbook.meetings.votes.forms import AnnulVoteForm, BallotForm, ElectionBallotForm, VoteForm, close_vote_form
from handbook.meetings.votes.models import Vote, VoteStatus
from handbook.security import is_htmx

# Where sessions of an earlier version kept each secret ballot's token and choice, in clear.
OLD_SESSION_KEY = "secret_ballots"


@bp.before_app_request
def _drop_old_ballot_tokens():
    if OLD_SESSION_KEY in session:
        session.pop(OLD_SESSION_KEY)


def _vote_of(meeting, vote_id: int) -> Vote:
    vote = db.session.get(Vote, vote_id)
    require(vote is not None and vote.meeting_id == meeting.id)
    return vote


def _vote_form(meeting, formdata=None) -> VoteForm:
    form = VoteForm(formdata=formdata) if formdata is not None else VoteForm(formdata=None)
    form.item.choices = [SelectChoice("", "Dự thảo nghị quyết (kết luận của buổi họp)")] + [
        SelectChoice(str(item.id), f"{item.position}. {item.title}"[:120]) for item in meeting.items]
    return form


def _page(meeting, open_form=None, close_form=None, annul_forms=None, status=200):
    running = votes.open_vote_of(meeting)
    history = [(vote, votes.result(vote)) for vote in votes.votes_of(meeting) if vote.status != VoteStatus.OPEN]
    return render_template(
        "meetings/votes.html", meeting=meeting, running=running, history=history,
        open_form=open_form or _vote_form(meeting),
        close_form=close_form or (close_vote_form(running.choice_list, bool(running.seats), formdata=None)
                                  if running else None),
        annul_forms=annul_forms or {},
        tally=live.tally(meeting, running) if running else None, basis=votes.current_basis(meeting)), status


@bp.get("/meetings/<int:meeting_id>/votes")
@login_required
def votes_page(meeting_id):
    """The meeting's votes: the one open now, the results, and opening a new one."""
    meeting = get_managed_meeting_or_404(meeting_id)
    return _page(meeting)


def _done(meeting, change, told: str, refused, anchor: str = ""):
    """Runs `change` and commits, then back to the votes page with `told`; a refusal is rolled
    back and handed to `refused` (None: the caller shows the page with it)."""
    try:
        change()
    except DomainError as error:
        db.session.rollback()
        refused(error)
        return None
    db.session.commit()
    flash(told, "success")
    return redirect(url_for("meetings.votes_page", meeting_id=meeting.id) + anchor)


def _item_of(meeting, chosen: str) -> AgendaItem | None:
    """The agenda item a vote is on ("": the draft resolution); refused when not this meeting's."""
    if not chosen:
        return None
    item_id = id_or_none(chosen)
    item = db.session.get(AgendaItem, item_id) if item_id else None
    if item is None or item.meeting_id != meeting.id:
        raise DomainError(msg.VOTE_BAD_ITEM, field="item")
    return item


@bp.post("/meetings/<int:meeting_id>/votes")
@login_required
def open_vote(meeting_id):
    """Open a vote on an agenda item or on the draft resolution."""
    meeting = get_managed_meeting_or_404(meeting_id, Action.OPEN_VOTE)
    form = _vote_form(meeting, request.form)

    def refused(error):
        if error.field:
            show_on_form(form, error, "question")
        else:  # about the meeting's votes, not a field: told at the top of the page
            flash(error.message, "error")

    if form.validate_on_submit():
        opened = _done(meeting, lambda: votes.open_vote(
            meeting, question=form.question.data, kind=form.kind.data, choices=form.choices.data,
            secret=form.secret.data, item=_item_of(meeting, form.item.data or ""),
            seats=form.seats.data or (1 if form.kind.data == "election" else None)), msg.VOTE_OPENED, refused)
        if opened:
            return opened
    return _page(meeting, open_form=form, status=400)


@bp.post("/meetings/<int:meeting_id>/votes/<int:vote_id>/close")
@login_required
def close_vote(meeting_id, vote_id):
    """Close the vote: phone ballots plus the show of hands, counted by the rules."""
    meeting = get_managed_meeting_or_404(meeting_id, Action.RUN_VOTE)
    vote = _vote_of(meeting, vote_id)
    form = close_vote_form(vote.choice_list, bool(vote.seats))
    if form.validate_on_submit():
        hands = [getattr(form, f"hand_{n}").data or 0 for n in range(len(vote.choice_list))]
        by_hand = (form.hand_ballots.data or 0) if vote.seats else 0
        closed = _done(meeting, lambda: votes.close(vote, hands, by_hand), msg.VOTE_CLOSED,
                       lambda error: form.hand_0.errors.append(error.message), f"#bieu-quyet-{vote.id}")
        if closed:
            return closed
    return _page(meeting, close_form=form, status=400)


@bp.post("/meetings/<int:meeting_id>/votes/<int:vote_id>/annul")
@login_required
def annul_vote(meeting_id, vote_id):
    """Annul a closed result, with the reason kept in the history."""
    meeting = get_managed_meeting_or_404(meeting_id, Action.RUN_VOTE)
    vote = _vote_of(meeting, vote_id)
    form = AnnulVoteForm()
    if form.validate_on_submit():
        annulled = _done(meeting, lambda: votes.annul(vote, form.reason.data), msg.VOTE_ANNULLED,
                         lambda error: show_on_form(form, error, "reason"))
        if annulled:
            return annulled
    return _page(meeting, annul_forms={vote.id: form}, status=400)


def _banner(meeting) -> dict:
    """The live banner for the vote's own page (the box there follows it, as on the meeting page)."""
    return live.banner(meeting, current_user, in_cell_id(current_user, meeting.cell_id))


@bp.get("/meetings/<int:meeting_id>/vote")
@login_required
def vote_fragment(meeting_id):
    """The member's vote box, asked again by the meeting page during the meeting, or to show
    the member their secret ballot's choice (`?xem=1`)."""
    meeting = get_visible_meeting_or_404(meeting_id)
    reveal = request.args.get("xem") == "1"  # the member asked to see their secret ballot's choice
    if not reveal and request.args.get("seen") == vote_box.seen(votes.votes_of(meeting)):
        return "", 204  # nothing opened or closed since: htmx leaves the box as it is
    box = vote_box.box_context(meeting, reveal=reveal)
    if is_htmx():
        return render_template("meetings/_vote.html", box=box)
    return render_template("meetings/vote.html", box=box, meeting=meeting, live=_banner(meeting))


@bp.post("/meetings/<int:meeting_id>/votes/<int:vote_id>/ballot")
@login_required
def cast_ballot(meeting_id, vote_id):
    """A member present votes (or changes the vote) while it is open."""
    meeting = get_visible_meeting_or_404(meeting_id)
    vote = _vote_of(meeting, vote_id)
    form = ElectionBallotForm() if vote.seats else BallotForm()
    field = form.picks if vote.seats else form.choice
    field.choices = list(enumerate(vote.choice_list))
    error = None
    if form.validate_on_submit():
        try:
            votes.cast(vote, current_user, list(field.data or []) if vote.seats else field.data)
        except DomainError as refused:
            db.session.rollback()
            error = refused.message
        else:
            db.session.commit()
            if not is_htmx():
                flash(msg.VOTE_CAST, "success")
                return redirect(url_for("meetings.show", meeting_id=meeting.id) + "#bieu-quyet")
            response = make_response(render_template("meetings/_vote.html",
                                                     box=vote_box.box_context(meeting, saved=True, reveal=True)))
            response.headers["HX-Trigger"] = "ballot-sent"  # the banner at the top says it was sent
            return response
    else:
        error = next(iter(field.errors), None) or msg.VOTE_BAD_CHOICE
    # htmx swaps only 2xx answers: a refused ballot is a 200 that shows its message.
    box = vote_box.box_context(meeting, form=form, error=error)
    if is_htmx():
        return render_template("meetings/_vote.html", box=box)
    return render_template("meetings/vote.html", box=box, meeting=meeting, live=_banner(meeting)), 400
