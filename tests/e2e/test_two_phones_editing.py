"""Two phones on one text, over every autosaved editor (notes, the commitment, the self-review,
the minutes, the thu hoạch): both type, the second is told in words within one save that another phone saved
first, a reload still shows both texts, and the writer keeps both."""

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest
from playwright.sync_api import expect

from tests.e2e.browser import PHONE, login
from tests.e2e.data import add_meeting

pytestmark = pytest.mark.e2e

SAVE = 20_000  # ms: autosave waits 1.5–2 s after typing; the machine may be slow


@dataclass
class Editor:
    path: str  # the page
    box: str  # the text both phones type in
    status: str  # the editor's status line


def demo_programme() -> int:
    """The demo's study programme, which every member of the demo's cells takes part in."""
    from sqlalchemy import select

    from handbook.extensions import db
    from handbook.study.demo import TITLE
    from handbook.study.models import Programme

    return db.session.scalar(select(Programme.id).where(Programme.title == TITLE))


def arrange(live_server, kind: str) -> tuple[Editor, str, str]:
    """The editor's page and the two accounts typing on it: one member twice, or for the
    minutes the secretary and the deputy."""
    first = second = f"e2e-two-{kind}"
    if kind == "minutes":
        first, second = "e2e-two-secretary", "e2e-two-deputy"
        live_server.create_user(first, role="secretary")
        live_server.create_user(second, role="deputy")
    else:
        live_server.create_user(first)
    if kind in ("note", "minutes"):
        meeting_id = add_meeting(live_server, f"Sinh hoạt chi bộ (hai máy, {kind})",
                                 datetime.now(UTC) - timedelta(hours=3), ["Thông tin thời sự"],
                                 status="held" if kind == "minutes" else "published")
        if kind == "note":
            return Editor(f"/meetings/{meeting_id}/note", "#note-body", "#note-status"), first, second
        return Editor(f"/meetings/{meeting_id}/minutes", "#conclusions", "#minutes-status"), first, second
    if kind == "harvest":
        return Editor(f"/study/{live_server.run_in_app(demo_programme)}/thu-hoach", "#body", "#harvest-status"), \
            first, second
    year = datetime.now(UTC).year
    if kind == "commitment":
        return Editor(f"/year/{year}/commitment", "#body", "#paper-status"), first, second
    return Editor(f"/year/{year}/review", "#ethics", "#paper-status"), first, second


@pytest.mark.parametrize("kind", ["note", "commitment", "review", "minutes", "harvest"])
def test_two_phones_on_one_text_keep_both_and_choose(page, context, live_server, kind):
    editor, first, second = arrange(live_server, kind)
    login(page, first)
    other = context.browser.new_context(base_url=live_server.url, **PHONE)
    try:
        phone = other.new_page()
        login(phone, second)
        # Both open the text as it is stored; the other phone saves first.
        page.goto(editor.path)
        phone.goto(editor.path)
        phone.locator(editor.box).fill("Chữ gõ trên máy thứ nhất")
        expect(phone.locator(editor.status)).to_contain_text("Đã lưu lúc", timeout=SAVE)
    finally:
        other.close()

    # This phone, still on the version it opened, types: told in words, within that one save.
    page.locator(editor.box).fill("Chữ gõ trên máy thứ hai")
    status = page.locator(editor.status)
    expect(status).to_contain_text("vừa được lưu từ máy khác", timeout=SAVE)
    expect(status).to_contain_text("Cả hai bản đều được giữ")
    expect(status).to_have_attribute("data-state", "conflict")

    # After a reload, both texts are still there, and the choice is offered.
    page.reload()
    choice = page.locator(".text-conflict")
    expect(choice).to_contain_text("Hai máy đã lưu hai bản khác nhau")
    expect(choice).to_contain_text("Chữ gõ trên máy thứ nhất")
    expect(choice).to_contain_text("Chữ gõ trên máy thứ hai")

    with page.expect_navigation():
        choice.get_by_role("button", name="Giữ cả hai bản").click()
    expect(page.locator(editor.box)).to_have_value("Chữ gõ trên máy thứ nhất\n\nChữ gõ trên máy thứ hai")
    expect(page.locator(".text-conflict")).not_to_contain_text("Hai máy đã lưu")
