"""The rules of Quy định 366-QĐ/TW over plain numbers: the level a score decides at every
boundary, with the conditions on tasks; the settings that hold what the summaries leave open;
who is not rated; the review season."""

from datetime import date
from fractions import Fraction

import pytest

from handbook.year.scoring import (
    exemption,
    in_season,
    level_for,
    months_before,
    parse_months,
    parse_percent,
    parse_points,
    parse_weights,
    review_year,
)


@pytest.mark.parametrize(("score", "level"), [
    (100, "excellent"), (90, "excellent"), (89.9, "good"),
    (70, "good"), (69.9, "done"),
    (50, "done"), (49.9, "failed"), (0, "failed"),
])
def test_the_score_decides_the_level_at_each_boundary(score, level):
    # Every task on time and 30% beyond requirement: only the score decides.
    assert level_for(score, late_share=0, beyond_share=0.3) == level


@pytest.mark.parametrize(("beyond", "level"), [(0.3, "excellent"), (0.29, "good"), (Fraction(3, 10), "excellent"),
                                               (Fraction(2, 7), "good"), (1, "excellent"), (0, "good")])
def test_excellent_needs_at_least_30_percent_of_tasks_beyond_requirement(beyond, level):
    assert level_for(95, late_share=0, beyond_share=beyond) == level


def test_excellent_and_good_need_every_task_on_time():
    assert level_for(95, late_share=Fraction(1, 10), beyond_share=0.5) == "done"
    assert level_for(80, late_share=Fraction(1, 10), beyond_share=0) == "done"
    assert level_for(80, late_share=0, beyond_share=0) == "good"


@pytest.mark.parametrize(("late", "level"), [(0.2, "done"), (Fraction(1, 5), "done"), (0.21, "failed"),
                                             (Fraction(1, 4), "failed"), (0, "done")])
def test_done_allows_at_most_20_percent_of_tasks_late(late, level):
    assert level_for(60, late_share=late, beyond_share=0) == level
    assert level_for(85, late_share=late, beyond_share=0) == ("good" if late == 0 else level)


def test_a_deployment_may_ask_of_good_only_what_done_asks():
    assert level_for(80, 0.2, 0, good_needs_all_on_time=False) == "good"
    assert level_for(80, 0.21, 0, good_needs_all_on_time=False) == "failed"


def test_the_points_of_the_groups_are_a_checked_setting():
    assert parse_weights("political=10,ethics=10,discipline=10,tasks=70") == {
        "political": 10, "ethics": 10, "discipline": 10, "tasks": 70}
    assert parse_weights(" tasks=60 , political=15,ethics=15,discipline=10") == {
        "political": 15, "ethics": 15, "discipline": 10, "tasks": 60}
    for bad in ("political=10,ethics=10,discipline=10,tasks=60", "political=10,ethics=10,discipline=80",
                "political=10,ethics=10,discipline=10,tasks=70,extra=0", "political=x,ethics=10,discipline=10,tasks=70",
                "political=10,political=10,discipline=10,tasks=70", ""):
        with pytest.raises(ValueError):
            parse_weights(bad)


def test_a_typed_score_is_a_number_within_its_group_with_one_decimal():
    assert parse_points("8,5", 10) == parse_points("8.5", 10) == parse_points(" 8.50 ", 10)
    assert str(parse_points("10", 10)) == "10.0" and str(parse_points("0", 10)) == "0.0"
    for bad in ("10,1", "-1", "8,55", "", "abc", "NaN", "Infinity", "1e1"):
        assert parse_points(bad, 10) is None, bad
    assert parse_percent("30") == 30 and parse_percent("30 %") == 30
    assert parse_percent("101") is None and parse_percent("-5") is None and parse_percent("2,5") is None


def test_members_exempt_suspended_or_admitted_under_six_months_are_not_rated():
    end = date(2026, 12, 31)
    assert exemption("regular", date(2010, 1, 1), end) is None
    assert exemption("exempt", date(2010, 1, 1), end) == "exempt"
    assert exemption("suspended", None, end) == "suspended"
    assert exemption("away", None, end) is None
    assert exemption("regular", date(2026, 6, 30), end) is None  # six months to the day
    assert exemption("regular", date(2026, 7, 1), end) == "new"
    assert months_before(date(2026, 8, 31), 6) == date(2026, 2, 28)
    assert months_before(date(2026, 3, 15), 6) == date(2025, 9, 15)


def test_the_review_season_and_the_year_it_reviews():
    months = parse_months("12,1")
    assert in_season(date(2026, 12, 6), months) and in_season(date(2027, 1, 20), months)
    assert not in_season(date(2026, 6, 1), months)
    assert review_year(date(2026, 12, 6), months) == 2026
    assert review_year(date(2027, 1, 20), months) == 2026  # January reviews the year just ended
    assert review_year(date(2027, 3, 1), months) == 2027
    with pytest.raises(ValueError):
        parse_months("13")
