"""The members' voice on a phone: a member asks their cell's secretary a question, the secretary
answers it from the home page's reminder, and the member, told by the bell, reads the answer —
at the phone's width, with the phone's text at 200 % on the member's pages."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.browser import assert_accessible, assert_no_horizontal_scroll, login, logout
from tests.e2e.measure import apply_mode

pytestmark = pytest.mark.e2e

SLOW = 20_000
CELL = "Chi bộ Khu dân cư số 7"
SUBJECT = "Đóng đảng phí khi đi làm xa"
ANSWER = "Đồng chí đóng trên Cổng Dịch vụ công quốc gia; chi bộ ghi lại hằng tháng."


def _arrange(server) -> None:
    """A cell of the demo's base with its secretary and one member."""
    from sqlalchemy import select

    from handbook.auth.models import RoleAssignment, User
    from handbook.auth.passwords import hash_password
    from handbook.demo import BASE, DEMO_PASSWORD
    from handbook.extensions import db
    from handbook.orgs.models import Organization, create_org

    def create():
        cell = create_org(CELL, "cell", db.session.scalar(select(Organization).where(Organization.name == BASE)))
        password = hash_password(DEMO_PASSWORD)
        for username, name in (("bt7", "Kiều Thị Bảy"), ("dv7", "Mạc Văn Hỏi")):
            user = User(username=username, full_name=name, cell=cell, password_hash=password,
                        must_change_password=False)
            db.session.add(user)
            if username == "bt7":
                db.session.add(RoleAssignment(user=user, org=cell, role="secretary"))
        db.session.commit()

    server.run_in_app(create)


def _check(page) -> None:
    """At the phone's width and with its text at 200 %: nothing runs off the side, axe is content."""
    assert_no_horizontal_scroll(page)
    assert_accessible(page)
    apply_mode(page, "root200")
    assert_no_horizontal_scroll(page)
    assert_accessible(page)


def test_a_member_asks_the_secretary_answers_and_the_member_reads_the_answer(page, live_server):
    _arrange(live_server)

    login(page, "dv7")
    page.goto("/account")
    page.get_by_role("link", name="Gửi câu hỏi, góp ý").click()
    expect(page.get_by_role("heading", name="Gửi câu hỏi, góp ý")).to_be_visible()
    _check(page)
    expect(page.get_by_label("Gửi tới")).to_have_value(re.compile(r"\d+"))
    expect(page.get_by_label("Gửi tới").locator("option:checked")).to_have_text(f"Chi ủy, bí thư {CELL}")
    page.get_by_label("Tiêu đề").fill(SUBJECT)
    page.get_by_label("Nội dung").fill("Tháng tới tôi đi công tác ở tỉnh khác ba tháng, đóng đảng phí thế nào?")
    page.get_by_role("button", name="Gửi", exact=True).click()
    expect(page.locator(".flash").first).to_contain_text(f"Đã gửi tới {CELL}", timeout=SLOW)
    expect(page.get_by_role("heading", name=SUBJECT)).to_be_visible()
    expect(page.locator("#tra-loi")).to_contain_text("Chưa có trả lời")
    _check(page)
    logout(page)

    login(page, "bt7")
    waiting = page.locator("#hoi-dap-cho")
    expect(waiting).to_contain_text("1 câu hỏi, góp ý đang chờ trả lời")
    waiting.get_by_role("link", name="Hỏi đáp, góp ý").click()
    page.get_by_role("link", name=SUBJECT).click()
    expect(page.locator("#noi-dung")).to_contain_text("đi công tác ở tỉnh khác")
    assert_no_horizontal_scroll(page)
    assert_accessible(page)
    page.get_by_label("Trả lời").fill(ANSWER)
    page.get_by_role("button", name="Gửi trả lời").click()
    expect(page.locator(".flash").first).to_contain_text("Đã gửi trả lời; đồng chí Mạc Văn Hỏi được báo",
                                                         timeout=SLOW)
    logout(page)

    login(page, "dv7")
    bell = page.get_by_role("link", name=re.compile(r"Thông báo: 1 chưa đọc"))
    expect(bell).to_be_visible()
    bell.click()
    notice = page.get_by_role("link", name=re.compile(f"{CELL} đã trả lời câu hỏi đồng chí gửi ngày"))
    expect(notice).to_be_visible()
    _check(page)
    notice.click()
    expect(page.get_by_role("heading", name=SUBJECT)).to_be_visible()
    expect(page.locator("#tra-loi")).to_contain_text(ANSWER)
    expect(page.locator("#tra-loi")).to_contain_text("Kiều Thị Bảy")
    _check(page)
