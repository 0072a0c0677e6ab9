"""An elderly member's evening on a cheap phone, at the app's largest text and at 200 % root
text: what the meeting needs is on the first screens, nothing is covered, nothing surprises."""

import re
from datetime import timedelta

import pytest
from playwright.sync_api import expect

from handbook.demo import CELL2
from handbook.models_base import utcnow
from tests.e2e.browser import PHONE, assert_accessible, assert_no_horizontal_scroll, login
from tests.e2e.data import add_meeting, meeting_note_body, move_to_cell
from tests.e2e.measure import (
    SCREEN_H,
    TEXT_MODES,
    apply_mode,
    assert_uncovered,
    assert_within_screens,
    bars_height,
    open_page,
    user_for,
)

pytestmark = pytest.mark.e2e

SLOW = 20_000
NEXT_MEETING = "/meetings/3"  # the demo's next regular meeting of cell 1, agenda published


@pytest.mark.parametrize("mode", TEXT_MODES)
def test_meeting_page_puts_the_members_part_first(page, live_server, mode):
    login(page, user_for(live_server, "e2e-eld-meeting", mode))
    open_page(page, NEXT_MEETING, mode)
    box = page.locator(".member-box")
    attend = box.get_by_role("button", name="Tham dự")
    for control, what in ((attend, "the Tham dự button"), (box.get_by_text("Vắng", exact=True), "the Vắng button"),
                          (box.get_by_role("link", name="Ghi chép của tôi"), "the note link")):
        assert_within_screens(control, 2, what)
        assert_uncovered(control, what)
    assert_no_horizontal_scroll(page)
    assert bars_height(page) <= SCREEN_H * 0.2
    assert_accessible(page)

    # Vắng opens the reason box; Tham dự afterwards answers in one tap and clears the reason.
    reason = box.get_by_label("Lý do vắng")
    expect(reason).to_be_hidden()
    box.get_by_text("Vắng", exact=True).click()
    reason.fill("Đi khám bệnh")
    box.get_by_role("button", name="Gửi: vắng").click()
    expect(page.locator("#rsvp .rsvp-state")).to_contain_text("Vắng — lý do: Đi khám bệnh", timeout=SLOW)
    page.locator("#rsvp").get_by_role("button", name="Tham dự").click()
    expect(page.locator("#rsvp .rsvp-state")).to_contain_text("Đồng chí đã đăng ký: Tham dự", timeout=SLOW)
    expect(page.locator("#rsvp").get_by_label("Lý do vắng")).to_be_hidden()
    expect(page.locator("#rsvp").get_by_label("Lý do vắng")).to_have_value("")
    assert_accessible(page)

    # The home card says the same answer and offers the buttons.
    open_page(page, "/", mode)
    card = page.locator("section.card", has=page.get_by_role("heading", name="Buổi họp tới"))
    expect(card.locator(".rsvp-state")).to_contain_text("Tham dự")
    assert_uncovered(card.get_by_role("button", name="Tham dự"), "the home card's Tham dự button")
    assert_no_horizontal_scroll(page)
    assert_accessible(page)


@pytest.mark.parametrize("mode", TEXT_MODES)
def test_check_in_is_remembered_after_a_reload(page, live_server, mode):
    # In the demo's second cell, so the demo cell's "next meeting" stays the one other journeys expect.
    meeting_id = add_meeting(live_server, f"Họp điểm danh {mode}", utcnow() - timedelta(minutes=5), ["Khai mạc"],
                             cell_name=CELL2)

    def open_code():
        from handbook.extensions import db
        from handbook.meetings.models import Meeting
        m = db.session.get(Meeting, meeting_id)
        m.checkin_code, m.checkin_until = "246810", utcnow() + timedelta(hours=2)
        db.session.commit()
    live_server.run_in_app(open_code)

    username = user_for(live_server, "e2e-eld-checkin", mode)
    move_to_cell(live_server, username, CELL2)
    login(page, username)
    open_page(page, f"/meetings/{meeting_id}", mode)
    code = page.get_by_label("Mã điểm danh (đọc ở buổi họp)")
    assert_within_screens(code, 2, "the check-in code box")
    code.fill("246810")
    with page.expect_navigation():
        page.get_by_role("button", name="Điểm danh").click()
    page.reload()
    apply_mode(page, mode)
    expect(page.locator(".member-box")).to_contain_text(re.compile(r"Đã điểm danh lúc \d\d:\d\d"))
    expect(page.get_by_label("Mã điểm danh (đọc ở buổi họp)")).to_have_count(0)
    assert_accessible(page)


@pytest.mark.parametrize("mode", TEXT_MODES)
def test_note_box_is_on_the_first_screen_and_the_status_stays_in_view(page, live_server, mode):
    login(page, user_for(live_server, "e2e-eld-note", mode))
    open_page(page, NEXT_MEETING + "/note", mode)
    box = page.get_by_label("Ghi chép của tôi")
    nav_h = page.get_by_role("navigation", name="Điều hướng chính").bounding_box()["height"]
    top = box.evaluate("el => el.getBoundingClientRect().top")
    assert top < SCREEN_H - nav_h - 40, f"the note box starts at {top:.0f} px, below the first screen"
    assert_no_horizontal_scroll(page)
    assert_accessible(page)

    # The agenda is one line until opened; its "+ Chèn" buttons then drop a heading in the note.
    agenda = page.locator("details.note-agenda")
    agenda.locator("summary").click()
    agenda.get_by_role("button", name=re.compile("Chèn tiêu đề mục 1")).click()
    box.press("End")
    box.press_sequentially("\nDòng một\nDòng hai\nDòng ba\n" + "Thêm ý kiến. " * 30)
    status = page.locator("#note-status")
    # While typing, far down a long note: the status is on screen and nothing lies on it.
    assert_uncovered(status, "the save status while typing")
    expect(status).to_contain_text("Đã lưu lúc", timeout=SLOW)
    box.focus()
    box.press("End")
    assert_uncovered(status, "the save status at the end of the note")
    assert_uncovered(box, "the note box")
    assert_accessible(page)


def _has_vietnamese_voice(page) -> bool:
    page.wait_for_timeout(0)
    return page.evaluate(
        "() => new Promise(done => { const find = () => speechSynthesis.getVoices().some(v => /^vi/i.test(v.lang));"
        " if (find()) return done(true); speechSynthesis.addEventListener('voiceschanged', () => done(find()));"
        " setTimeout(() => done(find()), 2000); })")


@pytest.mark.parametrize("mode", TEXT_MODES)
def test_read_aloud_on_an_article_the_agenda_and_the_note(page, live_server, mode):
    login(page, user_for(live_server, "e2e-eld-speak", mode))
    voice = None
    for path, block in (("/library/08-qdi-tw", "#dieu-3 .speak"), (NEXT_MEETING, ".card .speak"),
                        (NEXT_MEETING + "/note", ".note-form .speak")):
        open_page(page, path, mode)
        if voice is None:
            voice = _has_vietnamese_voice(page)
        controls = page.locator(block).first
        listen = controls.get_by_role("button", name="Nghe đọc")
        assert_uncovered(listen, f"Nghe đọc on {path}")
        if path.endswith("/note"):
            page.get_by_label("Ghi chép của tôi").fill("Ý kiến của tôi về nghị quyết.")
        listen.click()
        if voice:
            page.wait_for_function("() => speechSynthesis.speaking")
            controls.get_by_role("button", name="Tạm dừng").click()
            controls.get_by_role("button", name="Nghe tiếp").click()
            controls.get_by_role("button", name="Chậm hơn").click()
            controls.get_by_role("button", name="Dừng").click()
        else:
            # Headless Chromium has no voices: the member is told plainly, nothing is sent anywhere.
            expect(controls.get_by_role("status")).to_contain_text("chưa có giọng đọc tiếng Việt", timeout=SLOW)
        assert_no_horizontal_scroll(page)
        assert_accessible(page)


@pytest.mark.parametrize("mode", TEXT_MODES)
def test_words_a_reader_expects(page, live_server, mode):
    login(page, user_for(live_server, "e2e-eld-words", mode))
    open_page(page, NEXT_MEETING, mode)
    expect(page.get_by_role("link", name=re.compile(r"^Điều 3\. .*\(08-QĐi.TW\)$")).first).to_be_visible()
    open_page(page, "/library/08-qdi-tw/sections/dieu-3/note", mode)
    expect(page.get_by_role("heading", level=1)).to_have_text("Ghi chú: Điều 3, 08-QĐi/TW")
    page.locator("details.note-agenda > summary").click()
    expect(page.locator("#toan-van")).to_contain_text("Điều 3.")
    assert page.locator("#toan-van").evaluate("el => el.innerText.split('\\n').length") > 2, "the article's text, whole"
    assert_accessible(page)


def test_two_phones_saving_different_texts_ask_which_to_keep(page, context, live_server):
    username = user_for(live_server, "e2e-eld-conflict", "plain")
    login(page, username)
    other = context.browser.new_context(base_url=live_server.url, **PHONE)
    try:
        tablet = other.new_page()
        login(tablet, username)
        # Both open the empty note; the tablet saves first.
        page.goto(NEXT_MEETING + "/note")
        tablet.goto(NEXT_MEETING + "/note")
        tablet.get_by_label("Ghi chép của tôi").fill("Ghi trên máy tính bảng")
        tablet.get_by_role("button", name="Lưu").click()
        expect(tablet.locator("#note-status")).to_contain_text("Đã lưu lúc", timeout=SLOW)
    finally:
        other.close()
    page.get_by_label("Ghi chép của tôi").fill("Ghi trên điện thoại")
    page.get_by_role("button", name="Lưu").click()
    conflict = page.locator("#note-conflicts")
    expect(conflict).to_contain_text("Hai máy đã lưu hai bản khác nhau", timeout=SLOW)
    expect(page.locator("#note-status")).not_to_contain_text("Đã lưu")
    expect(conflict).to_contain_text("Ghi trên máy tính bảng")
    expect(conflict).to_contain_text("Ghi trên điện thoại")
    assert_accessible(page)
    with page.expect_navigation():
        conflict.get_by_role("button", name="Giữ cả hai bản").click()
    assert meeting_note_body(live_server, username, 3) == "Ghi trên máy tính bảng\n\nGhi trên điện thoại"
    expect(page.get_by_label("Ghi chép của tôi")).to_have_value("Ghi trên máy tính bảng\n\nGhi trên điện thoại")
