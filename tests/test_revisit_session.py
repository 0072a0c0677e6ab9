"""A revisit is answered 304 from the worker's copy of the login session, without loading the
member into the request (handbook/conditional.member): the session must still be alive. A
logged-out session, or one ended on another server once the copy's half minute is over, gets
the login page, never a 304; the same cookie replayed after logout gets nothing either."""

import pytest
from sqlalchemy import delete

from handbook.auth import sessioncache
from handbook.auth.models import LoginSession
from handbook.extensions import db
from tests.meetings.factories import meeting


@pytest.fixture
def clock(monkeypatch):
    now = [1000.0]
    monkeypatch.setattr(sessioncache, "clock", lambda: now[0])
    return now


@pytest.fixture
def pages(world):
    shown = meeting(world["cell1"], status="published").id
    return (f"/meetings/{shown}", f"/meetings/{shown}/note", "/library/08-qdi-tw")


def _revisit(client, path, tag):
    return client.get(path, headers={"If-None-Match": tag})


def _to_login(answer) -> bool:
    return answer.status_code == 302 and "/login" in answer.headers["Location"]


def _tags(client, pages) -> dict[str, str]:
    tags = {path: client.get(path).headers["ETag"] for path in pages}
    for path, tag in tags.items():
        assert _revisit(client, path, tag).status_code == 304  # the copy answers
    return tags


def test_a_logged_out_session_gets_no_304(client, auth, pages, clock):
    auth.login("dangvien")
    tags = _tags(client, pages)
    auth.logout()
    for path, tag in tags.items():
        assert _to_login(_revisit(client, path, tag)), path


def test_a_cookie_replayed_after_logout_gets_no_304(app, client, auth, pages, clock):
    auth.login("dangvien")
    cookie = client.get_cookie("sotay_session").value
    tags = _tags(client, pages)
    auth.logout()
    thief = app.test_client()
    thief.set_cookie("sotay_session", cookie, domain="localhost")
    for path, tag in tags.items():
        assert _to_login(_revisit(thief, path, tag)), path


def test_a_session_ended_elsewhere_gets_no_304_after_the_window(app, client, auth, world, pages, clock):
    auth.login("dangvien")
    tags = _tags(client, pages)
    member = world["users"]["dangvien"].id
    # "Log out everywhere" pressed on another server: this process's ORM never sees it.
    table = LoginSession.__table__
    with db.engine.begin() as connection:
        connection.execute(delete(table).where(table.c.user_id == member))
    clock[0] += app.config["SESSION_CACHE_SECONDS"] + 1
    for path, tag in tags.items():
        assert _to_login(_revisit(client, path, tag)), path


def test_a_session_due_for_its_activity_write_is_asked_of_the_database(app, client, auth, world, pages, clock,
                                                                       monkeypatch):
    """The copy stands for the row only while the last-seen time needs no write: past it, the
    revisit goes the database's way, which finds the session ended."""
    from datetime import timedelta

    from handbook.auth import service

    auth.login("dangvien")
    tags = _tags(client, pages)
    table = LoginSession.__table__
    with db.engine.begin() as connection:
        connection.execute(delete(table).where(table.c.user_id == world["users"]["dangvien"].id))
    monkeypatch.setattr(service, "LAST_SEEN_WRITE_EVERY", timedelta(seconds=-1))
    for path, tag in tags.items():
        assert _to_login(_revisit(client, path, tag)), path


@pytest.fixture
def database_use(app):
    """What each request asks of the database: ORM sessions begun, pooled connections taken."""
    from sqlalchemy import event

    used = {"sessions": 0, "checkouts": 0}

    def begun(*_):
        used["sessions"] += 1

    def checked_out(*_):
        used["checkouts"] += 1

    with app.app_context():
        engine = db.engine
    event.listen(db.session, "after_begin", begun)
    event.listen(engine, "checkout", checked_out)
    yield used
    event.remove(db.session, "after_begin", begun)
    event.remove(engine, "checkout", checked_out)


def test_a_revisit_answered_304_opens_no_database_session(client, auth, pages, database_use):
    """The validator's one statement on a pooled connection of its own: the ORM's session, whose
    start and close cost as much as the statement, is never begun (handbook/conditional.py,
    validator_row). A first visit reads the validator in the session the view then uses: one
    connection taken from the pool, not two (each is checked with a round trip on PostgreSQL)."""
    auth.login("dangvien")
    tags = _tags(client, pages)
    for path, tag in tags.items():
        _as_on_a_server(database_use)
        assert _revisit(client, path, tag).status_code == 304
        assert database_use == {"sessions": 0, "checkouts": 1}, path
    for path in pages:
        _as_on_a_server(database_use)
        assert client.get(path).status_code == 200
        assert database_use["checkouts"] == 1, path


def _as_on_a_server(database_use) -> None:
    """A request on a server starts with no ORM session: the test's own, held across its
    requests (conftest.py), is closed first."""
    db.session.remove()
    database_use.update(sessions=0, checkouts=0)
