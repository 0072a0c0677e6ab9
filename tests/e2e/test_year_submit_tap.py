"""A slow tap on "Nộp" right after typing: pressing the button takes the focus from the last
field, whose `change` autosaves at once; the save's answer refreshes the part of the page that
holds the button. The button must survive that answer, or the press lands on one element and the
release on another and the browser sends nothing (seen in a browser run: the member's review
stayed a draft with no word said). And "Nộp" hands the paper on only once its last words are
saved: handed on before that save arrived, the paper lacked them and their copy stayed on the
phone, refused at every page (the paper no longer changes) and named again at logout."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from tests.e2e.browser import login

pytestmark = pytest.mark.e2e

SLOW = 20_000


def _press_while_saving(page, button) -> None:
    """The finger down on the button, the save the blur sent answered and drawn (the version
    it returns is in the form), then the finger up, as under a member's slower finger."""
    version = page.locator("#paper-version")
    typed_on = version.input_value()
    button.scroll_into_view_if_needed()
    box = button.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.down()
    expect(version).not_to_have_value(typed_on, timeout=SLOW)
    page.mouse.up()


def _a_saved_commitment(page, server, username: str) -> int:
    """A new member's commitment with its first line saved; the year."""
    server.create_user(username)
    login(page, username)
    year = datetime.date.today().year
    page.goto(f"/year/{year}/commitment")
    page.get_by_label("Bản cam kết").fill("1. Học Quy định 08-QĐi/TW mỗi tháng.")
    expect(page.locator("#paper-status")).to_contain_text("Đã lưu lúc", timeout=SLOW)
    return year


def test_the_commitment_is_submitted_by_a_tap_that_outlasts_the_autosave(page, live_server):
    year = _a_saved_commitment(page, live_server, "tapcam")
    page.get_by_label("Bản cam kết").fill("1. Học Quy định 08-QĐi/TW mỗi tháng.\n2. Tham gia tổ dân phố.")
    _press_while_saving(page, page.get_by_role("button", name="Nộp bản cam kết cho chi bộ"))
    expect(page.get_by_text(f"Đã nộp bản cam kết năm {year}")).to_be_visible(timeout=SLOW)


def test_the_review_is_submitted_by_a_tap_that_outlasts_the_autosave(page, live_server):
    live_server.create_user("tapkd")
    login(page, "tapkd")
    year = datetime.date.today().year
    page.goto(f"/year/{year}/review")
    for label, text in (("Về phẩm chất đạo đức, lối sống", "Giản dị."), ("Về việc thực hiện cam kết", "Đủ."),
                        ("Hạn chế, khuyết điểm", "Còn ngại phát biểu.")):
        page.get_by_label(label).fill(text)
    for label, points in (("Tư tưởng chính trị", "9"), ("Phẩm chất đạo đức, lối sống, trách nhiệm nêu gương", "9"),
                          ("Ý thức tổ chức kỷ luật, tự phê bình và phê bình", "9"),
                          ("Kết quả thực hiện nhiệm vụ được giao", "60")):
        page.get_by_label(label, exact=True).fill(points)
    expect(page.locator("#proposal")).to_contain_text("87/100", timeout=SLOW)
    page.get_by_label("Nhiệm vụ hoàn thành vượt mức", exact=False).fill("10")
    _press_while_saving(page, page.get_by_role("button", name="Nộp bản tự kiểm điểm"))
    expect(page.get_by_text(f"Đã nộp bản tự kiểm điểm năm {year}")).to_be_visible(timeout=SLOW)


def _commitment(server, username: str):
    from sqlalchemy import select

    from handbook.auth.models import User
    from handbook.extensions import db
    from handbook.year.models import Commitment

    def read():
        found = db.session.execute(select(Commitment.body, Commitment.status).join(User, User.id == Commitment.user_id)
                                   .where(User.username == username)).first()
        return tuple(found) if found else None

    return server.run_in_app(read)


def test_the_commitment_is_handed_on_with_the_words_typed_just_before(page, live_server):
    year = _a_saved_commitment(page, live_server, "tapcuoi")
    # The save that pressing "Nộp" sends is held on its way, as on a slow network.
    held = []
    saves = re.compile(rf".*/year/{year}/commitment$")
    page.route(saves, lambda route: held.append(route) if route.request.method == "POST"
               else route.continue_())
    page.get_by_label("Bản cam kết").fill("1. Học Quy định 08-QĐi/TW mỗi tháng.\n2. Việc cuối cùng.")
    page.get_by_role("button", name="Nộp bản cam kết cho chi bộ").click()
    expect(page.locator("#paper-status")).to_have_text("Đang lưu trước khi nộp…")
    assert held and page.url.endswith(f"/year/{year}/commitment")
    assert _commitment(live_server, "tapcuoi") == ("1. Học Quy định 08-QĐi/TW mỗi tháng.", "draft")
    for route in held:
        route.continue_()
    page.unroute(saves)
    expect(page.get_by_text(f"Đã nộp bản cam kết năm {year}")).to_be_visible(timeout=SLOW)
    body, status = _commitment(live_server, "tapcuoi")
    assert status == "submitted" and body.endswith("2. Việc cuối cùng.")
    # Nothing is left on the phone to send: the next page sends no refused copy.
    refused = []
    page.on("response", lambda response: refused.append(response.url) if response.status == 409 else None)
    page.goto("/year")
    page.wait_for_load_state("networkidle")
    assert not refused
