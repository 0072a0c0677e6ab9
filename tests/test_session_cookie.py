"""The signed session cookie's checked content is kept per worker by the whole cookie
(handbook/session_cookie.py): the same bytes read the same session, any other bytes are checked
again, and the session's age limit holds on every use."""

import time

from flask import session

from handbook.session_cookie import KeptCookieSessionInterface

COOKIE = "sotay_session"


def test_a_kept_cookie_reads_as_checked_and_a_changed_one_is_refused(app, client, auth, world):
    assert isinstance(app.session_interface, KeptCookieSessionInterface)
    auth.login("dangvien")
    cookie = client.get_cookie(COOKIE).value
    assert client.get("/account").status_code == 200
    assert client.get("/account").status_code == 200  # from the kept entry
    forged = cookie[:-2] + ("AA" if not cookie.endswith("AA") else "BB")
    client.set_cookie(COOKIE, forged, domain="localhost")
    answer = client.get("/account")
    assert answer.status_code == 302 and "/login" in answer.headers["Location"]


def test_the_age_limit_holds_for_a_kept_cookie(app, client, auth, world, monkeypatch):
    auth.login("dangvien")
    assert client.get("/account").status_code == 200
    later = time.time() + app.permanent_session_lifetime.total_seconds() + 5
    monkeypatch.setattr(time, "time", lambda: later)
    answer = client.get("/account")
    assert answer.status_code == 302 and "/login" in answer.headers["Location"]


def test_each_request_gets_its_own_session_to_change(app):
    interface = KeptCookieSessionInterface()
    with app.test_request_context("/"):
        session["greeting"] = "xin chào"
        session["items"] = ["a"]
        cookie = interface.get_signing_serializer(app).dumps(dict(session))
    with app.test_request_context("/", headers={"Cookie": f"{COOKIE}={cookie}"}) as ctx:
        first = interface.open_session(app, ctx.request)
        first["items"].append("b")
        first["greeting"] = "tạm biệt"
        second = interface.open_session(app, ctx.request)
    assert second["greeting"] == "xin chào" and second["items"] == ["a"]
