"""Production settings that are refused, caching of pages with private text, Vary."""

import base64
import secrets
from datetime import timedelta

import pytest

from handbook import create_app
from handbook.config import secret_problem
from handbook.extensions import db
from handbook.meetings.models import Rsvp
from handbook.security import PERSONAL_ENDPOINTS
from tests import notes_factories as nf
from tests.conftest import text_of
from tests.meetings.factories import meeting

GOOD_SECRET = "6_usuqGFRWLODPw0_dtM2tO5QmiTjY4K64vmqgFYMD32_UA1wDj0tvRL5asyjaIQ"  # secrets.token_urlsafe(48)


@pytest.mark.parametrize("secret", ["x", "changeme", "secret" * 8, "a" * 40, "changeme-changeme-changeme-1234567"])
def test_production_refuses_a_short_or_obvious_secret(app, monkeypatch, secret):
    monkeypatch.setenv("HANDBOOK_ENV", "production")
    monkeypatch.setenv("SECRET_KEY", secret)
    monkeypatch.setenv("WEB_CONCURRENCY", "1")
    with pytest.raises(RuntimeError, match="SECRET_KEY"):
        create_app()


@pytest.mark.parametrize("secret", [
    "sotay-secret-key-2026-production!!", "abcdefgh" * 5,  # as reported: accepted in production
    "abcdefgh" * 6, "0123456789abcdef" * 4, "Zq3vW8hT1kLm0pR7" * 3,  # long, but a few characters or repeats
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ",  # the alphabet in order
    "correct-horse-battery-staple-carefully-chosen-words",  # words, in one case
    "Ab1-" + "secret" + "Xy9_Zq3vW8hT1kLm0pR7sYx2cVb9nJd4fGeQw",  # a random-looking key around a word
    "Zq3vW8-hT1kLm0pR7sYx2cVb9nJd4fGe",  # random, but 32 characters: 192 bits, not 256
])
def test_production_refuses_a_secret_key_without_32_random_bytes(app, monkeypatch, secret):
    monkeypatch.setenv("HANDBOOK_ENV", "production")
    monkeypatch.setenv("SECRET_KEY", secret)
    monkeypatch.setenv("WEB_CONCURRENCY", "1")
    with pytest.raises(RuntimeError, match="SECRET_KEY"):
        create_app()


def test_the_keys_the_readme_makes_are_accepted():
    made = [maker() for maker in (lambda: secrets.token_hex(32), lambda: secrets.token_urlsafe(32),
                                  lambda: secrets.token_urlsafe(48), lambda: secrets.token_hex(48).upper(),
                                  lambda: base64.b64encode(secrets.token_bytes(32)).decode())  # openssl rand -base64 32
            for _ in range(300)]
    assert [key for key in made if secret_problem(key)] == []


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


def test_pages_with_anothers_data_or_a_secret_are_never_stored_and_logout_clears_the_device(app, client, auth, world):
    assert set(app.view_functions) >= PERSONAL_ENDPOINTS  # a renamed page does not drop out of the rule
    m = meeting(world["cell1"], status="published", starts_in=timedelta(minutes=-10))
    db.session.add(Rsvp(meeting_id=m.id, user_id=world["users"]["dangvien2"].id, attending=False, reason="Ốm"))
    db.session.commit()
    auth.login("bithu")
    for path in (f"/meetings/{m.id}/overview", f"/meetings/{m.id}/attendance", "/account"):
        response = client.get(path)
        assert response.status_code == 200 and response.headers["Cache-Control"] == "no-store", path
    auth.logout()
    auth.login("capuy")
    member = client.get(f"/admin/members/{world['users']['dangvien2'].id}")
    assert member.status_code == 200 and member.headers["Cache-Control"] == "no-store"
    logout = auth.logout()
    assert logout.headers["Clear-Site-Data"] == '"cache", "storage"'

    # The member's own absence reason on the meeting page: not stored either, yet the phone's
    # offline copy (the service worker's, kept apart and sent back with If-None-Match) revalidates.
    auth.login("dangvien2")
    page = client.get(f"/meetings/{m.id}")
    assert "Ốm" in text_of(page) and page.headers["Cache-Control"] == "no-store"
    assert page.headers["X-Offline-Pack"] and page.headers["ETag"]
    assert client.get(f"/meetings/{m.id}", headers={"If-None-Match": page.headers["ETag"]}).status_code == 304
    # A meeting page with nothing of anyone's stays in the browser's cache, revalidated (304).
    upcoming = meeting(world["cell1"], status="published")
    plain = client.get(f"/meetings/{upcoming.id}")
    assert plain.headers["Cache-Control"] == "private, no-cache" and plain.headers["ETag"]
