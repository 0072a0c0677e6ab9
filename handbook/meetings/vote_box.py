"""The member's vote box on the meeting page, and the secret ballot's token in the session.

The box is rendered by the meeting page and by its own fragment, which the page asks for
again every little while during the meeting, so a vote the secretary opens shows up on the
phones without a reload.
"""

from flask import session
from flask_login import current_user

from handbook.meetings import vote_rules as rules
from handbook.meetings import votes
from handbook.meetings.forms import BallotForm
from handbook.meetings.status import Action, checkin_window, status_allows
from handbook.models_base import utcnow

SESSION_KEY = "secret_ballots"
KEPT = 10  # tokens of the latest secret votes; older votes are closed long since


def held(vote_id: int) -> tuple[str, int] | None:
    """The token and choice this device's session keeps for a secret ballot, if any."""
    entry = session.get(SESSION_KEY, {}).get(str(vote_id))
    if not isinstance(entry, list) or len(entry) != 2:
        return None
    token, choice = entry
    return (token, choice) if isinstance(token, str) and isinstance(choice, int) else None


def keep(vote_id: int, token: str, choice: int) -> None:
    """Only the member's own (signed) cookie ever holds what a secret ballot chose."""
    kept = dict(session.get(SESSION_KEY, {}))
    kept.pop(str(vote_id), None)
    kept[str(vote_id)] = [token, choice]
    session[SESSION_KEY] = dict(list(kept.items())[-KEPT:])


def live(meeting) -> bool:
    """During the meeting (the check-in window) the box keeps asking for a newly opened vote."""
    start, end = checkin_window(meeting)
    return status_allows(meeting, Action.CAST_VOTE) and start <= utcnow() <= end


def seen(all_votes) -> str:
    """What the box shows, in a word: which vote is open, and each vote's status."""
    return "-".join(f"{v.id}{v.status[0]}" for v in all_votes) or "0"


def box_context(meeting, form: BallotForm | None = None, error: str | None = None, saved: bool = False) -> dict:
    all_votes = votes.votes_of(meeting)
    vote = next((v for v in all_votes if v.status == "open"), None)
    context = {"meeting": meeting, "vote": vote, "live": live(meeting), "error": error, "saved": saved,
               "seen": seen(all_votes), "results": [(v, votes.result(v)) for v in all_votes if v.status == "closed"]}
    if vote is None:
        return context
    present = current_user.id in votes.present_ids(meeting)
    ballot = votes.own_ballot(vote, current_user)
    if form is None:
        kept = held(vote.id) if vote.secret else None
        chosen = kept[1] if kept else (ballot.choice if ballot else None)
        form = BallotForm(formdata=None, data={"choice": chosen})
    form.choice.choices = list(enumerate(vote.choice_list))
    context.update(
        form=form, ballot=ballot, can_change=ballot is None or not vote.secret or held(vote.id) is not None,
        refusal=rules.voting_refusal(current_user, meeting.cell_id, present, votes.meeting_day(meeting)))
    return context
