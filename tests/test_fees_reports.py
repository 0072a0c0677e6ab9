"""The cell's monthly report to the committee (on screen, printed, CSV) and the committee's sum
over the cells of its subtree: every figure is the records' exact sum in đồng."""

import csv
import io

from handbook.admin.members import move_member
from handbook.extensions import db
from tests.conftest import text_of
from tests.fees_factories import MONTH, YEAR, fee_cell, record, sheet_url


def _month(w):
    """Six of the eight members recorded: two paid in full, one short, one nothing, one extra."""
    record(w["secretary"], base=8_450_000, channel="portal")  # 84,500
    record(w["treasurer"], base=5_310_050)  # 53,101
    record(w["salaried"], base=6_235_500, paid=30_000)  # owes 32,355
    record(w["retired"], category="retired", base=5_120_300, extra=20_000)  # 25,602 + 20,000
    record(w["student"], category="student")  # 5,000
    record(w["abroad"], category="abroad", base=150_000, paid=0)  # owes 150,000


def _csv(response) -> list[list[str]]:
    body = response.get_data(as_text=True)
    assert response.mimetype == "text/csv" and body.startswith("\ufeff")
    return list(csv.reader(io.StringIO(body[1:], newline="")))


def test_the_cells_report_adds_up_to_the_dong(client, auth, make):
    w = fee_cell(make)
    _month(w)
    auth.login("bt")
    page = text_of(client.get(sheet_url(w["cell"]) + "/report"))
    assert "Đảng viên đã ghi 6 (chưa ghi 2)" in page
    assert "Phải đóng 380.558 đ" in page and "Đã đóng 198.203 đ (4 đóng đủ)" in page
    assert "Tự nguyện thêm 20.000 đ" in page and "Tổng đã thu 218.203 đ ; qua Cổng 84.500 đ, tiền mặt 133.703 đ" in page
    assert "Chưa đóng đủ (2) Cao Văn Lương: còn thiếu 32.355 đ Hà Ở Xa: chưa đóng 150.000 đ" in page
    assert "Chưa ghi (2) Đào Thị Sản, Khúc Tự Do" in page
    printed = client.get(sheet_url(w["cell"]) + "/report?print=1")
    assert "BÁO CÁO THU ĐẢNG PHÍ THÁNG 5/2026" in text_of(printed) and "Tổng đã thu 218.203 đ" in text_of(printed)
    assert 'class="mainnav"' not in printed.get_data(as_text=True)


def test_the_report_keeps_a_member_who_moved_away_after_paying(client, auth, make):
    w = fee_cell(make)
    _month(w)
    move_member(w["salaried"], make.org("Chi bộ mới", "cell", w["base"]))
    db.session.commit()
    auth.login("bt")
    page = text_of(client.get(sheet_url(w["cell"]) + "/report"))
    assert "Cao Văn Lương: còn thiếu 32.355 đ" in page and "Phải đóng 380.558 đ" in page


def test_the_reports_csv_has_each_member_and_the_sums_in_whole_dong(client, auth, make):
    w = fee_cell(make)
    _month(w)
    auth.login("tq")
    response = client.get(sheet_url(w["cell"]) + "/report.csv")
    name = f"dang-phi-2026-05-chi-bo-{w['cell'].id}.csv"
    assert response.headers["Content-Disposition"] == f'attachment; filename="{name}"'
    rows = _csv(response)
    assert rows[0] == ["Báo cáo đảng phí tháng 5/2026", "Chi bộ Khu phố 3"]
    assert rows[2][:8] == ["Đảng viên", "Đối tượng", "Căn cứ (đồng)", "Tỷ lệ hoặc mức", "Phải đóng (đồng)",
                           "Đã đóng (đồng)", "Tự nguyện đóng thêm (đồng)", "Còn thiếu (đồng)"]
    lines = {r[0]: r for r in rows[3:9]}
    assert lines["Cao Văn Lương"][2:9] == ["6235500", "1%", "62355", "30000", "0", "32355", "Tiền mặt cho chi bộ"]
    assert lines["Đinh Văn Hưu"][2:8] == ["5120300", "0,5%", "25602", "25602", "20000", "0"]
    assert lines["Giáp Sinh Viên"][2:6] == ["", "5.000 đ/tháng", "5000", "5000"]
    assert lines["Hà Ở Xa"][3:9] == ["mức cấp ủy hướng dẫn", "150000", "0", "0", "150000", ""]
    sums = {r[0]: r[1] for r in rows[10:] if r}
    assert sums == {"Số đảng viên đã ghi": "6", "Phải đóng": "380558", "Đã đóng": "198203",
                    "Tự nguyện đóng thêm": "20000", "Tổng đã thu": "218203", "Chưa đóng": "Hà Ở Xa",
                    "Chưa ghi": "Đào Thị Sản, Khúc Tự Do"}


def test_the_committee_sums_the_cells_of_its_subtree(client, auth, make):
    w = fee_cell(make)
    _month(w)
    second = make.org("Chi bộ Khu phố 4", "cell", w["base"])
    make.user("kp4", cell=second)
    record(make.user("kp4b", cell=second), base=3_000_000)  # 30,000
    make.org("Chi bộ Khu phố 5", "cell", w["base"])  # recorded nothing
    far = make.org("Chi bộ ngoài", "cell", make.org("Đảng bộ khác", "bloc"))
    record(make.user("far", cell=far), base=9_000_000)  # not the committee's
    make.user("cu", role="admin", role_org=w["bloc"])
    auth.login("cu")
    page = text_of(client.get(f"/fees/committee/{YEAR}/{MONTH}"))
    assert "Đảng bộ thử : 7 đảng viên đã ghi, đã thu 248.203 đ." in page
    assert "Chi bộ Khu phố 3 6 380.558 đ 198.203 đ 20.000 đ 218.203 đ 1" in page
    assert "Chi bộ Khu phố 4 1 30.000 đ 30.000 đ 0 đ 30.000 đ 0" in page
    assert "Chi bộ Khu phố 5 Chưa ghi" in page and "Chi bộ ngoài" not in page
    assert "Tổng cộng 7 410.558 đ 228.203 đ 20.000 đ 248.203 đ 1" in page
    rows = _csv(client.get(f"/fees/committee/{YEAR}/{MONTH}.csv"))
    assert rows[-1] == ["Tổng cộng", "7", "410558", "228203", "20000", "248203", "1"]
    assert ["Chi bộ Khu phố 5", "0", "0", "0", "0", "0", "0"] in rows


def test_the_committee_may_narrow_to_a_branch_but_not_reach_outside(client, auth, make):
    w = fee_cell(make)
    _month(w)
    other_base = make.org("Đảng bộ cơ sở khác", "base", w["bloc"])
    record(make.user("x1", cell=make.org("Chi bộ khác", "cell", other_base)), base=1_000_000)
    make.user("cu", role="admin", role_org=w["bloc"])
    auth.login("cu")
    page = text_of(client.get(f"/fees/committee/{YEAR}/{MONTH}?org={w['base'].id}"))
    assert "Chi bộ Khu phố 3" in page and "Chi bộ khác" not in page
    elsewhere = make.org("Đảng bộ khác", "bloc")
    assert client.get(f"/fees/committee/{YEAR}/{MONTH}?org={elsewhere.id}").status_code == 404
    assert client.get(f"/fees/committee/{YEAR}/{MONTH}?org=abc").status_code == 200
