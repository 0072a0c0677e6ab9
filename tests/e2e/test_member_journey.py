"""A member's meeting evening on a phone: the next meeting, its linked article, RSVP, a note, search."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.browser import assert_accessible, login

pytestmark = pytest.mark.e2e

SLOW = 20_000  # ms: the shared machine may be slow; Playwright waits only as long as needed


def test_member_prepares_for_the_next_meeting(page, live_server):
    login(page, "dangvien")
    assert_accessible(page)

    # The home page names the next meeting; one tap opens it.
    panel = page.locator("section.card", has=page.get_by_role("heading", name="Buổi họp tới"))
    panel.get_by_role("link", name=re.compile("Sinh hoạt chi bộ định kỳ")).click()
    expect(page).to_have_url(re.compile(r"/meetings/\d+$"))
    meeting_url = page.url
    assert_accessible(page)

    # The agenda's linked article opens in the reader, scrolled to Article 3.
    page.get_by_role("link", name="08-QĐi/TW").first.click()
    expect(page).to_have_url(re.compile(r"/library/08-qdi-tw#dieu-3$"))
    expect(page.locator("#dieu-3")).to_be_in_viewport()
    # No chapters in this document: articles are headed right under the title (heading order).
    expect(page.locator("#dieu-3").get_by_role("heading", level=2)).to_contain_text("Điều 3")
    assert_accessible(page)

    # RSVP: "absent" needs a reason, then the member decides to attend after all.
    page.goto(meeting_url)
    rsvp = page.locator("#rsvp")
    rsvp.get_by_text("Vắng", exact=True).click()
    rsvp.get_by_role("button", name="Gửi: vắng").click()
    expect(page.get_by_text("Vui lòng ghi lý do vắng.")).to_be_visible(timeout=SLOW)
    page.locator("#rsvp").get_by_role("button", name="Tham dự").click()
    expect(page.locator("#rsvp")).to_contain_text("Đồng chí đã đăng ký: Tham dự", timeout=SLOW)
    assert_accessible(page)

    # The member's own note on the meeting saves itself while they type.
    page.get_by_role("link", name="Ghi chép của tôi").click()
    expect(page).to_have_url(re.compile(r"/meetings/\d+/note$"))
    box = page.get_by_label("Ghi chép của tôi")
    box.press("End")
    box.press_sequentially("\nCần nêu gương trong học tập nghị quyết.")
    expect(page.locator("#note-status")).to_contain_text("Đã lưu lúc", timeout=SLOW)
    assert_accessible(page)
    page.goto("/notes")
    assert_accessible(page)

    # A phrase typed without accents finds the article, highlighted, and the hit deep-links.
    page.goto("/search")
    page.get_by_label("Tìm trong văn bản và ghi chép").fill("neu guong")
    results = page.locator("#search-results")
    expect(results.locator("mark").first).to_be_visible(timeout=SLOW)
    expect(results.locator("mark", has_text=re.compile("nêu", re.IGNORECASE)).first).to_be_visible()
    expect(results.locator("mark", has_text=re.compile("gương", re.IGNORECASE)).first).to_be_visible()
    assert_accessible(page)
    article = results.locator("a[href^='/library/']").first
    href = article.get_attribute("href")
    assert re.search(r"^/library/[\w-]+#[\w-]+$", href), href
    article.click()
    expect(page).to_have_url(re.compile(re.escape(href) + "$"))
    expect(page.locator("#" + href.split("#")[1])).to_be_in_viewport()

    for path in ("/library", "/meetings", "/account"):
        page.goto(path)
        assert_accessible(page)
