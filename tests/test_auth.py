"""Logging in and out as a member would."""

from datetime import timedelta

import pytest
from sqlalchemy import select

from handbook.auth.models import LoginSession, User
from handbook.extensions import db
from tests.conftest import text_of

WRONG = "Thông tin đăng nhập không đúng"


@pytest.mark.parametrize(
    "identifier", ["dangvien", "DangVien", "93000003", "0912000003", "0912 000 003", "+84912000003"]
)
def test_login_with_each_identifier(client, auth, world, identifier):
    response = auth.login(identifier)
    assert response.status_code == 302
    home = client.get("/")
    assert "Xin chào đồng chí Lê Văn Đức" in text_of(home)


@pytest.mark.parametrize("username,password", [("dangvien", "wrong-password"), ("nobody", "sotay-demo")])
def test_wrong_credentials_get_one_message(client, auth, world, username, password):
    response = auth.login(username, password)
    assert response.status_code == 401
    assert WRONG in text_of(response)
    assert client.get("/").status_code == 302


def test_inactive_account_cannot_log_in(client, auth, world):
    world["users"]["dangvien"].active = False
    db.session.commit()
    assert WRONG in text_of(auth.login("dangvien"))


def test_empty_form_says_what_is_missing(client, world):
    response = client.post("/login", data={"username": "", "password": ""})
    assert "Vui lòng nhập tên đăng nhập" in text_of(response)


def test_home_requires_login_and_comes_back_after(client, auth, world):
    response = client.get("/meetings")
    assert response.status_code == 302 and "/login?next=" in response.location
    response = client.post("/login?next=/meetings", data={"username": "dangvien", "password": "sotay-demo"})
    assert response.location.endswith("/meetings")


@pytest.mark.parametrize(
    "target", ["https://evil.example", "//evil.example/x", "/\\evil.example", "javascript:alert(1)"]
)
def test_next_to_another_site_is_ignored(client, world, target):
    response = client.post(f"/login?next={target}", data={"username": "dangvien", "password": "sotay-demo"})
    assert response.status_code == 302
    assert "evil" not in response.location and "javascript" not in response.location


def test_account_is_throttled_after_five_failures(client, auth, world):
    for _ in range(5):
        assert auth.login("dangvien", "wrong-password").status_code == 401
    response = auth.login("dangvien")  # even the right password waits now
    assert response.status_code == 429
    assert "quá nhiều lần" in text_of(response)
    assert auth.login("dangvien2").status_code == 302  # another member is not affected


def test_a_whole_cell_logs_in_from_one_office_network(client, make, world):
    cell = world["cell1"]
    users = [make.user(f"member{i}", cell=cell) for i in range(40)]
    for user in users:
        other = client.application.test_client()
        response = other.post("/login", data={"username": user.username, "password": "sotay-demo"})
        assert response.status_code == 302, user.username


def test_session_is_renewed_at_login(client, auth, world):
    client.get("/login")
    with client.session_transaction() as sess:
        sess["planted"] = "by an attacker"
    auth.login("dangvien")
    with client.session_transaction() as sess:
        assert "planted" not in sess


def test_old_cookie_is_useless_after_logout(app, client, auth, world):
    auth.login("dangvien")
    cookie = client.get_cookie("sotay_session").value
    auth.logout()
    thief = app.test_client()
    thief.set_cookie("sotay_session", cookie, domain="localhost")
    assert thief.get("/").status_code == 302
    assert db.session.scalars(select(LoginSession)).all() == []


def test_idle_session_expires(app, client, auth, world):
    auth.login("dangvien")
    row = db.session.scalar(select(LoginSession))
    row.last_seen_at -= timedelta(minutes=app.config["SESSION_IDLE_MINUTES"] + 1)
    db.session.commit()
    assert client.get("/").status_code == 302


def test_activity_is_written_at_most_once_a_minute(app, client, auth, world):
    auth.login("dangvien")
    row = db.session.scalar(select(LoginSession))
    row.last_seen_at -= timedelta(seconds=30)
    db.session.commit()
    recent = row.last_seen_at
    assert client.get("/account").status_code == 200
    db.session.refresh(row)
    assert row.last_seen_at == recent  # within the minute: nothing written
    row.last_seen_at -= timedelta(minutes=2)
    db.session.commit()
    before = row.last_seen_at
    assert client.get("/account").status_code == 200
    db.session.refresh(row)
    assert row.last_seen_at > before + timedelta(minutes=1)  # older: the session is kept alive


def test_the_activity_write_reads_nothing_again(app, client, auth, world):
    """The last-seen write commits before the page is drawn: the session's row and its member,
    read in that transaction, are kept as read, not read again after the commit (two statements
    more on every request that writes it)."""
    import re

    from sqlalchemy import event

    auth.login("dangvien")
    row = db.session.scalar(select(LoginSession))
    row.last_seen_at -= timedelta(minutes=2)
    db.session.commit()
    db.session.remove()  # as on a server: the request starts with nothing loaded
    seen: list[str] = []
    engine = db.engine

    def record(conn, cursor, statement, *rest):
        seen.append(" ".join(statement.split()))

    event.listen(engine, "before_cursor_execute", record)
    try:
        assert client.get("/library").status_code == 200
    finally:
        event.remove(engine, "before_cursor_execute", record)
    assert [s for s in seen if s.startswith("UPDATE login_session SET last_seen_at")]
    assert len([s for s in seen if "FROM login_session" in s]) == 1, seen
    assert not [s for s in seen if re.search(r'FROM "user" WHERE "user".id = ', s)], seen


def test_absolute_session_lifetime(app, client, auth, world):
    auth.login("dangvien")
    row = db.session.scalar(select(LoginSession))
    row.created_at -= timedelta(minutes=app.config["SESSION_MAX_MINUTES"] + 1)
    db.session.commit()
    assert client.get("/").status_code == 302


def test_first_login_forces_a_password_change(client, auth, make, world):
    make.user("newbie", cell=world["cell1"], must_change_password=True)
    auth.login("newbie")
    for path in ("/", "/library", "/meetings"):
        response = client.get(path)
        assert response.status_code == 302 and response.location.endswith("/account/password")
    page = client.get("/account/password")
    assert "lần đăng nhập đầu tiên" in text_of(page)
    response = client.post(
        "/account/password",
        data={
            "current_password": "sotay-demo",
            "new_password": "cay tre lang toi 2024",
            "confirm": "cay tre lang toi 2024",
        },
    )
    assert response.status_code == 302
    assert client.get("/").status_code == 200
    user = db.session.scalar(select(User).where(User.username == "newbie"))
    assert user.must_change_password is False


@pytest.mark.parametrize(
    "new,confirm,message",
    [
        ("short", "short", "ít nhất 8 ký tự"),
        ("password123", "password123", "quá phổ biến"),
        ("aaaaaaaaaaaa", "aaaaaaaaaaaa", "quá phổ biến"),
        ("một câu rất dài", "khác hẳn", "không khớp"),
        ("x" * 129, "x" * 129, "tối đa 128"),
    ],
)
def test_password_change_refuses_weak_passwords(client, auth, world, new, confirm, message):
    auth.login("dangvien")
    before = world["users"]["dangvien"].password_hash
    response = client.post(
        "/account/password", data={"current_password": "sotay-demo", "new_password": new, "confirm": confirm}
    )
    assert message in text_of(response)
    db.session.refresh(world["users"]["dangvien"])
    assert world["users"]["dangvien"].password_hash == before


def test_password_guessing_on_a_stolen_session_is_throttled(client, auth, world):
    auth.login("dangvien")
    wrong = {"current_password": "not-it", "new_password": "mot mat khau moi", "confirm": "mot mat khau moi"}
    statuses = [client.post("/account/password", data=wrong).status_code for _ in range(11)]
    assert statuses[:10] == [200] * 10 and statuses[10] == 429
    assert client.get("/account/password").status_code == 200  # the limit is on POST only


def test_password_change_asks_for_the_current_one(client, auth, world):
    auth.login("dangvien")
    response = client.post(
        "/account/password",
        data={"current_password": "not-it-at-all", "new_password": "mot mat khau moi", "confirm": "mot mat khau moi"},
    )
    assert "Mật khẩu hiện tại không đúng" in text_of(response)


def test_password_change_ends_other_devices(app, client, auth, world):
    phone = app.test_client()
    phone.post("/login", data={"username": "dangvien", "password": "sotay-demo"})
    auth.login("dangvien")
    client.post(
        "/account/password",
        data={"current_password": "sotay-demo", "new_password": "mot mat khau moi", "confirm": "mot mat khau moi"},
    )
    assert client.get("/").status_code == 200
    assert phone.get("/").status_code == 302
    auth.logout()
    assert auth.login("dangvien", "mot mat khau moi").status_code == 302


def test_outside_tests_passwords_are_hashed_with_owasp_scrypt(other_app):
    """The test suite lowers the cost for speed; the real configuration must not."""
    from handbook.auth.passwords import hash_password, verify_password
    from handbook.config import Config

    assert Config("instance").PASSWORD_HASH_METHOD == "scrypt:131072:8:1"
    real = other_app(PASSWORD_HASH_METHOD=Config("instance").PASSWORD_HASH_METHOD)
    with real.app_context():
        stored = hash_password("mot mat khau dai")
    assert stored.startswith("scrypt:131072:8:1$")
    assert verify_password(stored, "mot mat khau dai") and not verify_password(stored, "sai mat khau")


def test_font_size_is_remembered(client, auth, world):
    auth.login("dangvien")
    client.post("/account/font", data={"change": "up", "next": "/library"})
    client.post("/account/font", data={"change": "up"})
    assert 'class="fs-2"' in client.get("/").get_data(as_text=True)
    for _ in range(10):
        client.post("/account/font", data={"change": "up"})
    assert 'class="fs-3"' in client.get("/").get_data(as_text=True)


def test_text_size_is_the_devices_and_the_account_remembers_it(client, auth, world):
    """A− / A+ is a device setting the page applies itself (a cookie, written even offline); the
    script tells the server the size, which the account keeps for a device without one."""
    auth.login("dangvien")
    client.set_cookie("sotay_text", "3")  # the script draws the size and writes the cookie first
    sent = client.post("/account/font", data={"step": "3"}, headers={"HX-Request": "true"})
    assert sent.status_code == 204
    assert db.session.scalar(select(User.font_step).where(User.username == "dangvien")) == 3
    # An answer to an earlier tap, arriving after a later one, leaves the device's newer size.
    late = client.post("/account/font", data={"step": "2"}, headers={"HX-Request": "true"})
    assert "sotay_text" not in late.headers.get("Set-Cookie", "")
    assert 'class="fs-3"' in client.get("/").get_data(as_text=True)
    client.post("/account/font", data={"step": "3"}, headers={"HX-Request": "true"})
    # This device drew another size offline (its cookie): its pages follow the device.
    client.set_cookie("sotay_text", "1")
    assert 'class="fs-1"' in client.get("/").get_data(as_text=True)
    client.delete_cookie("sotay_text")  # a device with no size of its own: the account's
    assert 'class="fs-3"' in client.get("/").get_data(as_text=True)
    for bad in ("9", "-5", "x", ""):
        client.post("/account/font", data={"step": bad}, headers={"HX-Request": "true"})
    assert db.session.scalar(select(User.font_step).where(User.username == "dangvien")) == 3
    client.set_cookie("sotay_text", "<script>")  # a forged cookie is ignored
    assert 'class="fs-3"' in client.get("/").get_data(as_text=True)
    auth.logout()
    client.set_cookie("sotay_text", "2")  # the login page keeps the device's size too
    assert 'class="fs-2"' in client.get("/login").get_data(as_text=True)


def test_font_size_next_does_not_leave_the_site(client, auth, world):
    auth.login("dangvien")
    response = client.post("/account/font", data={"change": "up", "next": "https://evil.example"})
    assert "evil" not in response.location
