"""What every request pays, trimmed (handbook/pipeline.py): no app-wide rate-limit check, the
page hooks skipped on light endpoints only, the session's signer reused while its keys stay,
every function taken as synchronous without Flask asking `inspect` on each request."""

import pytest
from flask import Flask

from handbook.extensions import limiter
from handbook.pipeline import _sync_only


def test_the_limiters_request_check_is_gone(app):
    # The views' own limits still count: the failed-login tests in tests/test_auth*.py.
    assert limiter._check_request_limit not in app.before_request_funcs[None]


def test_a_light_endpoint_skips_the_page_hooks_and_keeps_the_rest(client):
    answer = client.get("/healthz")
    assert answer.status_code == 200 and answer.get_data(as_text=True) == "ok"
    assert "Set-Cookie" not in answer.headers
    assert answer.headers["X-Request-ID"] and answer.headers["X-Content-Type-Options"] == "nosniff"
    assert {"Accept-Encoding", "Cookie", "HX-Request", "HX-History-Restore-Request"} == set(answer.vary)


def test_the_session_signer_follows_the_secret_key(other_app, world):
    signed = other_app(SECRET_KEY="first-key-" + "x" * 40)
    client = signed.test_client()
    client.post("/login", data={"username": "dangvien", "password": "sotay-demo"})
    assert client.get("/account").status_code == 200
    signed.secret_key = "second-key-" + "y" * 40  # the old cookie no longer verifies
    assert client.get("/account").status_code == 302


def test_healthz_reports_a_database_it_cannot_reach(other_app):
    down = other_app(SQLALCHEMY_DATABASE_URI="sqlite:////nonexistent-folder/handbook.sqlite3")
    answer = down.test_client().get("/healthz")
    assert answer.status_code == 503 and answer.get_data(as_text=True) == "database unavailable"


def test_functions_are_taken_as_synchronous_and_an_async_one_stops_the_start():
    plain = Flask("plain")
    plain.add_url_rule("/", "index", lambda: "ok")
    _sync_only(plain)
    view = plain.view_functions["index"]
    assert plain.ensure_sync(view) is view
    assert plain.test_client().get("/").get_data(as_text=True) == "ok"

    async def hook():
        return None

    late = Flask("late")
    late.add_url_rule("/", "index", lambda: "ok")
    late.before_request(hook)
    with pytest.raises(RuntimeError, match="synchronous"):
        _sync_only(late)


def test_the_served_app_leaves_what_it_loaded_out_of_full_collections():
    """`gunicorn app:app` imports app.py in each worker: the objects loaded at start are frozen,
    so the collector's full passes walk only what requests made since."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    env = {**os.environ, "DATABASE_URL": "sqlite://", "LOG_LEVEL": "WARNING"}
    frozen = subprocess.run([sys.executable, "-c", "import app, gc; print(gc.get_freeze_count())"], cwd=root,
                            env=env, capture_output=True, text=True, check=True).stdout.split()[-1]
    assert int(frozen) > 50_000
