"""What every request pays before and after its view, trimmed to what the app uses.

Each piece here did work on every request, /healthz included, for a feature the app does not
use or for a result that never changes between requests (benchmarks/README.md, Fifth round).
"""

from functools import partial

from flask import Flask
from flask.globals import request_ctx
from flask.sessions import SecureCookieSessionInterface

from handbook.extensions import limiter


def trim(app: Flask) -> None:
    app.session_interface = _SessionCookies()
    _drop_app_wide_limit_check(app)


def _drop_app_wide_limit_check(app: Flask) -> None:
    """Flask-Limiter checks every request before its view for app-wide, default, blueprint and
    fallback limits, and finds none here (~15% of /healthz). A view's own `@limiter.limit`
    (login, PDFs, check-in, the calendar feed) is checked by the view's wrapper whether this
    hook runs or not, with the same fallback to memory while Redis is away; so the hook goes
    for as long as no app-wide limit is declared."""
    manager = limiter.limit_manager
    app_wide = (manager.application_limits, manager.default_limits, getattr(manager, "_blueprint_limits", None),
                getattr(limiter, "_meta_limits", None), getattr(limiter, "_in_memory_fallback", None))
    if any(app_wide):
        return
    hooks = app.before_request_funcs.get(None, [])
    hooks[:] = [hook for hook in hooks if hook != limiter._check_request_limit]
    after, teardown = app.after_request_funcs.get(None, []), app.teardown_request_funcs.get(None, [])
    after[:] = [_after_if_limited(hook) if _is_limiters(hook) else hook for hook in after]
    teardown[:] = [_teardown_if_limited(hook) if _is_limiters(hook) else hook for hook in teardown]


# Where Flask-Limiter keeps a request's limits, deductions still due and header values: made the
# first time a limit is checked in the request (by a limited view, once the hook above is gone).
# Its after-request step (the deductions, such as the login's failed attempts; headers) and its
# teardown made that state to find it empty on every request whose view has no limit, so they
# run only where it exists. The failed-login limits' tests (tests/test_auth*.py) fail if it moves.
_LIMITER_STATE = "_limiter_request_context"


def _is_limiters(hook) -> bool:
    owner = hook.args[0] if isinstance(hook, partial) and hook.args else getattr(hook, "__self__", None)
    return owner is limiter


def _limited() -> bool:
    return hasattr(request_ctx._get_current_object(), _LIMITER_STATE)


def _after_if_limited(hook):
    def limiter_after_request(response):
        return hook(response) if _limited() else response
    return limiter_after_request


def _teardown_if_limited(hook):
    def limiter_teardown(error=None):
        if _limited():
            hook(error)
    return limiter_teardown


class _SessionCookies(SecureCookieSessionInterface):
    """Flask's signed cookie session, its signer built once per set of keys rather than on every
    request (5-6 µs each)."""

    _signer_for: tuple | None = None
    _signer = None

    def get_signing_serializer(self, app: Flask):
        keys = (app.secret_key, tuple(app.config["SECRET_KEY_FALLBACKS"] or ()))
        if keys != self._signer_for:
            self._signer = super().get_signing_serializer(app)
            self._signer_for = keys
        return self._signer
