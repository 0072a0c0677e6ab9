"""The database or Redis restarting under the app: requests fail fast with a Vietnamese page
and work again afterwards, without restarting the app."""

import sqlite3

import psycopg
import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError

from handbook.errors import is_outage
from handbook.extensions import db, limiter
from tests.conftest import PG_URL, text_of

# A port nothing listens on: the connection is refused at once, as during a restart.
CLOSED = "127.0.0.1:1"


@pytest.mark.skipif(not PG_URL, reason="needs PostgreSQL (TEST_DATABASE_URL)")
def test_requests_recover_after_the_database_drops_every_connection(other_app, world):
    # An app of its own: each request opens and ends its own context, as on a server, so its
    # connections go back to the pool between requests (the test's `client` shares one session).
    node = other_app()
    client = node.test_client()
    client.post("/login", data={"username": "dangvien", "password": "sotay-demo"})
    assert client.get("/library").status_code == 200  # the pool now holds a connection
    admin = create_engine(node.config["SQLALCHEMY_DATABASE_URI"], isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        # What a PostgreSQL restart does to the app: every connection it holds is cut.
        killed = conn.scalar(text("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                                  "WHERE datname = current_database() AND pid <> pg_backend_pid()"))
    admin.dispose()
    assert killed >= 1
    response = client.get("/library")
    assert response.status_code == 200 and "Thư viện" in text_of(response)


def test_unreachable_database_gives_the_vietnamese_503_page(other_app):
    down = other_app(SQLALCHEMY_DATABASE_URI=f"postgresql+psycopg://postgres@{CLOSED}/handbook")
    client = down.test_client()
    response = client.post("/login", data={"username": "dangvien", "password": "sotay-demo"})
    assert response.status_code == 503 and response.headers["Retry-After"]
    page = text_of(response)
    assert "Hệ thống tạm thời gián đoạn" in page and "vẫn an toàn" in page
    assert client.get("/healthz").status_code == 503


@pytest.fixture
def limiter_state():
    """The limiter is one object for every app built in a test run: what a test app with a dead
    Redis sets on it is put back afterwards."""
    saved = dict(vars(limiter))
    yield
    vars(limiter).clear()
    vars(limiter).update(saved)


def test_app_keeps_serving_when_redis_is_down(other_app, world, limiter_state):
    down = other_app(RATELIMIT_STORAGE_URI=f"redis://{CLOSED}/0")
    client = down.test_client()
    login = client.post("/login", data={"username": "dangvien", "password": "sotay-demo"})
    assert login.status_code == 302
    assert client.get("/library").status_code == 200
    # Limits still count meanwhile, in the process's memory: six wrong passwords are five too many.
    stranger = down.test_client()
    wrong = [stranger.post("/login", data={"username": "dangvien2", "password": "sai"}).status_code for _ in range(6)]
    assert wrong[-1] == 429
    with down.app_context():
        db.engine.dispose()


def test_a_query_bug_is_not_mistaken_for_an_outage():
    """SQLite calls a missing table and a busy file both OperationalError: only the second is
    the database being away (a 503); the first stays a logged 500."""
    def wrapped(orig):
        return OperationalError("SELECT 1", {}, orig)

    assert not is_outage(wrapped(sqlite3.OperationalError("no such table: stored_file")))
    assert is_outage(wrapped(sqlite3.OperationalError("database is locked")))
    assert is_outage(wrapped(psycopg.OperationalError("connection refused")))
