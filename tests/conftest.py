"""Fixtures: one app and database per test session, put back to empty after every test.

The schema is built by the real migrations (on SQLite, and on PostgreSQL when
TEST_DATABASE_URL is set), so every run proves them. The demo world is seeded once per
session and restored for each test that asks for it (tests/dbstate.py).
"""

import os
import re

import pytest
from flask import g
from flask.testing import FlaskClient
from flask_migrate import upgrade
from sqlalchemy import text

from handbook import create_app
from handbook.cache import clear_all as clear_caches
from handbook.extensions import db, limiter
from tests.dbstate import states_for_engine
from tests.factories import Factory

# Fixtures of the job queue tests (RQ on a Redis database of their own, a worker in burst).
pytest_plugins = ["tests.jobs_helpers"]

PG_URL = os.environ.get("TEST_DATABASE_URL", "")
TEST_CONFIG = {
    "TESTING": True,
    "WTF_CSRF_ENABLED": False,  # tests/test_csrf.py proves CSRF with it on
    "PASSWORD_HASH_METHOD": "scrypt:1024:8:1",  # fast in tests; the strength is tested apart
    "SERVER_NAME": "localhost",
}


def database_url(tmp_path_factory) -> str:
    if PG_URL:
        return worker_database(PG_URL)
    return "sqlite:///" + str(tmp_path_factory.mktemp("db") / "test.sqlite3")


def worker_database(url: str) -> str:
    """Under pytest-xdist each worker empties tables between tests, so each gets a database of
    its own (`<name>_gw0`, …), made on first use next to the one TEST_DATABASE_URL names."""
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if not worker:
        return url
    from sqlalchemy import create_engine

    base, name = url.rsplit("/", 1)
    own = f"{name}_{worker}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        if not conn.scalar(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": own}):
            conn.execute(text(f'CREATE DATABASE "{own}"'))
    admin.dispose()
    return f"{base}/{own}"


def reset_postgres(url: str) -> None:
    """Start from an empty public schema, so migrations run from nothing."""
    from sqlalchemy import create_engine

    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()


@pytest.fixture(scope="session")
def app(tmp_path_factory):
    url = database_url(tmp_path_factory)
    if url.startswith("postgresql"):
        reset_postgres(url)
    app = create_app({**TEST_CONFIG, "SQLALCHEMY_DATABASE_URI": url,
                      "UPLOAD_FOLDER": str(tmp_path_factory.mktemp("uploads"))})
    with app.app_context():
        upgrade()
    yield app
    with app.app_context():
        db.engine.dispose()


@pytest.fixture
def other_app(app):
    """Builds extra apps (CSRF on, production…) on the test database; closes their pools after."""
    built = []

    def build(**config):
        extra = create_app({**TEST_CONFIG, "SQLALCHEMY_DATABASE_URI": app.config["SQLALCHEMY_DATABASE_URI"], **config})
        built.append(extra)
        return extra

    yield build
    for extra in built:
        with extra.app_context():
            db.engine.dispose()


def _empty_all_tables() -> None:
    tables = [t.name for t in reversed(db.metadata.sorted_tables)]
    if db.engine.dialect.name == "postgresql":
        db.session.execute(text("TRUNCATE " + ", ".join(f'"{t}"' for t in tables) + " RESTART IDENTITY CASCADE"))
    else:
        for table in tables:
            db.session.execute(text(f'DELETE FROM "{table}"'))
    db.session.commit()


@pytest.fixture(scope="session")
def db_states(app):
    """The states tests start from: "empty" at once, "world" once a test first seeds it."""
    with app.app_context():
        _empty_all_tables()
        states = states_for_engine()
        states.save("empty")
    return states


@pytest.fixture(autouse=True)
def _clean(app, db_states):
    with app.app_context():
        yield
        db.session.rollback()
        db.session.remove()
        db_states.restore("empty")
        # Ids start again at 1 in the next test: what was cached under them must go too.
        clear_caches()
        limiter.reset()


class Client(FlaskClient):
    """Each request starts as on a real server: nothing cached in `g` (the logged-in
    user) and no stale rows, although the test holds one app context throughout."""

    def open(self, *args, **kwargs):
        g.__dict__.clear()
        db.session.expire_all()
        return super().open(*args, **kwargs)


@pytest.fixture
def client(app):
    app.test_client_class = Client
    return app.test_client()


@pytest.fixture
def make(app) -> Factory:
    return Factory()


@pytest.fixture
def world(make, db_states):
    """The demo deployment: capuy, bithu, dangvien, dangvien2 (cell 1), dangvien3 (cell 2)."""
    if not db_states.has("world"):
        context = make.demo()
        db_states.save("world")
        return context
    db_states.restore("world")
    context = demo_context()
    db.session.commit()  # as after seeding: no transaction left open for the test to inherit
    return context


def demo_context() -> dict:
    """What `seed_demo` returns, looked up in a restored demo world."""
    from sqlalchemy import select

    from handbook import demo
    from handbook.auth.models import User
    from handbook.orgs.models import Organization

    def org(name):
        return db.session.scalar(select(Organization).where(Organization.name == name))

    users = {u.username: u for u in db.session.scalars(
        select(User).where(User.username.in_([account[0] for account in demo.ACCOUNTS])))}
    return {"bloc": org(demo.BLOC), "base": org(demo.BASE), "cell1": org(demo.CELL1), "cell2": org(demo.CELL2),
            "users": {account[0]: users[account[0]] for account in demo.ACCOUNTS}}


class Auth:
    def __init__(self, client):
        self.client = client

    def login(self, username: str, password: str = "sotay-demo", **kwargs):
        return self.client.post("/login", data={"username": username, "password": password}, **kwargs)

    def logout(self):
        return self.client.post("/logout")


@pytest.fixture
def auth(client) -> Auth:
    return Auth(client)


def without_csrf(page) -> str:
    """A page's HTML without its CSRF tokens, which carry the second they were signed in: two
    answers compared for sameness differ there when a second passes between them."""
    html = page if isinstance(page, str) else page.get_data(as_text=True)
    return re.sub(r'("X-CSRFToken": "|name="csrf_token" value=")[^"]*"', r'\1"', html)


def text_saved(response) -> dict | None:
    """The shared editor's answer to an autosave (handbook/editing): the `text-saved` event htmx
    reads from HX-Trigger, {"version": n, "status": ...}; None when the answer is not a save."""
    import json

    return json.loads(response.headers.get("HX-Trigger") or "{}").get("text-saved")


def text_of(response) -> str:
    """The visible text of an HTML response, tags stripped and spaces folded."""
    html = response.get_data(as_text=True)
    html = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()
