"""A study programme on a phone: a member opens the province's programme from the home page,
reads one of its documents and marks it studied, writes a thu hoạch that saves itself, and hands
it to the cell — at the phone's width, and with the phone's text at 200 %."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.browser import assert_accessible, assert_no_horizontal_scroll, login
from tests.e2e.measure import apply_mode

pytestmark = pytest.mark.e2e

SLOW = 20_000
THOUGHTS = "Tôi nhận làm gương trong việc xử lý hồ sơ trên môi trường số."


def _check(page) -> None:
    assert_no_horizontal_scroll(page)
    assert_accessible(page)
    apply_mode(page, "root200")
    assert_no_horizontal_scroll(page)
    assert_accessible(page)


def test_a_member_reads_the_programme_writes_a_thu_hoach_and_hands_it_in(page, live_server, console_errors):
    live_server.create_user("study-member", full_name="Vũ Thị Học")
    # Imported once the app has loaded every model (create_user builds it): imported first, the
    # study's tables would be mapped before the meetings' table they point to, and fail.
    from handbook.study.demo import TITLE

    login(page, "study-member")
    card = page.locator("#hoc-tap")
    expect(card).to_contain_text("Đã học 0/2 văn bản")
    card.get_by_role("link", name=TITLE).click()
    expect(page.get_by_role("heading", name=TITLE)).to_be_visible()
    _check(page)

    page.locator("#can-hoc").get_by_role("link", name=re.compile(r"^01-CT")).click()
    expect(page).to_have_url(re.compile(r"/library/01-ct-tw"))
    page.get_by_role("button", name="Đánh dấu đã học").click()
    expect(page.locator("#studied-form")).to_contain_text("Đã học", timeout=SLOW)
    page.go_back()
    page.reload()
    expect(page.locator("#can-hoc .tag.ok")).to_have_count(1)

    page.get_by_role("link", name="Viết thu hoạch").click()
    expect(page.get_by_role("heading", name="Bài thu hoạch")).to_be_visible()
    page.get_by_label("Bài thu hoạch").fill(THOUGHTS)
    expect(page.locator("#harvest-status")).to_contain_text("Đã lưu lúc", timeout=SLOW)  # saved with no button pressed
    _check(page)
    page.reload()
    expect(page.get_by_label("Bài thu hoạch")).to_have_value(THOUGHTS)
    page.get_by_role("button", name="Nộp thu hoạch cho chi bộ").click()
    expect(page.locator("#thu-hoach")).to_contain_text("Đã nộp chi bộ")
    page.get_by_role("link", name="Xem bài đã nộp").click()
    expect(page.locator(".paper-text")).to_have_text(THOUGHTS)
    page.goto("/")  # one document still to read: the card stays, with the thu hoạch handed in
    expect(page.locator("#hoc-tap")).to_contain_text("Đã học 1/2 văn bản · đã nộp thu hoạch")
    assert console_errors == []
