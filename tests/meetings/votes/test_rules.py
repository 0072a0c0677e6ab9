"""How a cell's vote is counted (votes/rules.py): who is in the base, the thresholds at their
exact edges, probationary members left out, and the sentence that states the outcome."""

from dataclasses import dataclass
from datetime import date

import pytest

from handbook.meetings import messages as msg
from handbook.meetings.votes.rules import Basis, basis_of, outcome, reaches, voting_refusal

DAY = date(2026, 5, 4)


@dataclass
class Member:
    id: int
    admitted_on: date | None = date(2000, 1, 1)
    official_on: date | None = date(2001, 1, 1)
    party_standing: str = "regular"
    cell_id: int = 1

    def is_probationary(self, on):
        return self.admitted_on is not None and (self.official_on is None or self.official_on > on)


def test_more_than_half_means_strictly_more():
    assert not reaches(8, 16, "half")  # exactly half fails
    assert reaches(9, 16, "half")
    assert not reaches(7, 15, "half") and reaches(8, 15, "half")


def test_two_thirds_is_reached_exactly():
    assert reaches(10, 15, "two_thirds")  # exactly two thirds passes
    assert not reaches(9, 15, "two_thirds")
    assert not reaches(13, 20, "two_thirds") and reaches(14, 20, "two_thirds")  # 13.33… is needed


def test_the_base_is_official_members_less_those_away_suspended_and_exempt_absent():
    members = [Member(1), Member(2), Member(3, party_standing="away"), Member(4, party_standing="suspended"),
               Member(5, party_standing="exempt"), Member(6, party_standing="exempt"),
               Member(7, official_on=None), Member(8, official_on=date(2026, 6, 1))]
    basis = basis_of(members, present_ids={1, 5}, on=DAY)
    # 6 official (7 and 8 are probationary on the day); less 1 away, 1 suspended, 1 exempt absent.
    assert basis.official == 6 and basis.base == 3
    assert basis.left_out == {"exempt_absent": 1, "away": 1, "suspended": 1}
    assert "3 đảng viên chính thức (6 của chi bộ, trừ 1 miễn sinh hoạt vắng mặt" in basis.describe()


def test_probationary_members_are_not_in_the_base_and_do_not_vote():
    members = [Member(1), Member(2), Member(3, official_on=None)]
    assert basis_of(members, {1, 2, 3}, DAY).base == 2
    assert voting_refusal(members[2], 1, True, DAY) == msg.VOTE_PROBATIONARY


def test_a_member_without_dates_is_taken_as_official():
    assert basis_of([Member(1, admitted_on=None, official_on=None)], set(), DAY).base == 1


def test_the_base_leaves_out_only_what_the_setting_names():
    members = [Member(1), Member(2, party_standing="away"), Member(3, party_standing="exempt")]
    assert basis_of(members, set(), DAY, excludes=("away",)).base == 2
    assert basis_of(members, set(), DAY, excludes=()).base == 3


@pytest.mark.parametrize("member,present,refusal", [
    (Member(1), True, None),
    (Member(1), False, msg.VOTE_NOT_PRESENT),
    (Member(1, cell_id=2), True, msg.VOTE_OTHER_CELL),
    (Member(1, party_standing="away"), True, msg.VOTE_AWAY),
    (Member(1, party_standing="suspended"), True, msg.VOTE_SUSPENDED),
    (Member(1, party_standing="exempt"), True, None),  # exempt, yet came: votes and counts
])
def test_who_may_vote_by_phone(member, present, refusal):
    assert voting_refusal(member, 1, present, DAY) == refusal


def test_the_outcome_is_stated_in_figures():
    result = outcome("resolution", ("Tán thành", "Không tán thành", "Không biểu quyết"), (12, 2, 1), Basis(15))
    assert result.passed and result.sentence == "Thông qua: 12/15 đảng viên chính thức tán thành (80%)."
    assert result.lines() == ["Tán thành: 12/15 (80%)", "Không tán thành: 2/15 (13%)", "Không biểu quyết: 1/15 (7%)"]
    half = outcome("resolution", ("Tán thành", "Không tán thành", "Không biểu quyết"), (8, 8, 0), Basis(16))
    assert not half.passed and half.sentence == ("Không thông qua: 8/16 đảng viên chính thức tán thành (50%), "
                                                 "cần hơn một nửa.")


def test_admission_needs_two_thirds_of_the_official_members():
    choices = ("Tán thành", "Không tán thành", "Không biểu quyết")
    assert outcome("admission", choices, (10, 5, 0), Basis(15)).passed
    failed = outcome("admission", choices, (9, 6, 0), Basis(15))
    assert not failed.passed and failed.sentence.endswith("(60%), cần ít nhất hai phần ba.")
    assert outcome("confirmation", choices, (10, 0, 0), Basis(16, {"away": 1})).passed


def test_an_election_names_who_reached_more_than_half():
    chosen = outcome("election", ("Nguyễn Văn A", "Trần Thị B"), (9, 6), Basis(15))
    assert chosen.winners == ("Nguyễn Văn A",) and "Nguyễn Văn A (9/15, 60%)" in chosen.sentence
    nobody = outcome("election", ("Nguyễn Văn A", "Trần Thị B"), (7, 7), Basis(15))
    assert not nobody.passed and nobody.sentence.startswith("Không có người hoặc phương án nào")


def test_no_base_no_outcome():
    assert outcome("resolution", ("Tán thành", "Không tán thành"), (0, 0), Basis(0)).passed is None
