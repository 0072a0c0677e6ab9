"""A thumb on a 360×740 phone: on every page of every role (the member's, the cell secretary's,
the committee admin's, and the pages before login) every control is at least 44×44 CSS px and
no text is under 14 px (a chart's labels under 12); at 200 % text the note's save status stays on
one line beside "Lưu"."""

import pytest
from playwright.sync_api import expect

from tests.e2e.browser import ADMIN_PAGES, MEMBER_PAGES, demo_cell1_id, login, secretary_pages
from tests.e2e.measure import open_page
from tests.e2e.thumb import small_targets, small_text

pytestmark = pytest.mark.e2e

SAVE_TIMEOUT = 20_000  # ms: autosave waits 1.5 s after typing; the machine may be slow

WALKS = {
    "anonymous": (None, ["/login", "/offline"]),
    "member": ("dangvien", MEMBER_PAGES),
    # The secretary's own view of the meetings besides the pages of running the cell.
    "secretary": ("bithu", lambda cell: ["/", "/meetings/3", "/meetings/1"] + secretary_pages(cell)),
    "admin": ("capuy", ["/"] + ADMIN_PAGES),
}


@pytest.mark.parametrize("role", list(WALKS))
def test_every_control_is_thumb_sized_and_every_text_readable(page, live_server, role):
    username, paths = WALKS[role]
    if callable(paths):
        paths = paths(demo_cell1_id(live_server))
    if username:
        login(page, username)
    found = {}
    for path in paths:
        response = page.goto(path)
        assert response.status == 200, f"{path} answered {response.status}"
        problems = small_targets(page) + small_text(page)
        if problems:
            found[path] = problems
    assert found == {}, "\n".join(f"{path}: {problems}" for path, problems in found.items())


# The lines a text takes: the distinct tops of its line boxes.
LINES = ("el => { const range = document.createRange(); range.selectNodeContents(el);"
         " return new Set(Array.from(range.getClientRects()).map(r => Math.round(r.top))).size; }")


def test_the_save_status_keeps_one_line_at_200_percent_text(page, live_server):
    live_server.create_user("e2e-thumb-note")
    login(page, "e2e-thumb-note")
    open_page(page, "/meetings/3/note", "root200")
    status = page.locator("#note-status")
    assert status.evaluate(LINES) == 1, f"'{status.inner_text()}' takes {status.evaluate(LINES)} lines"
    page.get_by_label("Ghi chép của tôi").press_sequentially("Ý kiến về nhiệm vụ tháng tới.")
    expect(status).to_contain_text("Đã lưu lúc", timeout=SAVE_TIMEOUT)
    assert status.evaluate(LINES) == 1, f"'{status.inner_text()}' takes {status.evaluate(LINES)} lines"
    assert small_targets(page) == []
