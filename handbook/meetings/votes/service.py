"""Votes at a meeting (biểu quyết): opened by the secretary, cast by members present on their
phones, closed with the show of hands added, counted by the party's rules (rules.py),
annulled with a reason that stays. Results go into the minutes (minutes/builder.py). What a
secret ballot keeps, and how it forgets who chose what: secret_ballot.py.

Public (other features call it through the package, handbook/meetings/votes/__init__.py):
`open_vote` opens a vote, e.g. on a member's rating (kind "rating", the levels as choices, the
member as `subject`), and `result` reads its outcome once closed; `votes_on` lists the closed
votes about a member.
"""

import json
from datetime import date

from flask import current_app
from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from handbook.audit import record
from handbook.domain import DomainError
from handbook.extensions import db
from handbook.meetings import messages as msg
from handbook.meetings.models import AgendaItem, Attendance, Meeting, NotificationKind
from handbook.meetings.notify import actor_id, cell_members, notify_members
from handbook.meetings.status import Action, check
from handbook.meetings.votes import election, rules, secret_ballot
from handbook.meetings.votes.models import Ballot, Vote, VoteStatus
from handbook.models_base import utcnow
from handbook.timefmt import to_vn

MAX_CHOICES = 30
# A vote's own status table: the statuses each action is allowed in, what it leads to, and
# what the member is told otherwise.
OPEN, CLOSED, ANNULLED = VoteStatus.OPEN, VoteStatus.CLOSED, VoteStatus.ANNULLED
MOVES = {
    "cast": ({OPEN}, OPEN, msg.VOTE_NOT_OPEN),
    "close": ({OPEN}, CLOSED, msg.VOTE_NOT_OPEN),
    "annul": ({CLOSED}, ANNULLED, msg.VOTE_NOT_CLOSED),
}


def _check(vote: Vote, action: str) -> str:
    allowed, target, refused = MOVES[action]
    if vote.status not in allowed:
        raise DomainError(refused)
    return target


def meeting_day(meeting: Meeting) -> date:
    """Membership (probationary or official) is read as it stood on the meeting's day."""
    return to_vn(meeting.starts_at).date()


def votes_of(meeting: Meeting) -> list[Vote]:
    return list(db.session.scalars(select(Vote).where(Vote.meeting_id == meeting.id).order_by(Vote.id)))


def open_vote_of(meeting: Meeting) -> Vote | None:
    return db.session.scalar(select(Vote).where(Vote.meeting_id == meeting.id, Vote.status == OPEN))


def present_ids(meeting: Meeting) -> set[int]:
    return set(db.session.scalars(select(Attendance.user_id).where(
        Attendance.meeting_id == meeting.id, Attendance.status == "present")))


def excludes() -> tuple[str, ...]:
    return tuple(e for e in current_app.config.get("VOTE_BASE_EXCLUDES", rules.EXCLUSIONS) if e in rules.EXCLUSIONS)


def majority_of() -> str:
    """What an election's candidate needs more than half of (the setting, frozen at closing)."""
    chosen = current_app.config.get("ELECTION_MAJORITY_OF", "base")
    return chosen if chosen in election.MAJORITY_OF else "base"


def voters_now(meeting: Meeting) -> set[int]:
    """Members whose phone ballots count now: in the cell, official, neither away nor suspended,
    and marked present. A member marked absent after voting is no longer counted."""
    present, day = present_ids(meeting), meeting_day(meeting)
    return {m.id for m in cell_members(meeting.cell_id)
            if rules.voting_refusal(m, meeting.cell_id, m.id in present, day) is None}


def current_basis(meeting: Meeting) -> rules.Basis:
    """The base as it stands now: the cell's members and who is marked present."""
    return rules.basis_of(cell_members(meeting.cell_id), present_ids(meeting), meeting_day(meeting), excludes())


def clean_choices(kind: str, lines: str | list[str] | None) -> list[str]:
    """Yes/no votes take the standard three choices; a list vote one choice per line."""
    if kind in rules.YES_NO:
        return list(rules.DEFAULT_CHOICES)
    if isinstance(lines, str):
        lines = lines.splitlines()
    choices = []
    for line in lines or []:
        line = " ".join(line.split())[:120]
        if line and line not in choices:
            choices.append(line)
    if len(choices) < 2:
        raise DomainError(msg.VOTE_CHOICES_NEEDED, field="choices")
    if len(choices) > MAX_CHOICES:
        raise DomainError(msg.VOTE_TOO_MANY_CHOICES.format(max=MAX_CHOICES), field="choices")
    return choices


def open_vote(meeting: Meeting, *, question: str, kind: str = "resolution", choices=None, secret: bool = False,
              item: AgendaItem | None = None, subject=None, seats: int | None = None) -> Vote:
    """Opens a vote members present may answer on their phones until it is closed; an election
    with `seats` takes ballots of up to that many candidates each (election.py)."""
    check(meeting, Action.OPEN_VOTE)
    if kind not in rules.KINDS:
        raise DomainError(msg.VOTE_BAD_KIND, field="kind")
    if item is not None and item.meeting_id != meeting.id:
        raise DomainError(msg.VOTE_BAD_ITEM, field="item")
    question = " ".join(question.split())[:300]
    labels = clean_choices(kind, choices)
    if kind != "election":
        seats = None
    elif seats is not None and not 1 <= seats <= min(len(labels), election.MAX_SEATS):
        raise DomainError(msg.ELECTION_SEATS_NEEDED.format(max=min(len(labels), election.MAX_SEATS)), field="seats")
    running = open_vote_of(meeting)
    if running is not None:
        raise DomainError(msg.VOTE_ALREADY_OPEN.format(question=running.question))
    same_item = Vote.item_id == item.id if item is not None else Vote.item_id.is_(None)
    held = db.session.scalar(select(Vote.id).where(
        Vote.meeting_id == meeting.id, Vote.status == CLOSED, Vote.question == question, same_item))
    if held is not None:
        raise DomainError(msg.VOTE_ALREADY_HELD.format(question=question))
    vote = Vote(meeting_id=meeting.id, item_id=item.id if item else None, kind=kind, question=question,
                choices=json.dumps(labels, ensure_ascii=False), secret=secret, status=OPEN, seats=seats,
                subject_user_id=getattr(subject, "id", None), opened_by_id=actor_id(), opened_at=utcnow())
    try:
        with db.session.begin_nested():  # two taps at once: the unique index lets one through
            db.session.add(vote)
    except IntegrityError:
        raise DomainError(msg.VOTE_ALREADY_OPEN.format(question=question)) from None
    if secret:
        secret_ballot.start(vote)
    record("vote.opened", org=meeting.cell, target=meeting, summary=f"Mở biểu quyết: {question}")
    notify_members(meeting, NotificationKind.VOTE, msg.NOTIFY_VOTE.format(question=question, title=meeting.title))
    return vote


def own_ballot(vote: Vote, user) -> Ballot | None:
    return db.session.scalar(select(Ballot).where(Ballot.vote_id == vote.id, Ballot.user_id == user.id))


def own_choice(vote: Vote, user) -> int | None:
    """What the member chose while the vote is open; a secret choice only through its key."""
    if vote.secret:
        return secret_ballot.own_choice(vote, user)
    ballot = own_ballot(vote, user)
    return ballot.choice if ballot else None


def _still_open(vote: Vote) -> None:
    """Touches the vote only while it is open: a ballot racing the closing waits for it, then is
    refused, so no ballot lands after the count."""
    touched = db.session.execute(update(Vote).where(Vote.id == vote.id, Vote.status == OPEN)
                                 .values(updated_at=utcnow()).execution_options(synchronize_session=False))
    if touched.rowcount != 1:
        raise DomainError(msg.VOTE_NOT_OPEN)


def cast(vote: Vote, user, choice) -> None:
    """Records `user`'s choice, or changes it, until the vote is closed. An election's choice is
    the list of candidates picked (up to its seats, maybe none), stored as bits."""
    meeting = db.session.get(Meeting, vote.meeting_id)
    check(meeting, Action.CAST_VOTE)
    _check(vote, "cast")
    if vote.seats:
        refused = election.ballot_refusal(choice, len(vote.choice_list), vote.seats)
        if refused:
            raise DomainError(refused, field="choice")
        choice = election.as_bits(choice)
    elif not isinstance(choice, int) or not 0 <= choice < len(vote.choice_list):
        raise DomainError(msg.VOTE_BAD_CHOICE, field="choice")
    problem = rules.voting_refusal(user, meeting.cell_id, user.id in present_ids(meeting), meeting_day(meeting))
    if problem:
        raise DomainError(problem)
    _still_open(vote)
    if vote.secret:
        secret_ballot.record(vote, user, choice)
        return
    ballot = own_ballot(vote, user)
    if ballot is None:
        ballot = Ballot(vote_id=vote.id, user_id=user.id)
        db.session.add(ballot)
    ballot.choice = choice


def election_ballots(vote: Vote, voters: set[int]) -> list[int]:
    """The picks (as bits) of the election's phone ballots of the members in `voters`."""
    if vote.secret:
        return secret_ballot.counted_choices(vote, voters)
    return [bits for user_id, bits in db.session.execute(select(Ballot.user_id, Ballot.choice).where(
        Ballot.vote_id == vote.id).order_by(Ballot.user_id)) if user_id in voters and bits is not None]


def phone_counts(vote: Vote, voters: set[int]) -> list[int]:
    """Phone ballots per choice, of the members in `voters` only."""
    if vote.seats:
        return election.count(election_ballots(vote, voters), len(vote.choice_list))
    if vote.secret:
        return secret_ballot.count(vote, voters)
    counts = [0] * len(vote.choice_list)
    for user_id, choice in db.session.execute(select(Ballot.user_id, Ballot.choice).where(Ballot.vote_id == vote.id)):
        if user_id in voters and choice is not None and 0 <= choice < len(counts):
            counts[choice] += 1
    return counts


def ballots_cast(vote: Vote) -> int:
    """Phone ballots that would count if the vote closed now (no choice is read)."""
    voters = voters_now(db.session.get(Meeting, vote.meeting_id))
    return sum(1 for user_id in db.session.scalars(select(Ballot.user_id).where(Ballot.vote_id == vote.id))
               if user_id in voters)


def close(vote: Vote, hand_counts: list[int] | None = None, hand_ballots: int = 0) -> rules.Outcome:
    """Ends the vote: phone ballots of members entitled to vote now plus the show of hands,
    measured against the base as it stands now, both frozen; the total may never exceed the
    base. A secret vote's choices become counts (secret_ballot.seal). An election's show of hands
    is a count per candidate and how many members voted so (`hand_ballots`)."""
    meeting = db.session.get(Meeting, vote.meeting_id)
    check(meeting, Action.RUN_VOTE)
    target = _check(vote, "close")
    hands = [int(n) for n in (hand_counts or [])] + [0] * len(vote.choice_list)
    hands = hands[:len(vote.choice_list)]
    if any(n < 0 or n > 1000 for n in hands):
        raise DomainError(msg.VOTE_BAD_COUNT, field="hands")
    if vote.seats and (refused := election.hands_refusal(hands, int(hand_ballots or 0), vote.seats)):
        raise DomainError(refused, field="hands")
    closed = db.session.execute(update(Vote).where(Vote.id == vote.id, Vote.status == OPEN)
                                .values(status=target, closed_at=utcnow()).execution_options(synchronize_session=False))
    if closed.rowcount != 1:
        raise DomainError(msg.VOTE_NOT_OPEN)
    if vote.secret:
        secret_ballot.lock_for_closing()
    voters = voters_now(meeting)
    phones = phone_counts(vote, voters)
    totals = [p + h for p, h in zip(phones, hands, strict=True)]
    basis = current_basis(meeting)
    frozen = basis.as_dict()
    if vote.seats:
        # Valid ballots: the phones' of members entitled now (a ballot picking nobody counts)
        # and the members who voted by hand; never more than the base.
        ballots = len(election_ballots(vote, voters)) + int(hand_ballots or 0)
        if ballots > basis.base:
            raise DomainError(msg.ELECTION_BALLOTS_ABOVE_BASE.format(total=ballots, base=basis.base), field="hands")
        frozen["majority_of"] = majority_of()
    elif sum(totals) > basis.base:
        raise DomainError(msg.VOTE_TOTAL_ABOVE_BASE.format(total=sum(totals), base=basis.base), field="hands")
    if vote.secret:
        secret_ballot.seal(vote, phones)
    db.session.refresh(vote)
    vote.hand_counts = json.dumps(hands)
    vote.counts = json.dumps(totals)
    vote.basis = json.dumps(frozen)
    vote.ballots = ballots if vote.seats else None
    outcome = result(vote)
    record("vote.closed", org=meeting.cell, target=meeting, summary=f"{vote.question}: {outcome.sentence}")
    return outcome


def annul(vote: Vote, reason: str) -> None:
    """A closed result is never changed, only annulled; the reason stays in the history."""
    meeting = db.session.get(Meeting, vote.meeting_id)
    check(meeting, Action.RUN_VOTE)
    reason = " ".join((reason or "").split())[:500]
    if not reason:
        raise DomainError(msg.VOTE_ANNUL_REASON, field="reason")
    vote.status = _check(vote, "annul")
    vote.annulled_reason, vote.annulled_at, vote.annulled_by_id = reason, utcnow(), actor_id()
    record("vote.annulled", org=meeting.cell, target=meeting, summary=f"Hủy kết quả “{vote.question}”: {reason}")


def result(vote: Vote) -> rules.Outcome | None:
    """The outcome of a closed (or annulled) vote, from its frozen figures; None while open."""
    if vote.counts is None or vote.basis is None:
        return None
    if vote.seats:
        frozen = json.loads(vote.basis)
        return election.outcome(vote.choice_list, json.loads(vote.counts), vote.ballots or 0, vote.seats,
                                rules.Basis.from_dict(frozen), frozen.get("majority_of", "base"))
    return rules.outcome(vote.kind, vote.choice_list, json.loads(vote.counts),
                         rules.Basis.from_dict(json.loads(vote.basis)))


def votes_on(subject, kind: str | None = None) -> list[Vote]:
    """Closed votes about a member (a rating, a confirmation), oldest first."""
    query = select(Vote).where(Vote.subject_user_id == subject.id, Vote.status == CLOSED)
    if kind:
        query = query.where(Vote.kind == kind)
    return list(db.session.scalars(query.order_by(Vote.closed_at, Vote.id)))
