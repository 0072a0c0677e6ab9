"""Counting an election of several people (handbook/meetings/votes/election.py) at its edges:
exactly half is not elected, the most votes fill the seats, a tie for the last seat elects no
one for it, a ballot of more names than seats is refused, a blank ballot still counts."""

from handbook.meetings.votes.election import as_bits, ballot_refusal, count, hands_refusal, outcome, picks_of
from handbook.meetings.votes.rules import Basis

NAMES = ("Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung")


def test_exactly_half_is_not_elected_one_more_is():
    half = outcome(NAMES, (5, 5, 4, 0), ballots=10, seats=2, basis=Basis(10))
    assert half.winners == () and not half.passed
    assert "Chưa có người trúng cử." in half.sentence and "Còn thiếu 2 người: cần bầu lại" in half.sentence
    more = outcome(NAMES, (6, 5, 4, 0), ballots=10, seats=2, basis=Basis(10))
    assert more.winners == ("Nguyễn Văn An",) and "Còn thiếu 1 người" in more.sentence


def test_more_than_half_of_the_base_by_default_of_the_valid_ballots_when_set():
    # 12 official members counted, 9 voted: 6 votes is more than half of the ballots, not of the base.
    by_base = outcome(NAMES, (7, 6, 2, 1), ballots=9, seats=2, basis=Basis(12))
    assert by_base.winners == ("Nguyễn Văn An",) and "hơn một nửa của 12 đảng viên chính thức" in by_base.sentence
    by_ballots = outcome(NAMES, (7, 6, 2, 1), ballots=9, seats=2, basis=Basis(12), majority_of="valid_ballots")
    assert by_ballots.winners == ("Nguyễn Văn An", "Trần Thị Bình") and "của 9 phiếu hợp lệ" in by_ballots.sentence


def test_the_most_votes_fill_the_seats_in_order():
    result = outcome(NAMES, (7, 9, 8, 6), ballots=10, seats=2, basis=Basis(10))
    assert result.winners == ("Trần Thị Bình", "Lê Văn Cường") and result.tied == ()
    assert result.lines() == ["Trần Thị Bình: 9 phiếu (90%) — trúng cử", "Lê Văn Cường: 8 phiếu (80%) — trúng cử",
                              "Nguyễn Văn An: 7 phiếu (70%)", "Phạm Thị Dung: 6 phiếu (60%)"]
    assert result.sentence == ("Bầu 2 người, 10 phiếu hợp lệ; trúng cử cần hơn một nửa của 10 đảng viên chính thức "
                               "được tính. Trúng cử: Trần Thị Bình (9 phiếu), Lê Văn Cường (8 phiếu).")


def test_a_tie_for_the_last_seat_elects_no_one_for_it():
    result = outcome(NAMES, (9, 7, 7, 2), ballots=10, seats=2, basis=Basis(10))
    assert result.winners == ("Nguyễn Văn An",) and result.tied == ("Trần Thị Bình", "Lê Văn Cường")
    assert "bằng phiếu nhau (7 phiếu)" in result.sentence and "cần bầu lại" in result.sentence
    assert "Lê Văn Cường: 7 phiếu (70%) — bằng phiếu, cần bầu lại" in result.lines()
    all_tied = outcome(NAMES, (8, 8, 8, 0), ballots=10, seats=2, basis=Basis(10))
    assert all_tied.winners == () and len(all_tied.tied) == 3 and "cho 2 chỗ còn lại" in all_tied.sentence
    # A tie below the last seat changes nothing.
    clear = outcome(NAMES, (9, 8, 6, 6), ballots=10, seats=2, basis=Basis(10))
    assert clear.winners == ("Nguyễn Văn An", "Trần Thị Bình") and clear.tied == ()


def test_a_ballot_picks_up_to_the_seats_and_may_pick_no_one():
    assert ballot_refusal([0, 2], 4, 2) is None and ballot_refusal([], 4, 2) is None
    assert ballot_refusal([0, 1, 2], 4, 2) == ("Phiếu bầu quá số lượng: chỉ được chọn tối đa 2 người "
                                               "(đồng chí đã chọn 3).")
    assert ballot_refusal([4], 4, 2) == "Phiếu bầu chỉ được chọn người có trong danh sách bầu cử."
    assert ballot_refusal([-1], 4, 2) and ballot_refusal([1, 1], 4, 2) and ballot_refusal(3, 4, 2)
    assert picks_of(as_bits([3, 0]), 4) == [0, 3] and picks_of(as_bits([]), 4) == []
    assert count([as_bits([0, 1]), as_bits([1]), as_bits([])], 4) == [1, 2, 0, 0]


def test_the_show_of_hands_fits_the_members_who_raised_them():
    assert hands_refusal([3, 2, 1, 0], 3, 2) is None
    assert hands_refusal([4, 0, 0, 0], 3, 2)  # more hands for one candidate than members voting
    assert hands_refusal([3, 3, 1, 0], 3, 2)  # three members cannot raise seven hands for two seats
    assert hands_refusal([1, 0, 0, 0], 0, 2)


def test_no_ballot_no_result():
    assert outcome(NAMES, (0, 0, 0, 0), ballots=0, seats=2, basis=Basis(0)).passed is None
    empty = outcome(NAMES, (0, 0, 0, 0), ballots=0, seats=2, basis=Basis(5), majority_of="valid_ballots")
    assert empty.passed is None and "không có phiếu hợp lệ" in empty.sentence
