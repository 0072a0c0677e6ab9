"""How a cell's vote is counted: who votes, the base the result is measured against, the
threshold each kind of vote must reach, and the sentence that states the outcome.

Pure functions over plain numbers and member records, so every edge (exactly half, exactly
two thirds, probationary members left out) is tested without a database.

Sources (see DOMAIN.md):
- Điều lệ Đảng: a resolution passes with more than half of the members in favour; admitting a
  member and confirming a probationary one as official need at least two thirds of the cell's
  official members (Điều 4); probationary members do not vote (Điều 3).
- The base: the official members of the cell, less those temporarily moved to another cell,
  those suspended or under prosecution, and those exempt from meetings who are absent. This was
  Quy định 24-QĐ/TW §9.3.2, replaced by Quy định 294-QĐ/TW (26/05/2025); since the rule may be
  read differently as guidance changes, what the base leaves out is the setting
  VOTE_BASE_EXCLUDES (handbook/config.py), not code.
"""

from dataclasses import dataclass, field
from datetime import date

from handbook.meetings import messages as msg

# Kinds of vote: what is decided, and the share of the base the winning choice needs.
MORE_THAN_HALF = "half"
TWO_THIRDS = "two_thirds"
KINDS = {
    "resolution": ("Thông qua nghị quyết, nội dung", MORE_THAN_HALF),
    "admission": ("Đề nghị kết nạp đảng viên", TWO_THIRDS),
    "confirmation": ("Công nhận đảng viên chính thức", TWO_THIRDS),
    "election": ("Bầu (danh sách người)", MORE_THAN_HALF),
    "rating": ("Xếp loại đảng viên", MORE_THAN_HALF),
}
# Yes/no votes: the first choice is "in favour"; the others name a person or a level.
YES_NO = ("resolution", "admission", "confirmation")
DEFAULT_CHOICES = ("Tán thành", "Không tán thành", "Không biểu quyết")
EXCLUSIONS = ("exempt_absent", "away", "suspended")  # what the base may leave out
EXCLUSION_LABELS = {"exempt_absent": "miễn sinh hoạt vắng mặt", "away": "sinh hoạt tạm thời nơi khác",
                    "suspended": "đình chỉ sinh hoạt, bị khởi tố, truy tố, tạm giam"}


@dataclass(frozen=True)
class Basis:
    """The cell's official members and those the base leaves out; `base` is what a result is
    measured against."""

    official: int
    left_out: dict[str, int] = field(default_factory=dict)

    @property
    def base(self) -> int:
        return max(0, self.official - sum(self.left_out.values()))

    def as_dict(self) -> dict:
        return {"official": self.official, "left_out": dict(self.left_out)}

    @classmethod
    def from_dict(cls, data: dict) -> "Basis":
        return cls(int(data.get("official", 0)), {k: int(v) for k, v in data.get("left_out", {}).items()})

    def describe(self) -> str:
        """'15 đảng viên chính thức (17 của chi bộ, trừ 1 miễn sinh hoạt vắng mặt, 1 …)'"""
        parts = [f"{n} {EXCLUSION_LABELS[k]}" for k, n in self.left_out.items() if n]
        if not parts:
            return msg.BASIS_PLAIN.format(base=self.base)
        return msg.BASIS_LESS.format(base=self.base, official=self.official, less=", ".join(parts))


def is_official(member, on: date) -> bool:
    return not member.is_probationary(on)


def basis_of(members, present_ids: set[int], on: date, excludes: tuple[str, ...] = EXCLUSIONS) -> Basis:
    """The base of a vote of the cell whose active members are `members`; `present_ids` are
    those marked present at the meeting."""
    official = [m for m in members if is_official(m, on)]
    counted = {
        "exempt_absent": sum(1 for m in official if m.party_standing == "exempt" and m.id not in present_ids),
        "away": sum(1 for m in official if m.party_standing == "away"),
        "suspended": sum(1 for m in official if m.party_standing == "suspended"),
    }
    return Basis(len(official), {k: counted[k] for k in EXCLUSIONS if k in excludes})


def voting_refusal(member, cell_id: int, present: bool, on: date) -> str | None:
    """Why `member` may not vote by phone at this meeting, or None: official, present, in the
    cell, neither away nor suspended."""
    if member.cell_id != cell_id:
        return msg.VOTE_OTHER_CELL
    if member.is_probationary(on):
        return msg.VOTE_PROBATIONARY
    if member.party_standing == "away":
        return msg.VOTE_AWAY
    if member.party_standing == "suspended":
        return msg.VOTE_SUSPENDED
    if not present:
        return msg.VOTE_NOT_PRESENT
    return None


def reaches(count: int, base: int, threshold: str) -> bool:
    """More than half, or at least two thirds, in whole numbers (no rounding at the edges)."""
    if base <= 0:
        return False
    if threshold == TWO_THIRDS:
        return 3 * count >= 2 * base
    return 2 * count > base


def percent(count: int, base: int) -> str:
    return f"{round(100 * count / base)}%" if base else "—"


@dataclass(frozen=True)
class Outcome:
    kind: str
    choices: tuple[str, ...]
    counts: tuple[int, ...]
    basis: Basis
    passed: bool | None  # yes/no votes: passed; lists: whether one choice reached the threshold
    winners: tuple[str, ...]
    sentence: str
    # An election of several people (election.py): seats to fill, valid ballots, what more than
    # half is measured against (and which), candidates tied for the last seat.
    seats: int = 0
    ballots: int = 0
    measure: int = 0
    majority_of: str = ""
    tied: tuple[str, ...] = ()

    @property
    def total(self) -> int:
        return sum(self.counts)

    def lines(self) -> list[str]:
        """One line per choice: 'Tán thành: 12/15 (80%)'."""
        if self.seats:
            from handbook.meetings.votes import election  # it builds on this module
            return election.lines(self)
        base = self.basis.base
        return [f"{choice}: {count}/{base} ({percent(count, base)})" for choice, count in zip(self.choices,
                                                                                            self.counts, strict=True)]


def outcome(kind: str, choices, counts, basis: Basis) -> Outcome:
    """The result in figures and in the sentence the page and the minutes state."""
    choices, counts = tuple(choices), tuple(int(c) for c in counts)
    threshold = KINDS[kind][1]
    base = basis.base
    if base <= 0:
        return Outcome(kind, choices, counts, basis, None, (), msg.OUTCOME_NO_BASE)
    need = msg.NEED_TWO_THIRDS if threshold == TWO_THIRDS else msg.NEED_HALF
    if kind in YES_NO:
        yes = counts[0]
        passed = reaches(yes, base, threshold)
        template = msg.OUTCOME_PASSED if passed else msg.OUTCOME_FAILED
        sentence = template.format(yes=yes, base=base, percent=percent(yes, base), need=need)
        return Outcome(kind, choices, counts, basis, passed, (choices[0],) if passed else (), sentence)
    winners = tuple(c for c, n in zip(choices, counts, strict=True) if reaches(n, base, threshold))
    if winners:
        sentence = msg.OUTCOME_CHOSEN.format(names=", ".join(
            f"{c} ({n}/{base}, {percent(n, base)})" for c, n in zip(choices, counts, strict=True) if c in winners),
            need=need)
    else:
        sentence = msg.OUTCOME_NONE_CHOSEN.format(need=need)
    return Outcome(kind, choices, counts, basis, bool(winners), winners, sentence)
