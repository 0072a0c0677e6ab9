"""In the meeting hall with no signal: the member's pack opens from the phone, notes typed
offline reach the server once, and nothing of one account stays for the next."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.browser import login, wait_for_worker
from tests.e2e.data import meeting_note_body
from tests.e2e.offline_data import ARTICLE_ANCHOR, add_agenda_item, arrange_cell

pytestmark = pytest.mark.e2e

SAVE_TIMEOUT = 20_000  # ms: autosave waits 1.5 s after typing; the machine may be slow
PACK_TIMEOUT = 30_000  # ms: the worker installs, then fetches the pack page by page
STORED_BANNER = re.compile(r"Không có mạng — đang xem bản lưu trên máy lúc \d\d:\d\d, \d\d/\d\d\.")


def wait_for_pack(page) -> str:
    """Until the worker says this login's pack is on the phone; returns when it was stored."""
    expect(page.locator("html")).to_have_attribute("data-offline-pack", "ready", timeout=PACK_TIMEOUT)
    return page.locator("html").get_attribute("data-offline-pack-at")


def stored_text(page) -> str:
    """Everything this origin keeps on the phone: every cache entry's text, and localStorage."""
    return page.evaluate("""async () => {
        let all = JSON.stringify(Object.assign({}, localStorage));
        for (const name of await caches.keys()) {
            const cache = await caches.open(name);
            for (const request of await cache.keys()) {
                all += request.url + (await (await cache.match(request)).text());
            }
        }
        return all;
    }""")


def go_offline(page, console_errors):
    page.context.set_offline(True)
    return len(console_errors)


def test_the_meeting_pack_opens_offline_and_typed_notes_arrive_once(page, live_server, console_errors):
    cell = arrange_cell(live_server, "Thôn Khe Lếch", ["e2e-off-a"])
    login(page, "e2e-off-a")
    wait_for_pack(page)
    # The worker keeps the page, it does not read it: no read receipt for the member yet.
    before = go_offline(page, console_errors)

    page.get_by_role("link", name=cell.meeting_title).click()
    expect(page.get_by_role("heading", name=cell.meeting_title)).to_be_visible()
    expect(page.locator("#offline-banner")).to_have_text(STORED_BANNER)
    expect(page.get_by_text("Học tập Quy định 08")).to_be_visible()

    page.get_by_role("link", name=re.compile("08-QĐi")).first.click()
    expect(page.locator(f"#{ARTICLE_ANCHOR}")).to_be_visible()
    expect(page.locator("#offline-banner")).to_be_visible()
    page.go_back()

    page.get_by_role("link", name="Ghi chép của tôi").click()
    expect(page.locator("#offline-banner")).to_be_visible()
    box = page.get_by_label("Ghi chép của tôi")
    first = "Ý kiến của tổ: giữ nếp sinh hoạt đều đặn. "
    box.press_sequentially(first)
    expect(page.locator("#note-status")).to_contain_text("Chưa lưu", timeout=SAVE_TIMEOUT)

    page.reload()  # the app closed and opened again, still without signal
    box = page.get_by_label("Ghi chép của tôi")
    expect(box).to_have_value(first)
    box.press("End")
    second = "Không mất chữ nào!"
    box.press_sequentially(second)
    expect(page.locator("#note-status")).to_contain_text("Chưa lưu", timeout=SAVE_TIMEOUT)

    page.context.set_offline(False)
    expect(page.locator("#note-status")).to_contain_text("Đã lưu lúc", timeout=SAVE_TIMEOUT)
    del console_errors[before:]  # what Chromium logs for the requests that failed offline
    assert meeting_note_body(live_server, "e2e-off-a", cell.meeting_id) == first + second


def test_a_page_outside_the_pack_shows_the_offline_page_with_what_the_phone_holds(page, live_server,
                                                                                   console_errors):
    cell = arrange_cell(live_server, "Bản Mù", ["e2e-off-list"])
    login(page, "e2e-off-list")
    wait_for_pack(page)
    before = go_offline(page, console_errors)
    page.goto("/search?q=neu+guong")
    expect(page.get_by_role("heading", name="Chưa có mạng")).to_be_visible()
    held = page.locator("#offline-pack-list")
    expect(held.get_by_role("link", name=re.compile("^" + re.escape(cell.meeting_title) + " — "))).to_be_visible()
    # Grouped under their kinds, each page named once (not "Trang chủ: Trang chủ").
    expect(held.get_by_role("heading", name="Buổi họp")).to_be_visible()
    expect(held.get_by_role("link", name="Trang chủ", exact=True)).to_be_visible()
    expect(held).not_to_contain_text("Trang chủ: Trang chủ")
    expect(held.get_by_role("link", name=f"Ghi chép: {cell.meeting_title}")).to_be_visible()
    expect(held.get_by_role("link", name=re.compile("08-QĐi"))).to_be_visible()
    held.get_by_role("link", name=f"Ghi chép: {cell.meeting_title}").click()
    expect(page.get_by_label("Ghi chép của tôi")).to_be_visible()
    page.context.set_offline(False)
    del console_errors[before:]


def test_a_republished_agenda_reaches_the_phone_on_the_next_online_visit(page, live_server, console_errors):
    cell = arrange_cell(live_server, "Xóm Đồi", ["e2e-off-agenda"])
    login(page, "e2e-off-agenda")
    first_pack = wait_for_pack(page)
    before = go_offline(page, console_errors)
    add_agenda_item(live_server, cell.meeting_id, "Bàn việc làm đường liên thôn")
    page.context.set_offline(False)  # signal again: the phone refreshes what changed
    expect(page.locator("html")).not_to_have_attribute("data-offline-pack-at", first_pack, timeout=PACK_TIMEOUT)
    wait_for_pack(page)
    page.context.set_offline(True)
    page.goto(f"/meetings/{cell.meeting_id}")
    expect(page.locator("#offline-banner")).to_be_visible()
    expect(page.get_by_role("heading", name="Bàn việc làm đường liên thôn")).to_be_visible()
    page.context.set_offline(False)
    del console_errors[before:]


def test_logout_forgets_the_account_and_the_next_member_sees_nothing_of_it(page, live_server, console_errors):
    cell = arrange_cell(live_server, "Tổ dân phố 5", ["e2e-off-first", "e2e-off-second"])
    secret = "Ghi chép riêng của người thứ nhất"
    login(page, "e2e-off-first")
    wait_for_pack(page)
    page.goto(f"/meetings/{cell.meeting_id}/note")
    page.get_by_label("Ghi chép của tôi").press_sequentially(secret)
    expect(page.locator("#note-status")).to_contain_text("Đã lưu lúc", timeout=SAVE_TIMEOUT)
    wait_for_pack(page)

    page.goto("/account")
    with page.expect_navigation():
        page.get_by_role("button", name="Đăng xuất").click()
    expect(page.get_by_role("button", name="Đăng nhập")).to_be_visible()
    assert secret not in stored_text(page)
    wait_for_worker(page)  # logout's Clear-Site-Data took the worker too; the login page brings it back

    before = go_offline(page, console_errors)
    for path in (f"/meetings/{cell.meeting_id}", f"/meetings/{cell.meeting_id}/note", "/"):
        page.goto(path)
        expect(page.get_by_role("heading", name="Chưa có mạng")).to_be_visible()
        expect(page.locator("#offline-pack-list")).to_be_hidden()
    page.context.set_offline(False)
    del console_errors[before:]

    login(page, "e2e-off-second")
    wait_for_pack(page)
    page.goto(f"/meetings/{cell.meeting_id}/note")
    expect(page.get_by_label("Ghi chép của tôi")).to_have_value("")
    for path in ("/", "/notes"):
        page.goto(path)
        assert secret not in page.content()
    page.goto(f"/search?q={secret}")
    assert page.locator("#search-results a").count() == 0  # only "no results for …", echoing the query
    assert secret not in stored_text(page)


def test_logout_without_signal_warns_before_unsent_text_is_lost(page, live_server, console_errors):
    cell = arrange_cell(live_server, "Làng Chài", ["e2e-off-leave"])
    login(page, "e2e-off-leave")
    wait_for_pack(page)
    page.goto(f"/meetings/{cell.meeting_id}/note")
    before = go_offline(page, console_errors)
    unsent = "Câu gõ lúc mất sóng"
    page.get_by_label("Ghi chép của tôi").press_sequentially(unsent)
    expect(page.locator("#note-status")).to_contain_text("Chưa lưu", timeout=SAVE_TIMEOUT)

    page.get_by_role("link", name="Tài khoản").click()  # the stored account page
    # The app's own question, once the page has tried to send the draft: it names the note.
    page.get_by_role("button", name="Đăng xuất").click()
    question = page.get_by_role("dialog")
    expect(question).to_contain_text("Còn 1 phần chưa gửi được")
    expect(question.get_by_role("listitem")).to_have_text(f"Ghi chép: {cell.meeting_title}")
    expect(question).to_contain_text("mất hẳn")
    question.get_by_role("button", name="Ở lại, chờ có mạng để gửi").click()
    expect(question).to_have_count(0)
    expect(page.get_by_role("button", name="Đăng xuất")).to_be_visible()  # stayed: still here
    assert unsent in stored_text(page)

    page.get_by_role("button", name="Đăng xuất").click()
    with page.expect_navigation():
        page.get_by_role("dialog").get_by_role("button", name="Vẫn đăng xuất, bỏ phần chưa gửi").click()
    expect(page.get_by_role("heading", name="Chưa có mạng")).to_be_visible()
    assert unsent not in stored_text(page) and cell.meeting_title not in stored_text(page)

    page.context.set_offline(False)  # with signal, the server's session ends too
    page.goto("/")
    expect(page.get_by_role("button", name="Đăng nhập")).to_be_visible()
    del console_errors[before:]
