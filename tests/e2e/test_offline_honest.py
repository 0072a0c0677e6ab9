"""The meeting hour on a 360×740 phone with no signal: every tap says what became of it. A−/A+
change the text at once and the account learns it later; the RSVP waits on the phone, says so,
and is sent when the signal returns; a plain form stays on its page and says it needs a
connection, and one the page could not stop gets the app's own page, never the browser's error
page; the bottom tabs open the lists the phone holds; the banner says there is no signal and
goes when it returns."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.browser import login
from tests.e2e.offline_data import arrange_cell
from tests.e2e.test_offline_pack import go_offline, wait_for_pack

pytestmark = pytest.mark.e2e

SENT_TIMEOUT = 20_000  # ms: sent as soon as the browser sees the signal; the machine may be slow


def answer_and_size(live_server, username: str, meeting_id: int) -> tuple:
    """What the server holds: the member's RSVP (attending, reason) and the account's text size."""
    from sqlalchemy import select

    from handbook.auth.models import User
    from handbook.extensions import db
    from handbook.meetings.models import Rsvp

    def read():
        user = db.session.scalar(select(User).where(User.username == username))
        rsvp = db.session.scalar(select(Rsvp).where(Rsvp.user_id == user.id, Rsvp.meeting_id == meeting_id))
        return (rsvp.attending, rsvp.reason) if rsvp else None, user.font_step

    return live_server.run_in_app(read)


def assert_in_the_app(page) -> None:
    """The app's own page with its bars, not Chromium's "no internet" page."""
    assert not page.url.startswith("chrome-error:"), page.url
    expect(page.get_by_role("banner")).to_be_visible()
    expect(page.get_by_role("navigation", name="Điều hướng chính")).to_be_visible()


def test_taps_without_signal_say_what_became_of_them(page, live_server, console_errors):
    cell = arrange_cell(live_server, "Thôn Nà Hang", ["e2e-honest"])
    login(page, "e2e-honest")
    wait_for_pack(page)
    page.goto(f"/meetings/{cell.meeting_id}")
    before = go_offline(page, console_errors)
    banner = page.locator("#offline-banner")
    expect(banner).to_have_text("Không có mạng.")

    # A+ : the text grows at once, on the same page; the device keeps it.
    page.get_by_role("button", name="A+ tăng cỡ chữ").click()
    expect(page.locator("html")).to_have_class("fs-1")
    assert page.url.endswith(f"/meetings/{cell.meeting_id}")
    assert_in_the_app(page)

    # Vắng with a reason: it waits on the phone, and the page says so instead of the old answer.
    box = page.locator("#rsvp")
    box.get_by_text("Vắng", exact=True).click()
    box.get_by_label("Lý do vắng").fill("Đi khám bệnh")
    box.get_by_role("button", name="Gửi: vắng").click()
    state = page.locator("#rsvp-state")
    expect(state).to_have_text("Chưa gửi — sẽ gửi khi có mạng: Vắng — lý do: Đi khám bệnh.")
    assert answer_and_size(live_server, "e2e-honest", cell.meeting_id) == (None, 0)

    # The page again from the phone: the size the device chose, the answer still waiting.
    page.reload()
    expect(page.locator("html")).to_have_class("fs-1")
    expect(state).to_contain_text("Chưa gửi — sẽ gửi khi có mạng: Vắng")
    expect(banner).to_have_text(re.compile(r"^Không có mạng — đang xem bản lưu trên máy lúc \d\d:\d\d, \d\d/\d\d\.$"))

    # A plain form: the page stays, says it needs a connection, keeps what was typed.
    page.get_by_role("link", name="Tài khoản").click()
    page.get_by_role("button", name="Tạo địa chỉ lịch").click()
    expect(page.locator(".needs-signal")).to_contain_text("cần có mạng")
    assert page.url.endswith("/account")
    # One the page could not stop (the phone believed it had signal): the worker answers with
    # the app's own page, saying nothing was sent.
    with page.expect_navigation():
        page.get_by_role("button", name="Tạo địa chỉ lịch").evaluate("button => button.form.submit()")
    expect(page.get_by_role("heading", name="Chưa gửi được", level=1)).to_be_visible()
    expect(page.get_by_text("chưa đến máy chủ")).to_be_visible()
    assert_in_the_app(page)
    page.get_by_role("button", name="Quay lại trang trước").click()
    expect(page.get_by_role("button", name="Đăng xuất")).to_be_visible()

    # Signal again: the answer and the size reach the server; the banner goes.
    page.goto(f"/meetings/{cell.meeting_id}")
    page.context.set_offline(False)
    expect(state).to_contain_text("Đồng chí đã đăng ký: Vắng — lý do: Đi khám bệnh", timeout=SENT_TIMEOUT)
    expect(banner).to_be_hidden()
    page.wait_for_function("() => !localStorage.getItem(Object.keys(localStorage).find(k => k.endsWith(':text')))")
    assert answer_and_size(live_server, "e2e-honest", cell.meeting_id) == ((False, "Đi khám bệnh"), 1)
    del console_errors[before:]  # what Chromium and htmx log for the requests that failed offline


def test_the_bottom_tabs_open_the_phones_own_lists_without_signal(page, live_server, console_errors):
    cell = arrange_cell(live_server, "Bản Phiêng", ["e2e-honest-tabs"])
    login(page, "e2e-honest-tabs")
    wait_for_pack(page)
    before = go_offline(page, console_errors)
    tabs = page.get_by_role("navigation", name="Điều hướng chính")
    expected = {"Lịch họp": ("Lịch họp trên máy", re.escape(cell.meeting_title) + " — "),
                "Ghi chép": ("Ghi chép trên máy", re.escape(f"Ghi chép: {cell.meeting_title}")),
                "Thư viện": ("Văn bản trên máy", "08-QĐi")}
    for tab, (heading, link) in expected.items():
        tabs.get_by_role("link", name=tab).click()
        expect(page.get_by_role("heading", name=heading, level=1)).to_be_visible()
        assert_in_the_app(page)
        expect(tabs.get_by_role("link", name=tab)).to_have_attribute("aria-current", "page")
        held = page.locator("#offline-pack-list")
        expect(held.get_by_role("link", name=re.compile("^" + link))).to_be_visible()
        # Only that tab's part: no "Trang chủ: Trang chủ", no other kinds.
        expect(held.get_by_role("link", name="Trang chủ")).to_have_count(0)
    # Each list's page opens from the phone.
    page.locator("#offline-pack-list").get_by_role("link", name=re.compile("^08-QĐi")).click()
    expect(page.locator("#dieu-3")).to_be_visible()
    tabs.get_by_role("link", name="Ghi chép").click()
    page.locator("#offline-pack-list").get_by_role("link", name=f"Ghi chép: {cell.meeting_title}").click()
    expect(page.get_by_label("Ghi chép của tôi")).to_be_visible()
    page.context.set_offline(False)
    del console_errors[before:]


def test_an_answer_waiting_on_the_phone_is_sent_once_however_often_sending_starts(page, live_server):
    # The signal's return starts sending twice (the page's "online" and the worker's sync); the
    # second start joins the first instead of posting the same answer beside it.
    cell = arrange_cell(live_server, "Bản Khoang", ["e2e-honest-once"])
    login(page, "e2e-honest-once")
    page.goto(f"/meetings/{cell.meeting_id}")
    posts = []
    page.on("request", lambda r: posts.append(r.url) if r.method == "POST" and r.url.endswith("/rsvp") else None)
    left = page.evaluate("""url => {
        const user = document.documentElement.getAttribute("data-offline-user");
        const item = {url: url, body: "answer=no&reason=%C4%90i+c%C3%B4ng+t%C3%A1c", target: "#rsvp", says: "Vắng",
                      label: "Trả lời tham dự", at: Date.now()};
        localStorage.setItem("sotay:" + user + ":out:" + url, JSON.stringify(item));
        return Promise.all([window.sotayOutbox.send(), window.sotayOutbox.send()]);
    }""", f"/meetings/{cell.meeting_id}/rsvp")
    assert left == [0, 0]
    expect(page.locator("#rsvp-state")).to_contain_text("Đồng chí đã đăng ký: Vắng — lý do: Đi công tác")
    assert len(posts) == 1, posts
    assert answer_and_size(live_server, "e2e-honest-once", cell.meeting_id)[0] == (False, "Đi công tác")
