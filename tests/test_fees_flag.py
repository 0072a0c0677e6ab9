"""Three months unpaid in a calendar year flag the member to the secretary (the cell decides what
follows), and a member whose month is unrecorded or short is reminded on the home page."""

from handbook.extensions import db
from handbook.fees.access import this_month
from handbook.fees.rates import shift
from tests.conftest import text_of
from tests.fees_factories import fee_cell, record

FLAG = "Chưa đóng từ 3 tháng trở lên trong năm 2026"


def _cell_page(client, w, year=2026) -> str:
    return text_of(client.get(f"/fees/cells/{w['cell'].id}/{year}"))


def test_the_flag_comes_at_exactly_three_unpaid_months_in_the_year(client, auth, make):
    w = fee_cell(make)
    member = w["salaried"]
    record(member, 2026, 3, paid=0)
    record(member, 2026, 4, paid=0)
    record(member, 2026, 5, paid=20_000)  # a short payment is a payment
    record(member, 2026, 6)
    record(member, 2025, 12, paid=0)  # another year
    auth.login("bt")
    page = _cell_page(client, w)
    assert FLAG in page and "Cao Văn Lương" not in page.split(FLAG)[1].split("Quy định 01-QĐ/TW")[0]
    record(member, 2026, 7, paid=0)
    page = _cell_page(client, w)
    assert "Cao Văn Lương : chưa đóng tháng 3, 4, 7" in page


def test_months_recorded_by_a_former_cell_count_too(client, auth, make):
    w = fee_cell(make)
    old = make.org("Chi bộ cũ", "cell", w["base"])
    record(w["retired"], 2026, 2, category="retired", paid=0, cell=old)
    record(w["retired"], 2026, 3, category="retired", paid=0, cell=old)
    record(w["retired"], 2026, 4, category="retired", paid=0)
    auth.login("bt")
    assert "Đinh Văn Hưu : chưa đóng tháng 2, 3, 4" in _cell_page(client, w)


def test_the_secretary_sees_the_flag_at_home_and_the_treasurer_does_not(client, auth, make):
    w = fee_cell(make)
    year, month = this_month()
    for unpaid in (2, 3, 4):  # the count reads the year's records, whatever today is
        record(w["abroad"], year, unpaid, category="abroad", base=100_000, paid=0)
    auth.login("bt")
    home = text_of(client.get("/"))
    assert f"Đảng phí chi bộ tháng {month}/{year}" in home
    assert f"1 đảng viên chưa đóng đảng phí từ 3 tháng trở lên trong năm {year}: Hà Ở Xa" in home
    auth.logout()
    auth.login("tq")
    home = text_of(client.get("/"))
    assert f"Đảng phí chi bộ tháng {month}/{year}" in home and "Hà Ở Xa" not in home
    auth.logout()
    auth.login("xa")
    assert "từ 3 tháng trở lên" not in text_of(client.get("/"))


def test_a_member_is_reminded_while_this_month_is_unrecorded_or_short(client, auth, make):
    w = fee_cell(make)
    year, month = this_month()
    record(w["salaried"], *shift(year, month, -1), base=6_235_500)
    auth.login("luong")
    home = text_of(client.get("/"))
    assert f"Đảng phí tháng {month}/{year} Chưa ghi đảng phí tháng này của đồng chí. Mức tháng trước: 62.355 đ" in home
    assert "/pay" not in client.get("/").get_data(as_text=True)
    short = record(w["salaried"], year, month, base=6_235_500, paid=30_000)
    assert "chi bộ đã ghi: phải đóng 62.355 đ, đã đóng 30.000 đ, còn thiếu 32.355 đ" in text_of(client.get("/")).lower()
    short.paid = short.due
    db.session.commit()
    assert f"Đảng phí tháng {month}/{year}" not in text_of(client.get("/"))


def test_an_account_outside_any_cell_gets_no_reminder(client, auth, make):
    w = fee_cell(make)
    make.user("capuy2", role="admin", role_org=w["bloc"])
    auth.login("capuy2")
    home = text_of(client.get("/"))
    assert "Chưa ghi đảng phí" not in home and "Đảng phí chi bộ" not in home
