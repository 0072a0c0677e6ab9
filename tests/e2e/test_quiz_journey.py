"""A quiz on a phone: a member opens the demo's 10-question quiz from the home page, answers (one
answer chosen while the connection is down), reloads without the clock starting again, hands in,
and reads the article behind the answer they got wrong."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.browser import assert_accessible, assert_no_horizontal_scroll, login
from tests.e2e.measure import apply_mode

pytestmark = pytest.mark.e2e

SLOW = 20_000


def _server_item(server, attempt_id: int, position: int) -> dict:
    """What the server holds of one question of the attempt: the letters of its key and of the answer."""
    from sqlalchemy import select

    from handbook.extensions import db
    from handbook.quiz.models import AttemptItem, Choice

    def read():
        item = db.session.scalar(select(AttemptItem).where(AttemptItem.attempt_id == attempt_id,
                                                           AttemptItem.position == position))
        right = set(db.session.scalars(select(Choice.id).where(Choice.question_id == item.question_id,
                                                               Choice.correct.is_(True))))
        chosen = set(item.chosen_ids)
        return {"key": ["ABCDEF"[i] for i, cid in enumerate(item.order) if cid in right],
                "chosen": ["ABCDEF"[i] for i, cid in enumerate(item.order) if cid in chosen],
                "anchor": item.question.anchor}

    return server.run_in_app(read)


def _seconds(text: str) -> int:
    minutes, seconds = text.split(":")
    return int(minutes) * 60 + int(seconds)


def _answer(page, position: int, letters: list[str]) -> None:
    fieldset = page.locator(f"#cau-{position}")
    for letter in letters:
        fieldset.locator(f"input[value='{letter}']").check()


def test_a_member_takes_the_quiz_and_reads_the_article_behind_a_wrong_answer(page, context, live_server,
                                                                           console_errors):
    live_server.create_user("quiz-member", full_name="Đỗ Thị Thi")
    login(page, "quiz-member")
    card = page.locator("#bai-kiem-tra")
    expect(card).to_contain_text("Kiểm tra hiểu biết Điều lệ Đảng")
    card.get_by_role("link", name=re.compile("Kiểm tra hiểu biết Điều lệ Đảng")).click()
    assert_accessible(page)
    page.get_by_role("button", name=re.compile("Bắt đầu làm bài")).click()
    expect(page).to_have_url(re.compile(r"/quiz/attempts/\d+$"))
    attempt_id = int(page.url.rsplit("/", 1)[1])
    expect(page.locator("fieldset.question")).to_have_count(10)
    expect(page.locator("#quiz-clock")).to_have_text(re.compile(r"^(20:00|19:5\d)$"))
    assert_no_horizontal_scroll(page)
    assert_accessible(page)

    # Question 1 answered wrong on purpose, the others right, each saved as it is chosen.
    items = {p: _server_item(live_server, attempt_id, p) for p in range(1, 11)}
    wrong = next(letter for letter in "ABCD" if letter not in items[1]["key"])
    _answer(page, 1, [wrong])
    expect(page.locator("#luu-1")).to_contain_text("Đã lưu câu 1", timeout=SLOW)
    for position in range(2, 10):
        _answer(page, position, items[position]["key"])
        expect(page.locator(f"#luu-{position}")).to_contain_text(f"Đã lưu câu {position}", timeout=SLOW)

    # The connection drops while the last answer is chosen: kept on the phone, sent when it returns.
    context.set_offline(True)
    _answer(page, 10, items[10]["key"])
    expect(page.locator("#luu-10")).to_contain_text("Chưa lưu được", timeout=SLOW)
    context.set_offline(False)
    expect(page.locator("#luu-10")).to_contain_text("Đã lưu câu 10", timeout=SLOW)
    console_errors.clear()  # the browser and htmx log the failed send themselves
    assert _server_item(live_server, attempt_id, 10)["chosen"] == items[10]["key"]

    # A reload shows the same answers and the server's clock, which kept running.
    before = _seconds(page.locator("#quiz-clock").inner_text())
    page.reload()
    expect(page.locator("#cau-2 input:checked")).to_have_count(len(items[2]["key"]))
    assert _seconds(page.locator("#quiz-clock").inner_text()) <= before
    apply_mode(page, "root200")  # the phone's own text zoom at 200 %
    assert_no_horizontal_scroll(page)

    page.get_by_role("button", name="Nộp bài").click()
    expect(page).to_have_url(re.compile(rf"/quiz/attempts/{attempt_id}/results$"))
    expect(page.locator(".quiz-score")).to_contain_text("9/10")
    assert_no_horizontal_scroll(page)
    assert_accessible(page)

    anchor = items[1]["anchor"]
    page.locator("#cau-1").get_by_role("link", name=re.compile(r"^Đọc Điều")).click()
    expect(page).to_have_url(re.compile(rf"/library/dieu-le-dang\?muc={anchor}#{anchor}$"))
    expect(page.locator(f"[id='{anchor}']")).to_be_visible()
    assert_accessible(page)
