"""The fee table of Quy định 01-QĐ/TW (03/02/2026) over plain numbers: each group's due in whole
đồng, halves rounded up, what a treasurer may type, the months recorded, and FEE_RATES."""

import pytest

from handbook import create_app
from handbook.fees.rates import DEFAULT_TABLE, month_allowed, months_of, parse_amount, parse_table
from tests.conftest import TEST_CONFIG


@pytest.mark.parametrize(("group", "base", "due"), [
    ("salaried", 5_310_000, 53_100),  # 1% of last month's insured salary
    ("salaried", 6_235_500, 62_355),
    ("salaried", 5_310_050, 53_101),  # 53,100.5 đ: the half goes up
    ("salaried", 5_310_049, 53_100),  # 53,100.49 đ: down
    ("leave", 4_127_300, 41_273),  # 1% of the sick or maternity benefit
    ("retired", 5_120_300, 25_602),  # 0.5% of the pension: 25,601.5 đ, up
    ("retired", 4_567_891, 22_839),  # 22,839.455 đ, down
    ("retired", 0, 0),
    ("student", None, 5_000),  # a fixed 5,000 đ a month, whatever is typed
    ("abroad", 150_000, 150_000),  # the amount the committee set, written as the base
    ("other", 20_000, 20_000),
])
def test_each_group_owes_its_share_in_whole_dong(group, base, due):
    owed = DEFAULT_TABLE[group].due(base)
    assert owed == due and isinstance(owed, int)


def test_the_table_reads_as_the_regulation_states_it():
    assert [DEFAULT_TABLE[g].text for g in ("salaried", "leave", "retired", "student")] == [
        "1%", "1%", "0,5%", "5.000 đ/tháng"]
    assert not DEFAULT_TABLE["student"].needs_base


def test_fee_rates_set_the_open_groups_and_may_change_the_others():
    table = parse_table("abroad=50000, other=1.5%,retired=0.75%")
    assert table["abroad"].due(None) == 50_000 and not table["abroad"].needs_base
    assert table["other"].due(3_000_000) == 45_000 and table["other"].text == "1,5%"
    assert table["retired"].due(4_000_000) == 30_000
    assert table["salaried"] == DEFAULT_TABLE["salaried"]
    assert parse_table("") == DEFAULT_TABLE


@pytest.mark.parametrize("setting", ["students=5000", "abroad=", "abroad=-5", "abroad=1,5%", "other=0%",
                                     "other=101%", "other=0.125%", "abroad=5 USD", "abroad=0"])
def test_a_wrong_fee_rate_stops_the_app_from_starting(setting):
    with pytest.raises(ValueError, match="FEE_RATES"):
        parse_table(setting)
    with pytest.raises(ValueError, match="FEE_RATES"):
        create_app({**TEST_CONFIG, "SQLALCHEMY_DATABASE_URI": "sqlite://", "FEE_RATES": setting})


@pytest.mark.parametrize(("typed", "amount"), [
    ("5310000", 5_310_000), ("5.310.000", 5_310_000), ("5,310,000", 5_310_000), ("5 310 000", 5_310_000),
    ("53.100 đ", 53_100), ("0", 0), ("", None), ("   ", None),
])
def test_amounts_are_typed_as_whole_dong(typed, amount):
    assert parse_amount(typed) == amount


@pytest.mark.parametrize("typed", ["53,5", "53.1", "-5000", "5e6", "năm nghìn", "1.000,50", "12.34.567", "9" * 30])
def test_anything_but_whole_dong_is_refused(typed):
    with pytest.raises(ValueError):
        parse_amount(typed)


def test_months_run_from_the_regulation_to_a_year_ahead():
    today = (2026, 12)
    assert not month_allowed(2026, 1, today)
    assert month_allowed(2026, 2, today)
    assert month_allowed(2027, 12, today) and not month_allowed(2028, 1, today)
    assert not month_allowed(2026, 13, today) and not month_allowed(2026, 0, today)
    assert months_of(2026, (2026, 5)) == [2, 3, 4, 5]
    assert months_of(2025, today) == []
