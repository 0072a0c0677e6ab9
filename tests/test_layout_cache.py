"""What the layout keeps per worker (handbook/main/nav.py) shows
exactly what it showed when drawn afresh: each member's own entries, the section they are in,
a role granted or taken away on another server, and a CSRF token that works on every server.

"Another server" is a plain connection (a write this process's ORM never sees) or a second
app on the same database."""

import re

import pytest
from sqlalchemy import delete, insert

from handbook.auth.models import RoleAssignment
from handbook.extensions import db
from tests.conftest import text_of

ADMIN_LINK = "<span>Quản trị</span>"
TOKEN = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')


def _elsewhere(statement) -> None:
    with db.engine.begin() as connection:
        connection.execute(statement)


def _nav(html: str) -> str:
    return html.split('<nav class="mainnav"', 1)[1].split("</nav>", 1)[0]


def _login(client, username: str) -> None:
    token = TOKEN.search(client.get("/login").get_data(as_text=True))
    data = {"username": username, "password": "sotay-demo"}
    if token:
        data["csrf_token"] = token.group(1)
    assert client.post("/login", data=data).status_code == 302


@pytest.fixture
def fresh_app(other_app):
    """A worker that asks the database for the member on every page (no session copy), so a
    change made on another server is due on the very next page."""
    return other_app(SESSION_CACHE_SECONDS=0)


def test_a_role_granted_and_taken_on_another_server_changes_the_navigation(fresh_app, world):
    client = fresh_app.test_client()
    _login(client, "dangvien")
    assert ADMIN_LINK not in _nav(client.get("/").get_data(as_text=True))
    member, cell = world["users"]["dangvien"], world["cell1"]
    roles = RoleAssignment.__table__
    _elsewhere(insert(roles).values(user_id=member.id, org_id=cell.id, role="admin"))
    assert ADMIN_LINK in _nav(client.get("/").get_data(as_text=True))
    _elsewhere(delete(roles).where(roles.c.user_id == member.id, roles.c.role == "admin"))
    assert ADMIN_LINK not in _nav(client.get("/").get_data(as_text=True))


def test_members_on_one_worker_each_see_their_own_entries_and_section(other_app, world):
    app = other_app()  # its requests each push their own app context, as a server's do
    admin, member = app.test_client(), app.test_client()
    _login(admin, "capuy")
    _login(member, "dangvien")
    for _ in range(2):  # the second round is drawn from what the first kept
        assert ADMIN_LINK in _nav(admin.get("/").get_data(as_text=True))
        member_nav = _nav(member.get("/meetings").get_data(as_text=True))
        assert ADMIN_LINK not in member_nav
        assert '<a href="/meetings" aria-current="page">' in member_nav
        assert 'href="/" aria-current' not in member_nav
        library_nav = _nav(member.get("/library").get_data(as_text=True))
        assert '<a href="/library" aria-current="page">' in library_nav
        assert 'href="/meetings" aria-current' not in library_nav


def test_the_page_token_of_one_server_is_accepted_by_another(other_app, world):
    first, second = other_app(WTF_CSRF_ENABLED=True), other_app(WTF_CSRF_ENABLED=True)
    here = first.test_client()
    _login(here, "dangvien")
    page = here.get("/").get_data(as_text=True)
    token = TOKEN.search(page).group(1)
    assert f'"X-CSRFToken": "{token}"' in page  # htmx sends it with each of its POSTs
    there = second.test_client()
    cookie = first.config["SESSION_COOKIE_NAME"]
    there.set_cookie(cookie, here.get_cookie(cookie).value, domain="localhost")
    answer = there.post("/account/font", data={"change": "up", "next": "/"}, headers={"X-CSRFToken": token})
    assert answer.status_code == 302
    assert "fs-1" in there.get("/").get_data(as_text=True)
    refused = there.post("/account/font", data={"change": "up", "next": "/"}, headers={"X-CSRFToken": "x" + token})
    assert refused.status_code == 400


def test_a_new_login_gets_a_new_page_token_and_the_old_one_stops_working(other_app, world):
    csrf_app = other_app(WTF_CSRF_ENABLED=True)
    client = csrf_app.test_client()
    _login(client, "dangvien")
    old = TOKEN.search(client.get("/").get_data(as_text=True)).group(1)
    assert client.post("/logout", headers={"X-CSRFToken": old}).status_code == 302
    _login(client, "dangvien")
    new = TOKEN.search(client.get("/").get_data(as_text=True)).group(1)
    assert new != old
    assert client.post("/account/font", data={"change": "up"}, headers={"X-CSRFToken": old}).status_code == 400
    assert client.post("/account/font", data={"change": "up"}, headers={"X-CSRFToken": new}).status_code == 302
    assert "fs-1" in client.get("/").get_data(as_text=True)
    assert "Lê Văn Đức" in text_of(client.get("/account"))


def test_the_bell_counts_what_another_server_adds_and_reads(other_app, world):
    from handbook.meetings.models import Notification

    client = other_app().test_client()
    _login(client, "dangvien")
    member = world["users"]["dangvien"]
    table = Notification.__table__
    _elsewhere(delete(table).where(table.c.user_id == member.id))
    assert 'class="badge"' not in client.get("/").get_data(as_text=True)
    _elsewhere(insert(table).values(user_id=member.id, kind="agenda", message="Chương trình họp đã có"))
    page = client.get("/account").get_data(as_text=True)
    assert 'aria-label="Thông báo: 1 chưa đọc"' in page and '<span class="badge">1</span>' in page
    _elsewhere(table.update().where(table.c.user_id == member.id).values(read_at=table.c.created_at))
    assert 'class="badge"' not in client.get("/account").get_data(as_text=True)
