"""The agenda builder's rough edges, on a phone: a moved item stays in view with its button
focused; a refused publish takes the secretary to its checkbox; a new item goes before the
closing one."""

from datetime import UTC, datetime, timedelta

import pytest
from playwright.sync_api import expect

from tests.e2e.browser import assert_accessible, login

pytestmark = pytest.mark.e2e

SLOW = 20_000  # ms
ITEMS = ["Khai mạc", "Thông tin thời sự", "Đánh giá nhiệm vụ tháng trước", "Học tập Chỉ thị 05",
         "Ý kiến phản ánh", "Nhiệm vụ tháng tới", "Thảo luận", "Kết luận", "Bế mạc: thông qua biên bản"]


def draft_meeting(server) -> int:
    """A draft of cell 1 starting in five hours (so publishing it warns), with the standard items."""
    from handbook.demo import CELL1
    from handbook.extensions import db
    from handbook.meetings.models import AgendaItem, Meeting
    from handbook.orgs.models import Organization

    def create():
        from sqlalchemy import select

        cell = db.session.scalar(select(Organization).where(Organization.name == CELL1))
        meeting = Meeting(cell_id=cell.id, title="Họp thử sắp xếp mục", status="draft", duration_minutes=120,
                          starts_at=datetime.now(UTC) + timedelta(hours=5))
        meeting.items = [AgendaItem(position=n, title=title, purpose="closing" if title.startswith("Bế mạc") else "")
                         for n, title in enumerate(ITEMS, start=1)]
        db.session.add(meeting)
        db.session.commit()
        return meeting.id

    return server.run_in_app(create)


def title_of(page, index):
    """The title box of the item at `index` (0-based) in the builder."""
    return page.locator("ol.edit-items > li").nth(index).locator("input[name=title]")


def test_the_agenda_builder_keeps_the_secretary_where_she_works(page, live_server, console_errors):
    meeting_id = draft_meeting(live_server)
    login(page, "bithu")
    page.goto(f"/meetings/{meeting_id}/edit")

    # Moving an item up keeps it in view, its button focused.
    up = page.get_by_role("button", name="↑ Lên: Thảo luận")
    up.scroll_into_view_if_needed()
    up.click()
    moved = page.get_by_role("button", name="↑ Lên: Thảo luận")
    expect(title_of(page, 5)).to_have_value("Thảo luận", timeout=SLOW)
    expect(moved).to_be_in_viewport()
    expect(moved).to_be_focused()

    # A new item goes before "Bế mạc", which stays last.
    page.get_by_label("Nội dung", exact=True).last.fill("Kết nạp đảng viên mới")
    page.get_by_role("button", name="Thêm mục").click()
    expect(title_of(page, 8)).to_have_value("Kết nạp đảng viên mới", timeout=SLOW)
    expect(title_of(page, 9)).to_have_value("Bế mạc: thông qua biên bản")
    assert_accessible(page)

    # Publishing without confirming the warning: told at the checkbox, which has the focus.
    page.get_by_role("button", name="Công bố chương trình").click()
    box = page.get_by_label("Tôi đã đọc cảnh báo và vẫn muốn công bố")
    expect(box).to_be_focused(timeout=SLOW)
    expect(box).to_be_in_viewport()
    expect(page.locator("#publish-error")).to_be_in_viewport()
    console_errors.clear()  # the browser logs the refusal's 400 status itself
    assert_accessible(page)
