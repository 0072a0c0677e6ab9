"""The committee's pages and the member's small things on a phone at large text: tables keep
their words, "Quản trị" is one tap from the account page, the calendar in one tap, the bars
small, the unread count beside its bell."""

import re

import pytest
from playwright.sync_api import expect

from handbook.demo import CELL2
from tests.e2e.browser import assert_accessible, assert_no_horizontal_scroll, login
from tests.e2e.measure import SCREEN_H, TEXT_MODES, bars_height, open_page, user_for, words_split_in_cells

pytestmark = pytest.mark.e2e

CSV = ("Họ và tên;Số thẻ đảng viên;Điện thoại;Ngày sinh;Giới tính;Chi bộ\n"
       f"Dương Thị Hoa;93991001;0913991001;02/09/1985;Nữ;{CELL2}\n")


@pytest.mark.parametrize("mode", TEXT_MODES)
def test_committee_tables_keep_their_words(page, live_server, tmp_path, mode):
    username = f"e2e-eld-admin-{mode}"
    live_server.create_user(username, role="admin")
    if mode == "largest":
        _largest(live_server, username)
    login(page, username)

    # "Quản trị" is reachable on a phone: the account page links to it.
    open_page(page, "/account", mode)
    page.get_by_role("link", name="Mở trang quản trị").click()
    expect(page).to_have_url(re.compile(r"/admin/?$"))

    for path in ("/admin/dashboard", "/admin/members", "/admin/audit"):
        open_page(page, path, mode)
        assert_no_horizontal_scroll(page)
        assert words_split_in_cells(page) == [], f"{path}: words split in cells"
        assert_accessible(page)

    upload = tmp_path / "mot-dong.csv"
    upload.write_text(CSV, encoding="utf-8")
    open_page(page, "/admin/import", mode)
    page.get_by_label("Tệp CSV danh sách đảng viên").set_input_files(upload)
    page.get_by_role("button", name="Xem trước").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Xem trước")
    if mode == "root200":  # the preview is the answer to a POST: zoom it where it stands
        page.evaluate("() => { document.documentElement.style.fontSize = '200%'; }")
    assert_no_horizontal_scroll(page)
    assert words_split_in_cells(page) == []
    assert_accessible(page)


def _largest(live_server, username):
    def largest():
        from sqlalchemy import update

        from handbook.auth.models import User
        from handbook.extensions import db
        db.session.execute(update(User).where(User.username == username).values(font_step=3))
        db.session.commit()
    live_server.run_in_app(largest)


def _unread(live_server, username, count=3):
    def add():
        from sqlalchemy import select

        from handbook.auth.models import User
        from handbook.extensions import db
        from handbook.meetings.models import Notification
        user = db.session.scalar(select(User).where(User.username == username))
        for n in range(count):
            db.session.add(Notification(user_id=user.id, kind="published", message=f"Thông báo thử {n}"))
        db.session.commit()
    live_server.run_in_app(add)


@pytest.mark.parametrize("mode", TEXT_MODES)
def test_bars_stay_small_and_the_badge_sits_beside_its_bell(page, live_server, mode):
    username = user_for(live_server, "e2e-eld-bars", mode)
    _unread(live_server, username)
    login(page, username)
    for path in ("/", "/meetings", "/library", "/notes", "/account"):
        open_page(page, path, mode)
        assert bars_height(page) <= SCREEN_H * 0.2, f"{path}: the bars take {bars_height(page)} px"
        bell = page.locator(".topbar a[href='/notifications'] svg")
        badge = page.locator(".topbar .badge")
        b, g = bell.bounding_box(), badge.bounding_box()
        overlap = min(b["x"] + b["width"], g["x"] + g["width"]) - max(b["x"], g["x"])
        assert overlap <= 0, f"{path}: the unread count covers {overlap:.0f} px of its bell"
        # The name in the bar never breaks inside a word and is never cut ("Sổ tay đản…"): at most
        # two lines, "Sổ tay" and "đảng viên", each whole; or hidden at the largest sizes.
        lines = page.locator(".brand-name > span").evaluate_all(
            "spans => spans.map(el => { const r = document.createRange(); r.selectNodeContents(el);"
            " return new Set(Array.from(r.getClientRects()).map(x => Math.round(x.top))).size; })")
        assert all(n <= 1 for n in lines), f"{path}: a word of the app's name breaks: {lines}"
        cut = page.locator(".brand-name").evaluate(
            "el => el.getBoundingClientRect().width > 1 && el.scrollWidth > el.clientWidth + 1")
        assert not cut, f"{path}: the app's name is cut"
        assert_no_horizontal_scroll(page)


@pytest.mark.parametrize("mode", TEXT_MODES)
def test_calendar_in_one_tap(page, live_server, mode):
    login(page, user_for(live_server, "e2e-eld-calendar", mode))
    open_page(page, "/account", mode)
    page.get_by_role("button", name="Tạo địa chỉ lịch").click()
    open_page(page, "/account", mode)
    card = page.locator("section.card", has=page.get_by_role("heading", name="Lịch họp trên điện thoại"))
    add = card.get_by_role("link", name="Thêm vào lịch")
    assert add.get_attribute("href").startswith("webcal://")
    assert add.get_attribute("href").endswith(".ics")
    expect(card.get_by_role("button", name="Sao chép địa chỉ")).to_be_visible()
    assert "URL" not in card.inner_text()
    assert_no_horizontal_scroll(page)
    assert_accessible(page)
