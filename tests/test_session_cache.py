"""A worker's copy of a login session (handbook/auth/sessioncache.py): how long a session or a
role ended on another server still reads pages there, and that it can never act meanwhile.

"Another server" is a write that bypasses this process's ORM (a plain connection), as a write
on another node does; time moves by replacing the cache's clock, never by sleeping.
"""

import pytest
from sqlalchemy import delete, select

from handbook.auth import sessioncache
from handbook.auth.models import LoginSession, RoleAssignment, User
from handbook.extensions import db


@pytest.fixture
def clock(monkeypatch):
    now = [1000.0]
    monkeypatch.setattr(sessioncache, "clock", lambda: now[0])
    return now


def _elsewhere(statement) -> None:
    """A write made by another application server: this process's ORM never sees it."""
    with db.engine.begin() as connection:
        connection.execute(statement)


def _window(app) -> float:
    return app.config["SESSION_CACHE_SECONDS"]


def test_the_window_is_at_most_a_minute(app):
    assert 0 < _window(app) <= 60


def test_sessions_ended_elsewhere_stop_reading_pages_within_the_window(app, client, auth, world, clock):
    auth.login("dangvien")
    assert client.get("/").status_code == 200  # this worker now keeps a copy
    member = world["users"]["dangvien"].id
    # The member changed the password (or pressed "log out everywhere") on another server.
    _elsewhere(delete(LoginSession.__table__).where(LoginSession.__table__.c.user_id == member))
    clock[0] += _window(app) - 1
    assert client.get("/").status_code == 200  # still inside the window: the copy answers
    clock[0] += 2
    answer = client.get("/")
    assert answer.status_code == 302 and "/login" in answer.headers["Location"]


def test_a_session_ended_elsewhere_cannot_act_even_inside_the_window(app, client, auth, world, clock):
    auth.login("dangvien")
    assert client.get("/").status_code == 200
    user = world["users"]["dangvien"]
    _elsewhere(delete(LoginSession.__table__).where(LoginSession.__table__.c.user_id == user.id))
    answer = client.post("/account/font", data={"step": "2"})
    assert answer.status_code == 302 and "/login" in answer.headers["Location"]
    assert db.session.scalar(select(User.font_step).where(User.id == user.id)) == 0
    # The database said so: this worker's copy went with it, pages too are refused at once.
    assert client.get("/").status_code == 302


def test_a_role_removed_elsewhere_cannot_act_and_stops_showing_within_the_window(app, client, auth, world, clock):
    auth.login("capuy")
    member = world["users"]["dangvien"]
    page = f"/admin/members/{member.id}"
    assert client.get(page).status_code == 200
    capuy = world["users"]["capuy"].id
    _elsewhere(delete(RoleAssignment.__table__).where(RoleAssignment.__table__.c.user_id == capuy))
    # Acting asks the database: refused at once, and nothing changed.
    assert client.post(f"/admin/members/{member.id}/deactivate").status_code in (403, 404)
    assert db.session.scalar(select(User.active).where(User.id == member.id)) is True
    clock[0] += _window(app) + 1
    assert client.get(page).status_code in (403, 404)


def test_a_role_removed_in_this_worker_is_gone_at_once(app, client, auth, world, clock):
    auth.login("capuy")
    member = world["users"]["dangvien"]
    page = f"/admin/members/{member.id}"
    assert client.get(page).status_code == 200
    capuy = db.session.get(User, world["users"]["capuy"].id)
    for role in list(capuy.roles):
        db.session.delete(role)
    db.session.commit()
    assert client.get(page).status_code in (403, 404)


def test_a_change_to_the_member_is_seen_on_the_next_page(app, client, auth, world, clock):
    auth.login("dangvien")
    assert client.get("/account").status_code == 200
    client.post("/account/font", data={"step": "2"})
    client.delete_cookie("sotay_text", domain="localhost")  # the account's size, not the device's
    assert '<html lang="vi" class="fs-2"' in client.get("/account").get_data(as_text=True)


def test_logout_ends_the_copy_too(app, client, auth, world, clock):
    auth.login("dangvien")
    cookie = client.get_cookie("sotay_session").value
    assert client.get("/").status_code == 200
    auth.logout()
    thief = app.test_client()
    thief.set_cookie("sotay_session", cookie, domain="localhost")
    assert thief.get("/").status_code == 302


def test_pages_read_within_the_window_ask_the_database_nothing_about_the_session(app, client, auth, world,
                                                                                  clock):
    from sqlalchemy import event

    auth.login("dangvien")
    client.get("/account")
    seen = []

    def record(conn, cursor, statement, *rest):
        seen.append(statement)

    event.listen(db.engine, "before_cursor_execute", record)
    try:
        assert client.get("/account").status_code == 200
    finally:
        event.remove(db.engine, "before_cursor_execute", record)
    assert not [s for s in seen if "login_session" in s]


def _copies_of(user_id: int) -> set[str]:
    return set(sessioncache.SESSIONS._items.by_user.get(user_id, ()))


def test_a_write_to_one_member_drops_their_copies_on_every_phone_and_keeps_the_others(app, client, world,
                                                                                     clock):
    from tests.conftest import Auth

    phones = {}
    for name in ("dangvien", "dangvien", "bithu"):  # the test client's class: `client`'s
        phones.setdefault(name, []).append(app.test_client())
    for name, members_phones in phones.items():
        for phone in members_phones:
            Auth(phone).login(name)  # a new login drops the member's copies: all first, then read
    for phone in [phone for members_phones in phones.values() for phone in members_phones]:
        assert phone.get("/account").status_code == 200
    member, other = world["users"]["dangvien"].id, world["users"]["bithu"].id
    assert len(_copies_of(member)) == 2 and len(_copies_of(other)) == 1
    phones["dangvien"][0].post("/account/font", data={"step": "2"})  # a write to the member
    assert _copies_of(member) == set()
    assert len(_copies_of(other)) == 1
    # The member's other phone reads the change at once; the other member still reads a copy.
    assert 'class="fs-2"' in phones["dangvien"][1].get("/account").get_data(as_text=True)


def test_a_copy_pushed_out_by_newer_ones_leaves_nothing_behind(clock):
    copies = sessioncache.SessionCache(2)
    for token, user_id in (("a", 1), ("b", 1), ("c", 2)):  # "a" goes to make room for "c"
        copies.put(token, sessioncache.Entry(None, user_id, None, None, clock[0]))
    assert copies.get("a", 60) is None and copies.get("b", 60) is not None
    assert copies._items.by_user == {1: {"b"}, 2: {"c"}}
    copies.drop_user(1)
    assert copies.get("b", 60) is None and copies._items.by_user == {2: {"c"}}
    copies.drop("c")
    assert copies._items.by_user == {}
