"""The member's year on a phone, by Quy định 366-QĐ/TW: in the review season the year is in the
member's navigation; the commitment autosaves and is offered for submission without pressing
"Lưu"; the self-review opens prefilled with their attendance and takes the points they propose;
the secretary scores them (nothing chosen in advance), the level follows, and "Chốt" asks for
confirmation with the cap's arithmetic; the committee reads the year's table."""

import re
from datetime import timedelta

import pytest
from playwright.sync_api import expect

from tests.e2e.browser import assert_accessible, assert_no_horizontal_scroll, login, logout
from tests.e2e.data import add_meeting

pytestmark = pytest.mark.e2e

SLOW = 20_000
SEASON = (12, 1)  # YEAR_REVIEW_MONTHS' default


def _attended(server, username: str, meeting_id: int) -> None:
    from sqlalchemy import select

    from handbook.auth.models import User
    from handbook.extensions import db
    from handbook.meetings.models import Attendance

    def mark():
        user = db.session.scalar(select(User).where(User.username == username))
        db.session.add(Attendance(meeting_id=meeting_id, user_id=user.id, status="present"))
        db.session.commit()

    server.run_in_app(mark)


def _open_the_year(page) -> None:
    """As a member finds it: on the bottom bar during the season, else from the account page."""
    from handbook.models_base import utcnow
    from handbook.timefmt import to_vn

    entry = page.locator("nav.mainnav").get_by_role("link", name="Năm của tôi")
    if to_vn(utcnow()).month in SEASON:
        expect(entry).to_be_visible()
        expect(page.locator("#tu-kiem-diem")).to_contain_text("Tự kiểm điểm năm")
        entry.click()
    else:
        expect(entry).to_be_hidden()
        page.goto("/account")
        page.get_by_role("link", name=re.compile("Mở trang năm")).click()


def test_a_members_year_from_commitment_to_the_committees_table(page, live_server):
    from handbook.models_base import utcnow

    live_server.create_user("namtv", full_name="Trần Văn Năm")
    held = add_meeting(live_server, "Sinh hoạt chi bộ cuối năm", utcnow() - timedelta(hours=2), ["Khai mạc"],
                       status="held")
    _attended(live_server, "namtv", held)

    login(page, "namtv")
    _open_the_year(page)
    expect(page).to_have_url(re.compile(r"/year/\d{4}$"))
    year = page.url.rsplit("/", 1)[1]
    assert_accessible(page)

    # The commitment starts from the template; autosave alone stores it and offers submitting.
    page.get_by_role("link", name="Viết bản cam kết").click()
    expect(page.get_by_role("button", name="Nộp bản cam kết cho chi bộ")).to_have_count(0)
    page.get_by_label("Bản cam kết").fill("1. Học Quy định 08-QĐi/TW mỗi tháng.\n2. Ở nơi cư trú: tham gia tổ dân phố.")
    expect(page.locator("#paper-status")).to_contain_text("Đã lưu lúc", timeout=SLOW)
    assert_no_horizontal_scroll(page)
    page.get_by_role("button", name="Nộp bản cam kết cho chi bộ").click()
    expect(page.get_by_text(f"Đã nộp bản cam kết năm {year}")).to_be_visible(timeout=SLOW)
    assert_accessible(page)

    # The self-review names the meetings attended, saves as they type, and takes proposed points.
    page.goto(f"/year/{year}/review")
    expect(page.locator("#so-lieu")).to_contain_text(re.compile(r"Dự 1/\d+ buổi sinh hoạt"))
    expect(page.get_by_label("Mẫu bản kiểm điểm")).to_have_value("2A")
    expect(page.get_by_label("Về ý thức tổ chức kỷ luật")).to_have_value(re.compile(r"Dự 1/\d+ buổi"))
    page.get_by_label("Về phẩm chất đạo đức, lối sống").fill("Giản dị, gần gũi quần chúng.")
    page.get_by_label("Về việc thực hiện cam kết").fill("Học đủ các văn bản đã hẹn.")
    page.get_by_label("Hạn chế, khuyết điểm").fill("Còn ngại phát biểu; năm tới chuẩn bị ý kiến trước.")
    for label, points in (("Tư tưởng chính trị", "9"), ("Phẩm chất đạo đức, lối sống, trách nhiệm nêu gương", "9"),
                          ("Ý thức tổ chức kỷ luật, tự phê bình và phê bình", "8,5"),
                          ("Kết quả thực hiện nhiệm vụ được giao", "60"), ("Nhiệm vụ hoàn thành vượt mức", "10")):
        page.get_by_label(label, exact=label != "Nhiệm vụ hoàn thành vượt mức").fill(points)
    expect(page.locator("#proposal")).to_contain_text("86,5/100 → Hoàn thành tốt nhiệm vụ", timeout=SLOW)
    assert_no_horizontal_scroll(page)
    assert_accessible(page)
    page.get_by_role("button", name="Nộp bản tự kiểm điểm").click()
    expect(page.get_by_text(f"Đã nộp bản tự kiểm điểm năm {year}")).to_be_visible(timeout=SLOW)
    logout(page)

    # The secretary scores the member at the year-end meeting; the level follows from the points.
    login(page, "bithu")
    page.goto(f"/year/{year}")
    page.get_by_role("link", name=re.compile("Xếp loại đảng viên năm")).click()
    card = page.locator("section.card", has=page.get_by_role("heading", name=re.compile("Trần Văn Năm")))
    expect(card).to_contain_text("tự chấm 86,5 điểm")
    expect(card.get_by_label("Nêu gương", exact=True)).to_have_value("")  # nothing chosen in advance
    for group, points in (("Tư tưởng chính trị", "9"), ("Phẩm chất đạo đức", "9"), ("Ý thức tổ chức", "8"),
                          ("Kết quả thực hiện", "58")):
        card.get_by_label(re.compile(group)).fill(points)
    card.get_by_label("Nhiệm vụ hoàn thành vượt mức yêu cầu (%)").fill("10")
    card.get_by_label("Nêu gương", exact=True).select_option("good")
    card.get_by_label("Nhận xét của chi bộ").fill("Tích cực học tập.")
    card.get_by_role("button", name="Ghi xếp loại").click()
    expect(page.get_by_text("Đã ghi xếp loại của đồng chí Trần Văn Năm: Hoàn thành tốt nhiệm vụ")).to_be_visible(
        timeout=SLOW)
    assert_no_horizontal_scroll(page)
    assert_accessible(page)

    # "Chốt" first shows what it would lock; members not yet rated keep it from finishing.
    page.get_by_role("link", name=re.compile("Chốt xếp loại năm")).click()
    expect(page.locator("#tong-hop")).to_contain_text("Hoàn thành tốt nhiệm vụ: 1")
    expect(page.locator("#cap")).to_contain_text("tối đa")
    expect(page.get_by_text(re.compile("Chưa chốt được: còn \\d+ đảng viên chưa được xếp loại"))).to_be_visible()
    expect(page.get_by_role("button", name=re.compile("Xác nhận chốt"))).to_have_count(0)
    assert_accessible(page)
    logout(page)

    # The committee reads the table for its whole subtree; the cell is still listed as rating.
    login(page, "capuy")
    page.goto(f"/year/{year}/stats")
    expect(page.locator("table.stats-table").first).to_contain_text("Nêu gương tốt")
    expect(page.locator("#chua-chot")).to_contain_text("Chi bộ Phòng Công nghệ thông tin")
    assert_accessible(page)
