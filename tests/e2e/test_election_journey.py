"""An election of several people on one ballot, on phones: the secretary opens a secret election
of two among three, a member who ticks three is told the ballot is over the number and changes
it, another picks one, the secretary adds the show of hands and closes, and the result, per
candidate with who is elected, is on the votes page and in the minutes."""

import pytest
from playwright.sync_api import expect

from tests.e2e.browser import assert_accessible, assert_no_horizontal_scroll, login
from tests.e2e.test_vote_journey import SLOW, arrange, phone

pytestmark = pytest.mark.e2e

PEOPLE = {"bau_bithu": "Nguyễn Thị Chủ Trì", "bau_dangvien": "Lê Văn Một", "bau_dangvien2": "Phạm Thị Hai"}
CANDIDATES = ("Nguyễn Văn Bầu", "Lê Thị Cử", "Trần Văn Phiếu")


def member_picks(browser, server, path, username, picks, first_try=()):
    """A member on their own phone ticks candidates and sends the ballot; `first_try`, if
    given, is a ballot of too many names, refused before the right one is sent."""
    context, page, errors = phone(browser, server)
    try:
        login(page, username)
        page.goto(path)
        box = page.locator("#bieu-quyet")
        expect(box).to_contain_text("Bầu 2 người: đánh dấu tối đa 2 người")
        assert_accessible(page)
        for name in first_try:
            box.get_by_role("checkbox", name=name, exact=True).check()
        if first_try:
            box.get_by_role("button", name="Gửi biểu quyết").click()
            expect(page.locator("#bieu-quyet")).to_contain_text(
                "Phiếu bầu quá số lượng: chỉ được chọn tối đa 2 người (đồng chí đã chọn 3).", timeout=SLOW)
            box = page.locator("#bieu-quyet")
            for name in first_try:  # what was ticked is still ticked
                expect(box.get_by_role("checkbox", name=name, exact=True)).to_be_checked()
            for name in set(first_try) - set(picks):
                box.get_by_role("checkbox", name=name, exact=True).uncheck()
        else:
            for name in picks:
                box.get_by_role("checkbox", name=name, exact=True).check()
        box.get_by_role("button", name="Gửi biểu quyết").click()
        expect(page.locator("#bieu-quyet")).to_contain_text("Đã ghi nhận biểu quyết của đồng chí", timeout=SLOW)
        expect(page.locator("#bieu-quyet")).to_contain_text("Phiếu kín của đồng chí: " + ", ".join(picks))
        assert_no_horizontal_scroll(page)
        assert not errors, errors
    finally:
        context.close()


def test_an_election_of_two_among_three_on_phones(page, browser, live_server, console_errors):
    meeting_id = arrange(live_server, "Chi bộ Bầu cử (thử trên điện thoại)", PEOPLE)
    path = f"/meetings/{meeting_id}"
    login(page, "bau_bithu")
    page.goto(path + "/attendance")
    for name in PEOPLE.values():
        page.locator("li.attendance-row", has_text=name).get_by_role("radio", name="Có mặt").check()
    page.get_by_role("button", name="Lưu điểm danh").click()
    expect(page.get_by_role("status")).to_have_text("Đã lưu điểm danh.", timeout=SLOW)

    # The secretary opens a secret election of two among three.
    page.goto(path + "/votes")
    page.get_by_label("Nội dung biểu quyết").fill("Bầu chi ủy")
    page.get_by_label("Loại biểu quyết").select_option(label="Bầu (danh sách người)")
    page.get_by_label("Danh sách người hoặc phương án", exact=False).fill("\n".join(CANDIDATES))
    page.get_by_label("Số người cần bầu (khi bầu cử)").fill("2")
    page.get_by_label("Bỏ phiếu kín (không lưu ai chọn gì)").check()
    assert_accessible(page)
    page.get_by_role("button", name="Mở biểu quyết").click()
    expect(page.get_by_text("Đã mở biểu quyết.")).to_be_visible(timeout=SLOW)
    expect(page.locator("#dang-bieu-quyet")).to_contain_text("bầu 2 người")

    member_picks(browser, live_server, path, "bau_dangvien", ["Nguyễn Văn Bầu", "Lê Thị Cử"], first_try=CANDIDATES)
    member_picks(browser, live_server, path, "bau_dangvien2", ["Nguyễn Văn Bầu"])

    # She votes by show of hands: one member, for Bầu and Phiếu.
    page.reload()
    expect(page.locator("#dang-bieu-quyet")).to_contain_text("2 phiếu qua điện thoại")
    page.get_by_label("Số đồng chí bầu bằng giơ tay").fill("1")
    page.get_by_label("Nguyễn Văn Bầu (giơ tay)", exact=True).fill("1")
    page.get_by_label("Trần Văn Phiếu (giơ tay)", exact=True).fill("1")
    assert_accessible(page)
    page.get_by_role("button", name="Đóng biểu quyết và tính kết quả").click()
    elected = "Trúng cử: Nguyễn Văn Bầu (3 phiếu)."
    expect(page.get_by_text(elected)).to_be_visible(timeout=SLOW)
    result = page.locator("li", has_text="Bầu chi ủy")
    expect(result).to_contain_text("Bầu 2 người, 3 phiếu hợp lệ")
    expect(result).to_contain_text("Còn thiếu 1 người: cần bầu lại")
    expect(result).to_contain_text("Nguyễn Văn Bầu: 3 phiếu (100%) — trúng cử; Lê Thị Cử: 1 phiếu (33%); "
                                   "Trần Văn Phiếu: 1 phiếu (33%)")
    assert_no_horizontal_scroll(page)

    page.goto(path + "/minutes")
    expect(page.locator("#ket-qua-bieu-quyet")).to_contain_text(elected)
    expect(page.locator("#ket-qua-bieu-quyet")).to_contain_text("Nguyễn Văn Bầu: 3 phiếu (100%) — trúng cử")
