"""The CSRF token every page carries (htmx's header, the text-size form, the page's own forms),
signed once per login session per worker instead of on every page.

Flask-WTF signs the session's raw token with a timestamp on each request; a token is valid for
as long as its raw token is the session's (WTF_CSRF_TIME_LIMIT is None: the session bounds the
token), so the same signed token serves every page of that session. It is kept by raw token
and secret: a new session (login, logout) has a new raw token, hence a new key; another worker
signs its own, and any worker's token validates on every other (same secret, same raw token).
With a time limit set, a kept token is used for a tenth of it only, so none comes near expiry."""

import time

from flask import Flask, current_app, g, request, session
from flask_wtf.csrf import generate_csrf

EXTENSION = "handbook.page_tokens"
FIELD = "csrf_token"  # Flask-WTF's default WTF_CSRF_FIELD_NAME, which the app keeps
SEEDED = "page_token_seeded"  # g: the raw token the request's token was kept or taken for
MAX_KEPT = 10_000  # sessions a worker has served; past it the worker starts again from none


def init_app(app: Flask) -> None:
    app.extensions[EXTENSION] = {}
    app.jinja_env.globals["csrf_token"] = page_token
    app.before_request(_seed)


def page_token() -> str:
    """The signed token for this request (what `csrf_token()` gives templates)."""
    raw = session.get(FIELD)
    if g.get(SEEDED) not in (None, raw):
        # The view began a new session (a login, a logout): its page needs the new one's token.
        g.pop(FIELD, None)
        g.pop(SEEDED)
    if FIELD not in g:
        generate_csrf()  # signs (and makes the session's raw token if it has none), puts it in g
    if g.get(SEEDED) is None:
        setattr(g, SEEDED, session.get(FIELD))
        _keep(g.get(FIELD))
    return g.get(FIELD)


def _seed() -> None:
    """Before the view, so a form it builds (whose CSRF field asks for the token before the page
    renders) finds the kept token too. Not for static files: only pages read the session (and
    every page's answer already varies on the cookie, handbook/security.py)."""
    if request.endpoint == "static":
        return
    token = _kept()
    if token is not None:
        setattr(g, FIELD, token)
        setattr(g, SEEDED, session.get(FIELD))


def _key() -> tuple | None:
    raw = session.get(FIELD)
    if not raw:
        return None
    app = current_app
    return app.config.get("WTF_CSRF_SECRET_KEY") or app.secret_key, raw


def _kept() -> str | None:
    key = _key()
    kept = current_app.extensions[EXTENSION].get(key) if key else None
    if kept is None:
        return None
    token, signed_at = kept
    limit = current_app.config.get("WTF_CSRF_TIME_LIMIT")
    if limit is not None and time.monotonic() - signed_at > limit / 10:
        return None
    return token


def _keep(token: str | None) -> None:
    key = _key()
    if key is None or token is None:
        return
    kept = current_app.extensions[EXTENSION]
    if len(kept) >= MAX_KEPT:
        kept.clear()
    kept[key] = (token, time.monotonic())
