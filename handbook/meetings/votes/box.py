"""The member's vote box on the meeting page, and its fragment.

The box is rendered by the meeting page and by its own fragment, which the page asks for
again every little while during the meeting, so a vote the secretary opens shows up on the
phones without a reload. A secret ballot's choice is shown to its member only in a fragment
asked for on purpose (or answering the ballot), never kept: not in the meeting page (which
the phone keeps for offline use), not in the browser's cache, not in the cookie.
"""

from flask_login import current_user

from handbook.meetings.status import Action, checkin_window, status_allows
from handbook.meetings.votes import election, rules
from handbook.meetings.votes import service as votes
from handbook.meetings.votes.forms import BallotForm, ElectionBallotForm
from handbook.meetings.votes.models import VoteStatus
from handbook.models_base import utcnow
from handbook.security import private_page


def live(meeting) -> bool:
    """During the meeting (the check-in window) the box keeps asking for a newly opened vote."""
    start, end = checkin_window(meeting)
    return status_allows(meeting, Action.CAST_VOTE) and start <= utcnow() <= end


def seen(all_votes) -> str:
    """What the box shows, in a word: which vote is open, and each vote's status."""
    return "-".join(f"{v.id}{v.status[0]}" for v in all_votes) or "0"


def box_context(meeting, form: BallotForm | ElectionBallotForm | None = None, error: str | None = None,
                saved: bool = False, reveal: bool = False, all_votes: list | None = None) -> dict:
    """`reveal`: a secret ballot's member sees their choice (the answer is then never stored);
    a refused ballot (`form`) shows what was sent, so is never stored either. `all_votes`: the
    meeting's votes when the caller has them already."""
    all_votes = votes.votes_of(meeting) if all_votes is None else all_votes
    vote = next((v for v in all_votes if v.status == VoteStatus.OPEN), None)
    results = [(v, votes.result(v)) for v in all_votes if v.status == VoteStatus.CLOSED]
    context = {"meeting": meeting, "vote": vote, "live": live(meeting), "error": error, "saved": saved,
               "seen": seen(all_votes), "results": results}
    if vote is None:
        return context
    present = current_user.id in votes.present_ids(meeting)
    ballot = votes.own_ballot(vote, current_user)
    shown = not vote.secret or (reveal and ballot is not None)
    if vote.secret and (shown or form is not None):
        private_page()
    chosen = votes.own_choice(vote, current_user) if shown else None
    if vote.seats:  # an election: the candidates picked, shown by name (maybe none)
        picks = election.picks_of(chosen, len(vote.choice_list)) if chosen is not None else None
        if form is None:
            form = ElectionBallotForm(formdata=None, data={"picks": picks or []})
        form.picks.choices = list(enumerate(vote.choice_list))
        chosen = None if picks is None else [vote.choice_list[n] for n in picks]
    else:
        if form is None:
            form = BallotForm(formdata=None, data={"choice": chosen})
        form.choice.choices = list(enumerate(vote.choice_list))
        chosen = None if chosen is None else vote.choice_list[chosen]
    context.update(
        form=form, ballot=ballot, chosen=chosen,
        refusal=rules.voting_refusal(current_user, meeting.cell_id, present, votes.meeting_day(meeting)))
    return context
