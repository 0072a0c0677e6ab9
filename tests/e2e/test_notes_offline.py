"""On a phone: typing a note while the connection drops loses nothing, and device copies are
sent on the next visit, kept as confirmed once the server holds them, and removed on logout."""

import json
from datetime import UTC, datetime

import pytest
from playwright.sync_api import expect

from tests.e2e.browser import login, logout
from tests.e2e.data import add_meeting, meeting_note_body

pytestmark = pytest.mark.e2e

SAVE_TIMEOUT = 20_000  # ms: autosave waits 1.5 s after typing, the retry 10 s; the machine may be slow


def assert_confirmed(page, key: str, text: str) -> None:
    """The device copy is marked as held by the server (kept, so a page stored earlier for
    offline use never shows an older text): nothing is left to send."""
    copy = json.loads(page.evaluate("k => localStorage.getItem(k)", key))
    assert copy["saved"] is True and copy["fields"] == {"body": text}


@pytest.fixture
def note_page(live_server):
    """A member of their own (so no other test shares the note) and a meeting of their cell."""

    def arrange(username: str) -> tuple[str, int]:
        live_server.create_user(username)
        meeting_id = add_meeting(live_server, f"Sinh hoạt chi bộ (ghi chép của {username})",
                                 datetime(2026, 3, 5, 7, 30, tzinfo=UTC), ["Thông tin thời sự", "Nhiệm vụ"])
        return f"/meetings/{meeting_id}/note", meeting_id

    return arrange


def test_offline_typing_reaches_the_server(page, live_server, note_page, console_errors):
    url, meeting_id = note_page("e2e-notes-offline")
    login(page, "e2e-notes-offline")
    page.goto(url)
    status = page.locator("#note-status")
    box = page.get_by_label("Ghi chép của tôi")

    page.locator("details.note-agenda > summary").click()  # the agenda opens from its one line
    page.get_by_role("button", name="Chèn tiêu đề mục 1 vào ghi chép").click()  # one tap: the agenda heading goes in
    box.press_sequentially("Ý kiến: đảng viên phải nêu gương. ")
    expect(status).to_contain_text("Đã lưu lúc", timeout=SAVE_TIMEOUT)

    before_offline = len(console_errors)
    page.context.set_offline(True)
    offline_part = "Mất mạng rồi vẫn gõ tiếp — không được mất chữ nào!"
    box.press_sequentially(offline_part)
    expect(status).to_have_text("Chưa lưu — mất kết nối, sẽ thử lại", timeout=SAVE_TIMEOUT)
    key = page.locator("#note-form").get_attribute("data-draft-key")
    assert key.startswith("sotay:")
    assert offline_part in page.evaluate("k => localStorage.getItem(k)", key)

    page.context.set_offline(False)
    expect(status).to_contain_text("Đã lưu lúc", timeout=SAVE_TIMEOUT)
    # What Chromium and htmx log for the requests that failed offline is the point, not a page error.
    del console_errors[before_offline:]
    typed = box.input_value()
    assert typed == "## 1. Thông tin thời sự\nÝ kiến: đảng viên phải nêu gương. " + offline_part
    assert meeting_note_body(live_server, "e2e-notes-offline", meeting_id) == typed
    assert_confirmed(page, key, typed)  # nothing unsent is left

    # Logging out removes whatever device copies remain.
    page.evaluate("k => localStorage.setItem(k, '{}')", key)
    logout(page)
    assert page.evaluate("k => localStorage.getItem(k)", key) is None


def test_draft_left_on_the_device_is_sent_on_the_next_visit(page, live_server, note_page):
    """A tab closed while offline leaves its text on the device; opening the note sends it."""
    url, meeting_id = note_page("e2e-notes-draft")
    login(page, "e2e-notes-draft")
    page.goto(url)
    key = page.locator("#note-form").get_attribute("data-draft-key")
    saved = page.get_by_label("Ghi chép của tôi").input_value()
    version = page.locator("#note-version").input_value()
    draft = saved + "\nDòng gõ lúc tắt máy."
    page.evaluate("([k, b, v]) => localStorage.setItem(k, JSON.stringify({body: b, version: v}))",
                  [key, draft, version])
    page.goto(url)
    expect(page.locator("#note-status")).to_contain_text("Đã lưu lúc", timeout=SAVE_TIMEOUT)
    assert meeting_note_body(live_server, "e2e-notes-draft", meeting_id) == draft
    assert_confirmed(page, key, draft)
