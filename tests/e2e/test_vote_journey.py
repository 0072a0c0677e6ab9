"""A cell's meeting by the rules, on phones: the secretary takes attendance and opens a vote,
two members vote on their phones, the secretary closes it with the show of hands, the result
is in the minutes, chair and note-taker both sign, and the minutes print as the book has them.
And a secret ballot, whose choice its member sees only when asking for it."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.browser import PHONE, assert_accessible, assert_no_horizontal_scroll, login

pytestmark = pytest.mark.e2e

SLOW = 20_000  # ms
CELL = "Chi bộ Biểu quyết (thử trên điện thoại)"
PEOPLE = {"vote_bithu": "Nguyễn Văn Chủ", "vote_thuky": "Trần Thị Ký", "vote_dangvien": "Lê Văn Ba"}
TITLE = "Sinh hoạt chi bộ (biểu quyết trên điện thoại)"


def arrange(server, cell_name: str = CELL, people: dict | None = None) -> int:
    """A cell of its own (so other journeys' members do not change the count), its secretary and
    two members, and a published meeting that began ten minutes ago."""
    people = people or PEOPLE
    secretary = next(iter(people))
    from datetime import timedelta

    from sqlalchemy import select

    from handbook.auth.models import RoleAssignment, User
    from handbook.auth.passwords import hash_password
    from handbook.demo import BASE
    from handbook.extensions import db
    from handbook.meetings.agenda.service import create_meeting
    from handbook.models_base import utcnow
    from handbook.orgs.models import Organization, create_org

    def create():
        base = db.session.scalar(select(Organization).where(Organization.name == BASE))
        cell = create_org(cell_name, "cell", base)
        for username, name in people.items():
            user = User(username=username, full_name=name, cell=cell, password_hash=hash_password("sotay-demo"),
                        must_change_password=False)
            db.session.add(user)
            if username == secretary:
                db.session.add(RoleAssignment(user=user, org=cell, role="secretary"))
        meeting = create_meeting(cell, kind="regular", title=TITLE, starts_at=utcnow() - timedelta(minutes=10),
                                 duration_minutes=120, location="Hội trường nhà văn hóa", template="regular")
        meeting.status, meeting.published_at = "published", utcnow() - timedelta(days=2)
        db.session.commit()
        return meeting.id

    return server.run_in_app(create)


def phone(browser, server):
    context = browser.new_context(base_url=server.url, **PHONE)
    context.set_default_timeout(10_000)
    page = context.new_page()
    errors = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    return context, page, errors


def member_votes(browser, server, path, username, choice):
    """A member on their own phone opens the meeting and answers the open vote."""
    context, page, errors = phone(browser, server)
    try:
        login(page, username)
        page.goto(path)
        box = page.locator("#bieu-quyet")
        expect(box).to_contain_text("Thông qua nghị quyết tháng")
        assert_accessible(page)
        box.get_by_role("radio", name=choice, exact=True).check()
        box.get_by_role("button", name="Gửi biểu quyết").click()
        expect(page.locator("#bieu-quyet")).to_contain_text("Đã ghi nhận biểu quyết của đồng chí", timeout=SLOW)
        expect(page.locator("#bieu-quyet")).to_contain_text(f"Đồng chí đã chọn: {choice}")
        assert_no_horizontal_scroll(page)
        assert not errors, errors
    finally:
        context.close()


def test_a_vote_by_phone_goes_into_signed_minutes_that_print(page, browser, live_server, console_errors):
    meeting_id = arrange(live_server)
    path = f"/meetings/{meeting_id}"

    # The secretary takes attendance: nobody is presumed present.
    login(page, "vote_bithu")
    page.goto(path)
    page.get_by_role("link", name="Điểm danh").click()
    for name in PEOPLE.values():
        row = page.locator("li.attendance-row", has_text=name)
        expect(row.get_by_role("radio", name="Có mặt")).not_to_be_checked()
        row.get_by_role("radio", name="Có mặt").check()
    page.get_by_role("button", name="Lưu điểm danh").click()
    expect(page.get_by_role("status")).to_have_text("Đã lưu điểm danh.", timeout=SLOW)

    # She opens the vote on the draft resolution.
    page.goto(path)
    page.get_by_role("link", name="Biểu quyết").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Biểu quyết")
    assert_accessible(page)
    page.get_by_label("Nội dung biểu quyết").fill("Thông qua nghị quyết tháng")
    page.get_by_role("button", name="Mở biểu quyết").click()
    expect(page.get_by_text("Đã mở biểu quyết.")).to_be_visible(timeout=SLOW)

    # Two members vote on their phones.
    member_votes(browser, live_server, path, "vote_thuky", "Tán thành")
    member_votes(browser, live_server, path, "vote_dangvien", "Tán thành")

    # The secretary, without a phone vote of her own, raises her hand: one more in favour.
    page.reload()
    expect(page.locator("#dang-bieu-quyet")).to_contain_text("2 phiếu qua điện thoại")
    page.get_by_label("Tán thành (giơ tay)", exact=True).fill("1")
    assert_accessible(page)
    page.get_by_role("button", name="Đóng biểu quyết và tính kết quả").click()
    result = "Thông qua: 3/3 đảng viên chính thức tán thành (100%)."
    expect(page.get_by_text(result)).to_be_visible(timeout=SLOW)

    # The result is in the minutes; she chairs, the member takes the notes; she signs.
    page.goto(path + "/minutes")
    expect(page.locator("#ket-qua-bieu-quyet")).to_contain_text(result)
    expect(page.locator("#thanh-phan")).to_contain_text("Có mặt: 3/3")
    page.get_by_label("Chủ trì", exact=True).select_option(label=PEOPLE["vote_bithu"])
    page.get_by_label("Thư ký", exact=True).select_option(label=PEOPLE["vote_thuky"])
    page.get_by_label("Kết luận", exact=True).fill("Chi bộ thống nhất thông qua nghị quyết tháng.")
    assert_accessible(page)
    page.get_by_role("button", name="Lưu nháp").click()
    expect(page.get_by_text("Đã lưu bản nháp biên bản.")).to_be_visible(timeout=SLOW)
    page.get_by_role("button", name=re.compile("Ký xác nhận biên bản")).click()
    expect(page.get_by_text("Đã ký xác nhận biên bản.")).to_be_visible(timeout=SLOW)

    # The note-taker signs on her phone: the minutes are final and public.
    context, taker, errors = phone(browser, live_server)
    try:
        login(taker, "vote_thuky")
        taker.goto(path + "/minutes")
        expect(taker.locator("#ky-xac-nhan")).to_contain_text("Đã ký")
        assert_accessible(taker)
        taker.get_by_role("button", name="Ký xác nhận biên bản (thư ký)").click()
        expect(taker.get_by_text("biên bản đã hoàn thành")).to_be_visible(timeout=SLOW)
        expect(taker.locator("#bien-ban")).to_contain_text(result)
        assert not errors, errors
    finally:
        context.close()

    # The minutes print as the minutes book has them, and download as a PDF.
    page.goto(path)
    page.get_by_role("link", name="Bản in").click()
    expect(page.locator(".book-head")).to_contain_text("ĐẢNG CỘNG SẢN VIỆT NAM")
    expect(page.locator(".book-head")).to_contain_text(CELL.upper())
    expect(page.get_by_role("heading", level=1)).to_have_text("BIÊN BẢN SINH HOẠT CHI BỘ")
    expect(page.locator("main")).to_contain_text(result)
    expect(page.locator(".book-signatures")).to_contain_text(PEOPLE["vote_thuky"])
    assert_accessible(page)
    pdf = page.request.get(path + "/minutes.pdf")
    assert pdf.ok and pdf.headers["content-type"] == "application/pdf" and pdf.body()[:4] == b"%PDF"


def test_a_secret_ballot_shows_its_choice_to_its_member_only_when_asked(page, browser, live_server, console_errors):
    people = {"kin_bithu": "Nguyễn Văn Kín", "kin_dangvien": "Trần Thị Phiếu"}
    meeting_id = arrange(live_server, "Chi bộ Bỏ phiếu kín (thử trên điện thoại)", people)
    path = f"/meetings/{meeting_id}"
    login(page, "kin_bithu")
    page.goto(path + "/attendance")
    for name in people.values():
        page.locator("li.attendance-row", has_text=name).get_by_role("radio", name="Có mặt").check()
    page.get_by_role("button", name="Lưu điểm danh").click()
    expect(page.get_by_role("status")).to_have_text("Đã lưu điểm danh.", timeout=SLOW)
    page.goto(path + "/votes")
    page.get_by_label("Nội dung biểu quyết").fill("Thông qua nghị quyết tháng")
    page.get_by_label("Bỏ phiếu kín (không lưu ai chọn gì)").check()
    page.get_by_role("button", name="Mở biểu quyết").click()
    expect(page.get_by_text("Đã mở biểu quyết.")).to_be_visible(timeout=SLOW)

    context, member, errors = phone(browser, live_server)
    try:
        login(member, "kin_dangvien")
        member.goto(path)
        box = member.locator("#bieu-quyet")
        box.get_by_role("radio", name="Không tán thành", exact=True).check()
        box.get_by_role("button", name="Gửi biểu quyết").click()
        expect(member.locator("#bieu-quyet")).to_contain_text("Phiếu kín của đồng chí: Không tán thành", timeout=SLOW)
        # Opened again, the page does not say it, until the member asks.
        member.reload()
        box = member.locator("#bieu-quyet")
        expect(box).to_contain_text("Đồng chí đã bỏ phiếu kín")
        expect(box.get_by_role("radio", name="Không tán thành", exact=True)).not_to_be_checked()
        assert_accessible(member)
        box.get_by_role("link", name="Xem lựa chọn đã gửi").click()
        expect(member.locator("#bieu-quyet")).to_contain_text("Phiếu kín của đồng chí: Không tán thành")
        expect(member.locator("#bieu-quyet").get_by_role("radio", name="Không tán thành", exact=True)).to_be_checked()
        assert member.url.endswith(path)  # shown in place, not a page the phone keeps
        assert not errors, errors
    finally:
        context.close()

    page.reload()
    expect(page.locator("#dang-bieu-quyet")).to_contain_text("1 phiếu qua điện thoại")
    page.get_by_role("button", name="Đóng biểu quyết và tính kết quả").click()
    expect(page.get_by_text("Không thông qua: 0/2 đảng viên chính thức tán thành (0%)")).to_be_visible(timeout=SLOW)
