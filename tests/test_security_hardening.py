"""Production settings that are refused, caching of pages with private text, Vary."""

import pytest

from handbook import create_app
from tests import notes_factories as nf
from tests.conftest import text_of

GOOD_SECRET = "Zq3vW8-hT1kLm0pR7sYx2cVb9nJd4fGe"


@pytest.mark.parametrize("secret", ["x", "changeme", "secret" * 8, "a" * 40, "changeme-changeme-changeme-1234567"])
def test_production_refuses_a_short_or_obvious_secret(app, monkeypatch, secret):
    monkeypatch.setenv("HANDBOOK_ENV", "production")
    monkeypatch.setenv("SECRET_KEY", secret)
    monkeypatch.setenv("WEB_CONCURRENCY", "1")
    with pytest.raises(RuntimeError, match="SECRET_KEY"):
        create_app()


def test_production_refuses_per_process_rate_limits_with_several_workers(app, monkeypatch):
    monkeypatch.setenv("HANDBOOK_ENV", "production")
    monkeypatch.setenv("SECRET_KEY", GOOD_SECRET)
    monkeypatch.delenv("RATELIMIT_STORAGE_URI", raising=False)
    for workers in (None, "4"):
        if workers is None:
            monkeypatch.delenv("WEB_CONCURRENCY", raising=False)
        else:
            monkeypatch.setenv("WEB_CONCURRENCY", workers)
        with pytest.raises(RuntimeError, match="memory://"):
            create_app()


@pytest.mark.parametrize("env", [{"WEB_CONCURRENCY": "1"}, {"RATELIMIT_STORAGE_URI": "redis://127.0.0.1:6379/1"}])
def test_production_starts_with_a_shared_limit_store_or_one_worker(other_app, monkeypatch, env):
    monkeypatch.setenv("HANDBOOK_ENV", "production")
    monkeypatch.setenv("SECRET_KEY", GOOD_SECRET)
    monkeypatch.delenv("WEB_CONCURRENCY", raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    assert other_app(TESTING=False, SERVER_NAME=None).config["HANDBOOK_ENV"] == "production"


def test_search_results_quoting_a_note_are_never_stored(client, auth, world):
    meeting = nf.meeting(world["cell1"])
    auth.login("dangvien")
    client.post(f"/meetings/{meeting.id}/note", data={"body": "Ý kiến riêng về quy hoạch cán bộ", "version": "0"})
    response = client.get("/search?q=quy+hoach+can+bo")
    assert "Ý kiến riêng về quy hoạch cán bộ" in text_of(response)
    assert response.headers["Cache-Control"] == "no-store"
    assert client.get("/search?q=zzzz").headers["Cache-Control"] == "private, no-cache"


def test_pages_vary_on_the_history_restore_header(client, auth, world):
    auth.login("dangvien")
    response = client.get("/meetings")
    assert {"Cookie", "HX-Request", "HX-History-Restore-Request"} <= set(response.vary)
