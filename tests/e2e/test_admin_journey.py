"""A committee admin on a phone: members imported from a CSV (preview, then confirm), their
one-time passwords shown once, then the dashboard; the 2025 merge in the tree's history, and a
split previewed."""

import re

import pytest
from playwright.sync_api import expect

from handbook.demo import BASE, CELL2, OLD_BASE
from tests.e2e.browser import assert_accessible, login

pytestmark = pytest.mark.e2e

# Into cell 2, which no other journey counts; card numbers no demo member has.
CSV = (
    "Họ và tên;Số thẻ đảng viên;Điện thoại;Ngày sinh;Giới tính;Chi bộ\n"
    f"Vũ Thị Lan;93990001;0913990001;02/09/1985;Nữ;{CELL2}\n"
    f"Đỗ Văn Nam;93990002;0913990002;15/05/1979;Nam;{CELL2}\n"
)


def test_admin_imports_members_and_opens_the_dashboard(page, live_server, tmp_path):
    upload = tmp_path / "dang-vien.csv"
    upload.write_text(CSV, encoding="utf-8")
    login(page, "capuy")

    page.goto("/admin/members")
    assert_accessible(page)
    page.get_by_role("navigation", name="Quản trị").get_by_role("link", name="Nhập CSV").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Nhập đảng viên từ CSV")
    assert_accessible(page)
    page.get_by_label("Tệp CSV danh sách đảng viên").set_input_files(upload)
    page.get_by_role("button", name="Xem trước").click()

    # Nothing is written until the preview is confirmed.
    expect(page.get_by_role("heading", level=1)).to_have_text("Xem trước: 2 dòng")
    expect(page.get_by_role("cell", name="Vũ Thị Lan")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Nhập 2 đảng viên").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Đã nhập 2 đảng viên")
    for name, username in (("Vũ Thị Lan", "93990001"), ("Đỗ Văn Nam", "93990002")):
        row = page.get_by_role("row", name=re.compile(name))
        expect(row.get_by_role("cell", name=username, exact=True)).to_be_visible()
        password = row.locator("code.otp").inner_text()
        assert len(password) >= 8, f"{name}'s one-time password looks too short: {password!r}"
    assert_accessible(page)

    page.get_by_role("navigation", name="Quản trị").get_by_role("link", name="Bảng theo dõi").click()
    expect(page).to_have_url(re.compile(r"/admin/dashboard"))
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert_accessible(page)


def test_admin_sees_the_2025_merge_and_previews_a_split_on_a_phone(page, live_server):
    login(page, "capuy")
    page.goto("/admin/orgs")
    expect(page.get_by_role("link", name=OLD_BASE)).to_have_count(0)  # merged away: history only
    page.get_by_role("link", name=re.compile("Xem cả .* tổ chức đã thôi hoạt động")).click()
    page.get_by_role("link", name=OLD_BASE).click()
    expect(page.get_by_text(f"01/07/2025: sáp nhập vào {BASE}")).to_be_visible()
    assert_accessible(page)

    page.goto("/admin/orgs")
    page.get_by_role("link", name=BASE, exact=True).click()
    split = page.get_by_role("region", name="Tách thành tổ chức mới")
    split.get_by_label("Tên tổ chức mới").fill("Đảng bộ Sở Khoa học (tách)")
    split.get_by_label(CELL2).check()
    split.get_by_role("button", name="Xem trước").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Tách “Đảng bộ Sở Khoa học (tách)”")
    expect(page.get_by_text(f"1 tổ chức trực thuộc chuyển về “Đảng bộ Sở Khoa học (tách)”: {CELL2}")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Thôi, quay lại").click()  # nothing is split
    expect(page.get_by_role("heading", level=1)).to_have_text(BASE)
