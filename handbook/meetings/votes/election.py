"""Elections of several people on one ballot (bầu cử): each ballot picks up to N of a list of
candidates; a candidate is elected with more than half, ranked by votes, and a tie for the last
seat elects no one for it.

Pure functions over plain numbers, like rules.py, so every edge is tested without a database.

Sources (see the README, "Elections"): Quy chế bầu cử trong Đảng (Quyết định 190-QĐ/TW,
10/10/2024, replacing Quyết định 244-QĐ/TW of 2014) and its guidance as published:
- a ballot may pick fewer names than seats, even none, and is still valid; one picking more
  names than seats is invalid (here: refused before it is stored, so never counted);
- at a meeting of all the members (đại hội, hội nghị đảng viên) a candidate needs more than half
  of the cell's official members summoned, less those the vote base leaves out (the same base as
  a resolution, rules.basis_of); where a cell reads it as more than half of the valid ballots
  instead, the setting ELECTION_MAJORITY_OF says "valid_ballots" (handbook/config.py);
- when more candidates pass than there are seats, the most votes win; candidates tied for the
  last seat are voted on again among themselves (the app elects none of them).
"""

from handbook.meetings import messages as msg
from handbook.meetings.votes.rules import Basis, Outcome, percent

# What "more than half" is measured against: the cell's vote base, or the valid ballots.
MAJORITY_OF = ("base", "valid_ballots")
MAX_SEATS = 29  # fewer than the candidates (rules' MAX_CHOICES); the ballot's bits fit an integer


def as_bits(picked) -> int:
    """A ballot's picks (candidate positions) as one integer, bit n for candidate n: what the
    ballot tables store, so an election's ballot is one row like any other."""
    return sum(1 << n for n in set(picked))


def picks_of(bits: int | None, candidates: int) -> list[int]:
    if bits is None:
        return []
    return [n for n in range(candidates) if bits >> n & 1]


def ballot_refusal(picked, candidates: int, seats: int) -> str | None:
    """Why a ballot is refused, or None: each pick one of the list, at most `seats` of them."""
    if not isinstance(picked, list | tuple | set):
        return msg.ELECTION_BAD_PICK
    picked = list(picked)
    if any(not isinstance(n, int) or not 0 <= n < candidates for n in picked) or len(set(picked)) != len(picked):
        return msg.ELECTION_BAD_PICK
    if len(picked) > seats:
        return msg.ELECTION_TOO_MANY.format(seats=seats, picked=len(picked))
    return None


def count(ballots, candidates: int) -> list[int]:
    """Votes per candidate from ballots stored as bits."""
    counts = [0] * candidates
    for bits in ballots:
        for n in picks_of(bits, candidates):
            counts[n] += 1
    return counts


def outcome(choices, counts, ballots: int, seats: int, basis: Basis, majority_of: str = "base") -> Outcome:
    """Who is elected: more than half of the measure, ranked by votes, a tie for the last seat
    leaving that seat (and the tied candidates) to a new round."""
    choices, counts = tuple(choices), tuple(int(c) for c in counts)
    measure = ballots if majority_of == "valid_ballots" else basis.base
    kept = dict(kind="election", choices=choices, counts=counts, basis=basis, seats=seats, ballots=ballots,
                measure=measure, majority_of=majority_of)
    if measure <= 0:
        return Outcome(passed=None, winners=(), sentence=msg.ELECTION_NO_BALLOTS if majority_of == "valid_ballots"
                       else msg.OUTCOME_NO_BASE, **kept)
    passing = sorted((n for n in range(len(choices)) if 2 * counts[n] > measure), key=lambda n: (-counts[n], n))
    elected, tied = passing, []
    if len(passing) > seats:
        last = counts[passing[seats - 1]]
        elected = [n for n in passing if counts[n] > last]
        if counts[passing[seats]] != last:  # the last seat is clear
            elected = passing[:seats]
        else:
            tied = [n for n in passing if counts[n] == last]
    winners = tuple(choices[n] for n in elected)
    need = msg.ELECTION_NEED.format(of=measure, what=msg.ELECTION_OF[majority_of])
    parts = [msg.ELECTION_ELECTED.format(names=", ".join(f"{choices[n]} ({counts[n]} phiếu)" for n in elected))
             if elected else msg.ELECTION_NONE]
    if tied:
        parts.append(msg.ELECTION_TIED.format(names=", ".join(choices[n] for n in tied), votes=counts[tied[0]],
                                              left=seats - len(elected)))
    elif len(elected) < seats:
        parts.append(msg.ELECTION_SHORT.format(left=seats - len(elected)))
    sentence = msg.ELECTION_SENTENCE.format(seats=seats, ballots=ballots, result=" ".join(parts), need=need)
    return Outcome(passed=bool(elected), winners=winners, sentence=sentence,
                   tied=tuple(choices[n] for n in tied), **kept)


def lines(result: Outcome) -> list[str]:
    """One line per candidate, most votes first: 'Trần Thị B: 8 phiếu (53%) — trúng cử'."""
    order = sorted(range(len(result.choices)), key=lambda n: (-result.counts[n], n))
    out = []
    for n in order:
        name, votes = result.choices[n], result.counts[n]
        mark = (msg.ELECTION_MARK_ELECTED if name in result.winners
                else msg.ELECTION_MARK_TIED if name in result.tied else "")
        out.append(f"{name}: {votes} phiếu ({percent(votes, result.measure)}){mark}")
    return out


def hands_refusal(hands: list[int], hand_ballots: int, seats: int) -> str | None:
    """The secretary's show of hands for an election: each candidate at most one hand per member
    voting so, and no member raising a hand for more than `seats` candidates."""
    if hand_ballots < 0 or any(n > hand_ballots for n in hands) or sum(hands) > seats * hand_ballots:
        return msg.ELECTION_HAND_BALLOTS.format(hands=hand_ballots, seats=seats)
    return None
