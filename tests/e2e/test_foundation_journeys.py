"""On a phone: logging in every way, finding one's way home, large text, first login, logging out."""

import pytest

from handbook.demo import ACCOUNTS
from tests.e2e.browser import (
    ADMIN_PAGES,
    MEMBER_PAGES,
    assert_accessible,
    assert_no_horizontal_scroll,
    login,
    logout,
)

pytestmark = pytest.mark.e2e

NAV_LABELS = ["Trang chủ", "Thư viện", "Lịch họp", "Ghi chép", "Tài khoản"]
# (username, how they type their identifier, full name)
IDENTIFIERS = [
    (username, identifier, name)
    for username, name, _cell, _role, card, phone, _leader in ACCOUNTS
    for identifier in (username, card, phone)
]


def test_login_page_is_accessible_and_fits_the_phone(page, live_server):
    page.goto("/login")
    assert page.locator("html").get_attribute("lang") == "vi"
    assert_no_horizontal_scroll(page)
    assert_accessible(page)


@pytest.mark.parametrize(("username", "identifier", "full_name"), IDENTIFIERS,
                         ids=[f"{u}-{i}" for u, i, _ in IDENTIFIERS])
def test_each_demo_member_logs_in_with_name_card_or_phone(page, live_server, username, identifier, full_name):
    login(page, identifier)
    assert page.get_by_role("heading", level=1).inner_text() == f"Xin chào đồng chí {full_name}"


@pytest.mark.parametrize("username", [a[0] for a in ACCOUNTS])
def test_home_shows_the_bottom_navigation_within_thumb_reach(page, live_server, username):
    login(page, username)
    nav = page.get_by_role("navigation", name="Điều hướng chính")
    for label in NAV_LABELS:
        link = nav.get_by_role("link", name=label)
        assert link.is_visible()
        box = link.bounding_box()
        assert box["height"] >= 44 and box["width"] >= 44, f"{label} is too small to tap: {box}"
        assert box["y"] + box["height"] <= 740, f"{label} is below the screen"
    assert nav.get_by_role("link", name="Trang chủ").get_attribute("aria-current") == "page"
    assert_no_horizontal_scroll(page)
    assert_accessible(page)


def test_home_screenshot_looks_like_a_phone_app(page, live_server, screenshots):
    login(page, "dangvien")
    path = screenshots / "home-360x740.png"
    page.screenshot(path=str(path))
    assert path.stat().st_size > 0
    # A phone layout: the page is the screen's width and its text is not shrunk.
    font_px = page.evaluate("() => parseFloat(getComputedStyle(document.body).fontSize)")
    assert font_px >= 16
    assert page.evaluate("() => document.documentElement.clientWidth") == 360


@pytest.mark.parametrize("role", [None, "admin"])
def test_largest_text_keeps_every_page_within_the_screen(page, live_server, role):
    username = f"e2e-large-text-{role or 'member'}"
    live_server.create_user(username, role=role)
    login(page, username)
    for _ in range(3):  # from the default size to the largest step: drawn at once, no new page
        page.get_by_role("button", name="tăng cỡ chữ").click()
    assert page.locator("html.fs-3").count() == 1
    for path in MEMBER_PAGES + (ADMIN_PAGES if role == "admin" else []):
        response = page.goto(path)
        assert response.status == 200, f"{path} answered {response.status}"
        assert page.locator("html.fs-3").count() == 1, f"{path} forgot the text size"
        assert_no_horizontal_scroll(page)
        # The bars stay phone-sized so the content keeps most of the screen.
        bars = page.get_by_role("banner").bounding_box()["height"] + page.get_by_role(
            "navigation", name="Điều hướng chính").bounding_box()["height"]
        assert bars <= 740 / 4, f"{path}: top and bottom bars take {bars} px of 740"
        assert_accessible(page)


def test_first_login_forces_a_new_password(page, live_server):
    live_server.create_user("e2e-first-login", password="mat-khau-tam-thoi", must_change_password=True)
    login(page, "e2e-first-login", "mat-khau-tam-thoi", expect_path="/account/password")
    assert_accessible(page)
    page.goto("/library")  # nothing else opens until the password is changed
    assert page.url.endswith("/account/password")
    page.get_by_label("Mật khẩu hiện tại").fill("mat-khau-tam-thoi")
    page.get_by_label("Mật khẩu mới", exact=True).fill("ngay mai troi lai sang")
    page.get_by_label("Nhập lại mật khẩu mới").fill("ngay mai troi lai sang")
    with page.expect_navigation():
        page.get_by_role("button", name="Lưu mật khẩu mới").click()
    assert page.url.endswith("/")
    assert page.get_by_text("Đã đổi mật khẩu.").is_visible()
    logout(page)
    login(page, "e2e-first-login", "ngay mai troi lai sang")


def test_back_after_logout_does_not_show_the_members_page(page, live_server):
    login(page, "dangvien2")
    page.goto("/account")
    assert page.get_by_text("0912000004").is_visible()
    with page.expect_navigation():
        page.get_by_role("button", name="Đăng xuất").click()
    assert page.get_by_text("Đồng chí đã đăng xuất.").is_visible()
    page.go_back()
    page.wait_for_load_state()
    assert page.get_by_text("0912000004").count() == 0, f"the account page is still shown at {page.url}"
    assert page.get_by_label("Mật khẩu", exact=True).is_visible()


def test_wrong_password_gets_one_message_that_does_not_say_which_part(page, live_server, console_errors):
    page.goto("/login")
    page.get_by_label("Tên đăng nhập, số thẻ đảng viên hoặc số điện thoại").fill("dangvien3")
    page.get_by_label("Mật khẩu", exact=True).fill("sai-mat-khau")
    with page.expect_navigation():
        page.get_by_role("button", name="Đăng nhập").click()
    assert page.get_by_role("alert").inner_text() == "Thông tin đăng nhập không đúng. Vui lòng kiểm tra và thử lại."
    assert page.get_by_label("Tên đăng nhập, số thẻ đảng viên hoặc số điện thoại").input_value() == "dangvien3"
    assert_accessible(page)
    console_errors.clear()  # the browser logs the 401 status itself


@pytest.mark.parametrize("username", [None, "dangvien"])
def test_not_found_page_is_vietnamese_and_accessible(page, live_server, console_errors, username):
    if username:
        login(page, username)
    page.goto("/khong-co-trang-nay")
    assert page.get_by_role("heading", level=1).inner_text() == "Không tìm thấy trang"
    assert_no_horizontal_scroll(page)
    assert_accessible(page)
    console_errors.clear()  # the browser logs the 404 status itself
