"""The month's sheet: the treasurer records a month for the whole cell on one screen; amounts are
exact for each kind of member; a bad row says what is wrong and nothing is saved."""

import re

from sqlalchemy import func, select

from handbook.audit import AuditEntry
from handbook.extensions import db
from handbook.fees.models import FeeRecord
from tests.conftest import text_of
from tests.fees_factories import MONTH, YEAR, fee_cell, record, row, sheet_url


def _records() -> dict[str, FeeRecord]:
    return {r.user.username: r for r in db.session.scalars(select(FeeRecord))}


def _row_text(response, user) -> str:
    """The visible text of one member's row on the sheet."""
    html = response.get_data(as_text=True)
    found = re.search(rf'<li class="fee-row[^"]*" id="member-{user.id}">(.*?)</li>', html, re.S)
    assert found, f"no row for {user.full_name}"
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", found[1]))


def _full_month(w) -> dict:
    """One member of each kind, as a treasurer would type them."""
    return (row(w["secretary"], "salaried", "8.450.000", full=True, channel="portal", reference="DVC-2026-0001")
            | row(w["treasurer"], "salaried", "5,310,050", full=True)
            | row(w["salaried"], "salaried", "6235500", paid="30.000")
            | row(w["leave"], "leave", "4.127.300", full=True)
            | row(w["retired"], "retired", "5.120.300", full=True, extra="20.000")
            | row(w["student"], "student", full=True)
            | row(w["abroad"], "abroad", "150.000")
            | row(w["other"], "other", "20000", full=True))


def test_a_month_for_every_kind_of_member_is_recorded_to_the_dong(client, auth, make):
    w = fee_cell(make)
    auth.login("tq")
    page = client.get(sheet_url(w["cell"]))
    assert page.status_code == 200
    assert all(w[k].full_name in text_of(page) for k in ("salaried", "leave", "retired", "student", "abroad"))

    saved = client.post(sheet_url(w["cell"]), data=_full_month(w))
    assert saved.status_code == 302 and saved.location.endswith(f"{sheet_url(w['cell'])}/report")
    found = _records()
    amounts = {name: (r.category, r.base, r.share, r.due, r.paid, r.extra, r.channel) for name, r in found.items()}
    assert amounts == {
        "bt": ("salaried", 8_450_000, 100, 84_500, 84_500, 0, "portal"),
        "tq": ("salaried", 5_310_050, 100, 53_101, 53_101, 0, "cash"),  # 53,100.5 đ rounded up
        "luong": ("salaried", 6_235_500, 100, 62_355, 30_000, 0, "cash"),
        "thaisan": ("leave", 4_127_300, 100, 41_273, 41_273, 0, "cash"),
        "huu": ("retired", 5_120_300, 50, 25_602, 25_602, 20_000, "cash"),  # 25,601.5 đ up; 20,000 đ of his own will
        "sv": ("student", None, None, 5_000, 5_000, 0, "cash"),
        "xa": ("abroad", 150_000, 10_000, 150_000, 0, 0, ""),  # nothing paid: nowhere
        "tudo": ("other", 20_000, 10_000, 20_000, 20_000, 0, "cash"),
    }
    assert found["bt"].reference == "DVC-2026-0001"
    assert {r.recorded_by.username for r in found.values()} == {"tq"}
    assert all(r.cell_id == w["cell"].id and (r.year, r.month) == (YEAR, MONTH) for r in found.values())

    report = text_of(client.get(saved.location))
    assert f"Đã lưu đảng phí tháng {MONTH}/{YEAR}: 8 dòng thay đổi; cả tháng đã thu 279.476 đ." in report
    assert "Phải đóng 441.831 đ" in report and "Đã đóng 259.476 đ (6 đóng đủ)" in report
    assert "Tự nguyện thêm 20.000 đ" in report and "Tổng đã thu 279.476 đ" in report
    assert "Cao Văn Lương: còn thiếu 32.355 đ" in report and "Hà Ở Xa: chưa đóng 150.000 đ" in report
    assert "qua Cổng 84.500 đ" in report and "tiền mặt 194.976 đ" in report
    entry = db.session.scalar(select(AuditEntry).where(AuditEntry.action == "fees.recorded"))
    assert entry.actor_id == w["treasurer"].id and entry.org_id == w["cell"].id


def test_bad_rows_each_say_what_is_wrong_and_nothing_is_saved(client, auth, make):
    w = fee_cell(make)
    auth.login("bt")
    data = (row(w["secretary"], "salaried", "8.450.000", full=True)  # good: kept as typed, not saved
            | row(w["treasurer"], "salaried", "")
            | row(w["salaried"], "salaried", "5,5 triệu")
            | row(w["leave"], "bogus", "4.000.000")
            | row(w["retired"], "retired", "5.000.000", paid="30.000")
            | row(w["student"], "student", full=True, paid="4.000")
            | row(w["abroad"], "abroad", "150.000", paid="100.000", channel="portal")
            | row(w["other"], "other", "20000", paid="10000", extra="5000"))
    answer = client.post(sheet_url(w["cell"]), data=data)
    assert answer.status_code == 400
    assert db.session.scalar(select(func.count(FeeRecord.id))) == 0
    assert "Còn 7 dòng chưa đúng (tô đỏ bên dưới); chưa lưu dòng nào." in text_of(answer)
    assert ("Hãy nhập căn cứ tính: Tiền lương đóng BHXH tháng trước (số nguyên đồng)."
            in _row_text(answer, w["treasurer"]))
    assert "hãy nhập số nguyên đồng, ví dụ 5.310.000" in _row_text(answer, w["salaried"])
    assert "Hãy chọn đối tượng đóng đảng phí." in _row_text(answer, w["leave"])
    assert ("Số đã đóng (30.000 đ) vượt mức phải đóng (25.000 đ); phần đóng thêm ghi ở ô “Tự nguyện đóng thêm”."
            in _row_text(answer, w["retired"]))
    assert ("Đã đánh dấu “Đóng đủ” nhưng số đã đóng (4.000 đ) khác mức phải đóng (5.000 đ)."
            in _row_text(answer, w["student"]))
    assert "Đóng trên Cổng Dịch vụ công quốc gia: hãy nhập mã giao dịch." in _row_text(answer, w["abroad"])
    assert ("Phần tự nguyện đóng thêm chỉ ghi khi đã đóng đủ mức phải đóng (20.000 đ)."
            in _row_text(answer, w["other"]))
    good = _row_text(answer, w["secretary"])
    assert "phải đóng 84.500 đ" in good and "Hãy" not in good
    assert 'value="5,5 triệu"' in answer.get_data(as_text=True)  # what was typed stays to be corrected


def test_a_bad_portal_reference_or_long_note_is_refused(client, auth, make):
    w = fee_cell(make)
    auth.login("tq")
    answer = client.post(sheet_url(w["cell"]), data=row(w["secretary"], "salaried", "8.450.000", full=True,
                                                         channel="portal", reference="mã <script>")
                         | row(w["treasurer"], "salaried", "5.000.000", note="x" * 201))
    assert answer.status_code == 400 and db.session.scalar(select(func.count(FeeRecord.id))) == 0
    assert "Mã giao dịch chỉ gồm chữ, số" in _row_text(answer, w["secretary"])
    assert "Ghi chú tối đa 200 ký tự." in _row_text(answer, w["treasurer"])


def test_the_sheet_starts_from_each_members_last_month(client, auth, make):
    w = fee_cell(make)
    record(w["salaried"], YEAR, MONTH - 2, base=6_235_500)
    record(w["salaried"], YEAR, MONTH - 1, base=6_300_000)  # the latest before the month wins
    record(w["retired"], YEAR, MONTH - 1, category="retired", base=5_120_300)
    auth.login("tq")
    page = client.get(sheet_url(w["cell"]))
    salaried, retired = _row_text(page, w["salaried"]), _row_text(page, w["retired"])
    assert "phải đóng 63.000 đ" in salaried and "Hưởng lương hưu · 0,5% → phải đóng 25.602 đ" in retired
    html = page.get_data(as_text=True)
    assert f'name="base-{w["salaried"].id}" inputmode="numeric" autocomplete="off" value="6.300.000"' in html
    assert re.search(rf'name="category-{w["retired"].id}".*?<option value="retired" selected>', html, re.S)
    # Nothing is recorded by opening the sheet: the month is still unrecorded.
    assert db.session.scalar(select(func.count(FeeRecord.id)).where(FeeRecord.month == MONTH)) == 0


def test_saving_again_changes_only_the_rows_that_changed(client, auth, make):
    w = fee_cell(make)
    first = row(w["secretary"], "salaried", "8.450.000", full=True) | row(w["student"], "student")
    auth.login("tq")
    client.post(sheet_url(w["cell"]), data=first)
    before = {r.user.username: (r.recorded_by_id, r.recorded_at) for r in _records().values()}
    auth.logout()
    auth.login("bt")
    page = client.get(sheet_url(w["cell"]))
    assert 'name="full-{}" value="1" checked'.format(w["secretary"].id) in page.get_data(as_text=True)
    again = client.post(sheet_url(w["cell"]), data=first | row(w["student"], "student", full=True))
    saved = text_of(client.get(again.location))
    assert "Đã lưu đảng phí tháng 5/2026: 1 dòng thay đổi; cả tháng đã thu 89.500 đ." in saved
    after = _records()
    assert (after["bt"].recorded_by_id, after["bt"].recorded_at) == before["bt"]
    assert after["sv"].recorded_by_id == w["secretary"].id and after["sv"].paid == 5_000
    unchanged = client.post(sheet_url(w["cell"]), data=first | row(w["student"], "student", full=True))
    assert "Không có gì thay đổi" in text_of(client.get(unchanged.location))
    assert db.session.scalar(select(func.count(AuditEntry.id)).where(AuditEntry.action == "fees.recorded")) == 2


def test_a_month_another_cell_recorded_is_shown_and_left_alone(client, auth, make):
    w = fee_cell(make)
    old_cell = make.org("Chi bộ cũ", "cell", w["base"])
    record(w["salaried"], cell=old_cell, base=7_000_000)  # paid there, then moved here
    auth.login("tq")
    page = client.get(sheet_url(w["cell"]))
    assert "Tháng này đã được ghi ở Chi bộ cũ" in _row_text(page, w["salaried"])
    client.post(sheet_url(w["cell"]), data=row(w["salaried"], "salaried", "1.000.000")
                | row(w["student"], "student", full=True))
    moved = _records()["luong"]
    assert (moved.cell_id, moved.due) == (old_cell.id, 70_000)


def test_months_outside_the_regulation_are_refused_with_a_sentence(client, auth, make):
    w = fee_cell(make)
    auth.login("tq")
    for year, month in ((2026, 1), (2030, 1), (2026, 13)):
        answer = client.get(sheet_url(w["cell"], year, month))
        assert answer.status_code == 400
        assert "từ tháng 02/2026 đến 12 tháng sau tháng này" in text_of(answer)
