"""Reading a long document on a phone: one page at a time, the next appended as the member
scrolls on, and links made elsewhere (/library/<slug>#<anchor>) finding their page."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.browser import assert_accessible, login
from tests.library_factories import long_document

pytestmark = pytest.mark.e2e

SLOW = 20_000  # ms: the shared machine may be slow; Playwright waits only as long as needed


def _long_document_pages() -> tuple[str, list[list[str]]]:
    """The slug and, per page, the articles on it (as the server splits them)."""
    from handbook.library.paging import layout_for

    document = long_document()
    layout = layout_for(document)
    pages = [[e.anchor for e in layout.entries(n) if e.level == "dieu"] for n in range(1, layout.page_count + 1)]
    return document.slug, pages


def _remove_long_document() -> None:
    from handbook.extensions import db

    db.session.delete(long_document())
    db.session.commit()


@pytest.fixture
def long_pages(live_server):
    """The long document exists only for this journey: its words would crowd other journeys' searches."""
    yield live_server.run_in_app(_long_document_pages)
    live_server.run_in_app(_remove_long_document)


def test_member_reads_a_long_document_page_after_page(page, live_server, long_pages):
    slug, pages = long_pages
    live_server.create_user("e2e-reader")
    login(page, "e2e-reader")

    page.goto(f"/library/{slug}")
    expect(page.locator("#" + pages[0][0])).to_be_attached()
    expect(page.locator("#" + pages[1][0])).to_have_count(0)
    assert_accessible(page)

    # Reaching the end of page 1 brings page 2's articles below it, once.
    page.evaluate("() => window.scrollTo(0, document.body.scrollHeight)")
    for anchor in pages[1]:
        expect(page.locator("#" + anchor)).to_have_count(1, timeout=SLOW)
    # "Next article" across the seam now stays in this page instead of reloading it.
    last = page.locator("#" + pages[0][-1])
    last.get_by_role("link", name=re.compile("→$")).click()
    expect(page).to_have_url(re.compile(rf"/library/{slug}#{pages[1][0]}$"))
    expect(page.locator("#" + pages[1][0])).to_be_in_viewport()

    # A link made elsewhere to an article on page 3 finds it.
    target = pages[2][1]
    page.goto(f"/library/{slug}#{target}")
    expect(page).to_have_url(re.compile(rf"\?muc={target}#{target}$"), timeout=SLOW)
    expect(page.locator("#" + target)).to_be_in_viewport()
    expect(page.locator("#" + pages[0][0])).to_have_count(0)
    assert_accessible(page)

    # The contents link to page 1 from page 3 opens page 1 at that article.
    page.locator("details.toc summary").click()
    page.locator("details.toc").get_by_role("link", name=re.compile(r"^Điều 2\.")).click()
    expect(page).to_have_url(re.compile(r"\?trang=1#dieu-2$"))
    expect(page.locator("#dieu-2")).to_be_in_viewport()


def test_the_reader_of_a_replaced_rule_leads_to_the_one_in_force(page, live_server):
    live_server.create_user("e2e-replaced")
    login(page, "e2e-replaced")

    page.goto("/library/124-qd-tw")
    notice = page.get_by_role("note").filter(has_text="đã được thay thế")
    expect(notice).to_contain_text("Văn bản này đã được thay thế bởi Quy định 366-QĐ/TW")
    assert_accessible(page)

    notice.get_by_role("link", name="Quy định 366-QĐ/TW").click()
    expect(page).to_have_url(re.compile(r"/library/366-qd-tw$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Quy định số 366-QĐ/TW")
    expect(page.get_by_role("note").filter(has_text="Chưa có toàn văn")).to_be_visible()
    expect(page.locator("#tom-tat")).to_contain_text("thang 100 điểm")
    expect(page.get_by_role("link", name="Quy định 124-QĐ/TW")).to_be_visible()
    assert_accessible(page)
