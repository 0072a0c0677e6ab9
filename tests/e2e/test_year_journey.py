"""The member's year on a phone: a member writes and submits the commitment; at year end the
self-review opens prefilled with their attendance; the secretary records the rating; the
committee reads the year's table."""

import re
from datetime import timedelta

import pytest
from playwright.sync_api import expect

from tests.e2e.browser import assert_accessible, assert_no_horizontal_scroll, login, logout
from tests.e2e.data import add_meeting

pytestmark = pytest.mark.e2e

SLOW = 20_000


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


def test_a_members_year_from_commitment_to_the_committees_table(page, live_server):
    from handbook.models_base import utcnow

    live_server.create_user("namtv", full_name="Trần Văn Năm")
    held = add_meeting(live_server, "Sinh hoạt chi bộ cuối năm", utcnow() - timedelta(hours=2), ["Khai mạc"],
                       status="held")
    _attended(live_server, "namtv", held)

    login(page, "namtv")
    page.goto("/account")
    page.get_by_role("link", name=re.compile("Mở trang năm")).click()
    expect(page).to_have_url(re.compile(r"/year/\d{4}$"))
    year = page.url.rsplit("/", 1)[1]
    assert_accessible(page)

    # The commitment starts from the template, saves, then goes to the cell.
    page.get_by_role("link", name="Viết bản cam kết").click()
    box = page.get_by_label("Bản cam kết")
    box.fill("1. Học Quy định 08-QĐi/TW mỗi tháng.\n2. Ở nơi cư trú: tham gia tổ dân phố.")
    page.get_by_role("button", name="Lưu").click()
    expect(page.locator(".flash").first).to_contain_text("Đã lưu lúc", timeout=SLOW)
    assert_no_horizontal_scroll(page)
    page.get_by_role("button", name="Nộp bản cam kết cho chi bộ").click()
    expect(page.get_by_text(f"Đã nộp bản cam kết năm {year}")).to_be_visible(timeout=SLOW)
    assert_accessible(page)

    # Year end: the self-review names the meetings the member attended, and saves as they type.
    page.goto(f"/year/{year}/review")
    expect(page.locator("#so-lieu")).to_contain_text(re.compile(r"Dự 1/\d+ buổi sinh hoạt"))
    expect(page.get_by_label("Về ý thức tổ chức kỷ luật")).to_have_value(re.compile(r"Dự 1/\d+ buổi"))
    page.get_by_label("Về phẩm chất đạo đức, lối sống").fill("Giản dị, gần gũi quần chúng.")
    expect(page.locator("#autosave")).to_contain_text("Đã lưu lúc", timeout=SLOW)
    assert_no_horizontal_scroll(page)
    assert_accessible(page)
    logout(page)

    # The secretary records the rating at the year-end meeting.
    login(page, "bithu")
    page.goto(f"/year/{year}")
    page.get_by_role("link", name=re.compile("Xếp loại đảng viên năm")).click()
    card = page.locator("section.card", has=page.get_by_role("heading", name=re.compile("Trần Văn Năm")))
    card.get_by_label("Xếp loại").select_option("good")
    card.get_by_label("Nêu gương").select_option("good")
    card.get_by_label("Nhận xét của chi bộ").fill("Tích cực học tập.")
    card.get_by_role("button", name="Ghi xếp loại").click()
    expect(page.get_by_text("Đã ghi xếp loại của đồng chí Trần Văn Năm")).to_be_visible(timeout=SLOW)
    assert_accessible(page)
    logout(page)

    # The committee reads the table for its whole subtree; the cell is still listed as rating.
    login(page, "capuy")
    page.goto(f"/year/{year}/stats")
    expect(page.locator("table.stats-table").first).to_contain_text("Nêu gương tốt")
    expect(page.locator("#chua-chot")).to_contain_text("Chi bộ Phòng Công nghệ thông tin")
    assert_accessible(page)
