"""The meeting's live line: what a member's phone asks every few seconds during the meeting,
and what the secretary's votes page asks about the vote running.

In a hall, "open your phone and vote" must take one glance, so the open vote is announced at
the top of the meeting page and on the home card, not only in its box further down. Forty
phones ask every LIVE_SECONDS, so each answer is built from a few indexed reads, and its
state is summed up in a short tag (the ETag): the phone sends back the tag it shows, and an
unchanged state answers 304 with no body. Once the meeting's hour is over (the check-in window
closed, or the minutes signed) the answer tells the page to stop asking (htmx: 286).

The secretary's count of phone ballots follows the same way. For a secret vote it is only the
number of ballots that would count now, as the page showed on reload: nothing that names a
voter or a choice.
"""

import hashlib

from handbook.meetings.votes import box
from handbook.meetings.votes import service as votes
from handbook.meetings.votes.models import Vote, VoteStatus

LIVE_SECONDS = 5


def tag(*parts) -> str:
    """A short validator for a state: the same parts give the same tag, in every process."""
    return hashlib.sha256("|".join(str(p) for p in parts).encode()).hexdigest()[:16]


def in_hour(meeting) -> bool:
    """Whether the meeting is in its hour (the check-in window), when its phones keep asking."""
    return box.live(meeting)


def banner(meeting, user, in_cell: bool, all_votes: list[Vote] | None = None) -> dict:
    """What the banner shows to `user`: the vote open now (and whether they have sent their
    ballot), else the last result, and whether the page keeps asking. Only the cell's members
    vote, so nobody else is shown a banner. `all_votes`: the meeting's votes when the caller
    has them (the meeting page reads them once for the banner and the box)."""
    polling = in_cell and in_hour(meeting)
    running = last = outcome = None
    voted = False
    if in_cell:
        all_votes = votes.votes_of(meeting) if all_votes is None else all_votes
        running = next((v for v in all_votes if v.status == VoteStatus.OPEN), None)
        if running is not None:
            voted = votes.own_ballot(running, user) is not None
        else:
            last = next((v for v in reversed(all_votes) if v.status == VoteStatus.CLOSED), None)
            outcome = votes.result(last) if last is not None else None
    state = (running.id if running else "", voted, last.id if last else "", polling)
    return {"meeting": meeting, "running": running, "voted": voted, "last": last, "outcome": outcome,
            "polling": polling, "etag": tag("banner", *state), "every": LIVE_SECONDS}


def tally(meeting, vote: Vote) -> dict:
    """The count of phone ballots that would count if the vote closed now, while it is open."""
    running = vote.status == VoteStatus.OPEN
    cast = votes.ballots_cast(vote) if running else None
    return {"meeting": meeting, "vote": vote, "running": running, "cast": cast,
            "etag": tag("tally", vote.id, vote.status, cast), "every": LIVE_SECONDS}
