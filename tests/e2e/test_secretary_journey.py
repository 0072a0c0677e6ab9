"""A cell secretary on a phone: a meeting from the standard template, an article linked to an item,
published despite the duration warning, attendance refused while the meeting is weeks away,
minutes written and signed by both."""

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import expect

from tests.e2e.browser import PHONE, assert_accessible, login

pytestmark = pytest.mark.e2e

SLOW = 20_000  # ms
VN = ZoneInfo("Asia/Ho_Chi_Minh")


def test_secretary_runs_a_meeting_from_agenda_to_signed_minutes(page, browser, live_server, console_errors):
    # Later than the demo's next meeting, so it never becomes the members' "next meeting"; one hour
    # long, shorter than the guidance, so publishing shows a warning the secretary must confirm.
    day = (datetime.now(VN) + timedelta(days=70)).strftime("%Y-%m-%d")
    title = "Sinh hoạt chi bộ (thử của bí thư trên điện thoại)"
    login(page, "bithu")

    page.goto("/meetings")
    assert_accessible(page)
    page.get_by_role("link", name="Lên lịch họp mới").click()
    page.get_by_role("radio", name="Chương trình sinh hoạt định kỳ chuẩn").check()
    page.get_by_label("Tên buổi họp").fill(title)
    page.get_by_label("Bắt đầu").fill(f"{day}T14:00")
    page.get_by_label("Kết thúc (dự kiến)").fill(f"{day}T15:00")
    page.get_by_label("Địa điểm").fill("Phòng họp tầng 2")
    assert_accessible(page)
    page.get_by_role("button", name="Tạo bản nháp").click()
    expect(page).to_have_url(re.compile(r"/meetings/\d+/edit$"))
    expect(page.get_by_text("Đã tạo bản nháp buổi họp.")).to_be_visible()
    meeting_path = page.url.rsplit("/edit", 1)[0].split(live_server.url, 1)[1]
    assert_accessible(page)

    # Link item 2 to Article 3 by searching the library from the item itself.
    search = page.get_by_label("Gắn điều khoản văn bản").nth(1)
    search.fill("dieu 3 08-QĐi")
    found = page.locator("li", has=page.get_by_role("button", name="Gắn")).filter(has_text="08-QĐi/TW").first
    expect(found).to_be_visible(timeout=SLOW)
    found.get_by_role("button", name="Gắn").click()
    expect(page.get_by_role("button", name="Bỏ liên kết 08-QĐi/TW 3")).to_have_count(1, timeout=SLOW)

    # Publish: the short meeting's warning must be confirmed first.
    page.get_by_role("button", name="Công bố chương trình").click()
    expect(page.get_by_text("Vui lòng xác nhận cảnh báo trước khi công bố.")).to_be_visible()
    console_errors.clear()  # the browser logs the refusal's 400 status itself
    page.get_by_label("Tôi đã đọc cảnh báo và vẫn muốn công bố").check()
    page.get_by_role("button", name="Công bố chương trình").click()
    expect(page).to_have_url(re.compile(re.escape(meeting_path) + "$"))
    expect(page.get_by_text("Đã công bố chương trình họp")).to_be_visible()
    expect(page.get_by_role("link", name="08-QĐi/TW").first).to_be_visible()
    assert_accessible(page)

    # Attendance: nobody is presumed present; everyone marked, one member excused with a reason.
    # The meeting is weeks away, so saving it is refused, told why, with the marks kept on screen.
    page.get_by_role("link", name="Điểm danh").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Điểm danh")
    assert_accessible(page)
    rows = page.locator("li.attendance-row")
    for n in range(rows.count()):
        expect(rows.nth(n).get_by_role("radio", name="Có mặt")).not_to_be_checked()
        rows.nth(n).get_by_role("radio", name="Có mặt").check()
    row = page.locator("li.attendance-row", has_text="Phạm Thị Hương")
    row.get_by_role("radio", name="Vắng có lý do").check()
    page.get_by_label("Lý do vắng của Phạm Thị Hương").fill("Đi công tác")
    page.get_by_role("button", name="Lưu điểm danh").click()
    expect(page.get_by_role("alert")).to_contain_text("điểm danh chỉ ghi từ ngày họp", timeout=SLOW)
    expect(page.get_by_label("Lý do vắng của Phạm Thị Hương")).to_have_value("Đi công tác")
    console_errors.clear()  # the browser logs the refusal's 400 status itself
    page.goto(meeting_path)
    expect(page.locator("h1 + p .tag").first).to_have_text("Đã công bố")  # not held

    # Minutes: the chair and note-taker chosen from the members, then signed by both (the
    # note-taker on her own phone): final, shown to members.
    page.goto(meeting_path + "/minutes")
    assert_accessible(page)
    page.get_by_label("Chủ trì", exact=True).select_option(label="Nguyễn Thị Bích")
    page.get_by_label("Thư ký", exact=True).select_option(label="Lê Văn Đức")
    page.get_by_label("Kết luận", exact=True).fill("Chi bộ thống nhất nhiệm vụ tháng tới.")
    page.get_by_role("button", name="Lưu nháp").click()
    expect(page.get_by_text("Đã lưu bản nháp biên bản.")).to_be_visible(timeout=SLOW)
    # The meeting is still to come: signing now is asked for at the box, which has the focus.
    page.get_by_role("button", name="Ký xác nhận biên bản (chủ trì)").click()
    early = page.get_by_label("Buổi họp chưa bắt đầu, tôi vẫn ký xác nhận biên bản")
    expect(early).to_be_focused(timeout=SLOW)
    console_errors.clear()  # the browser logs the refusal's 400 status itself
    early.check()
    page.get_by_role("button", name="Ký xác nhận biên bản (chủ trì)").click()
    expect(page.get_by_text("Đã ký xác nhận biên bản.")).to_be_visible(timeout=SLOW)
    context = browser.new_context(base_url=live_server.url, **PHONE)
    try:
        taker = context.new_page()
        login(taker, "dangvien")
        taker.goto(meeting_path + "/minutes")
        taker.get_by_label("Buổi họp chưa bắt đầu, tôi vẫn ký xác nhận biên bản").check()
        taker.get_by_role("button", name="Ký xác nhận biên bản (thư ký)").click()
        expect(taker.get_by_text("biên bản đã hoàn thành")).to_be_visible(timeout=SLOW)
    finally:
        context.close()
    page.goto(meeting_path)
    expect(page.locator("#bien-ban")).to_contain_text("Chi bộ thống nhất nhiệm vụ tháng tới.")
    assert_accessible(page)
