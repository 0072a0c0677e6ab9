"""What every request pays before and after its view, trimmed to what the app uses.

Each piece here did work on every request, /healthz included, for a feature the app does not
use or for a result that never changes between requests (benchmarks/README.md, Fifth round).
"""

import inspect
from functools import partial

from flask import Flask, request
from flask.globals import request_ctx

from handbook.extensions import limiter

# The request hooks that concern pages only (hook's module, name), skipped on a light endpoint.
PAGE_HOOKS = {
    ("flask_wtf.csrf", "csrf_protect"),  # a light endpoint answers GET only
    ("handbook.security", "force_password_change"),
    ("handbook.meetings.votes.routes", "_drop_old_ballot_tokens"),
    ("flask_login.login_manager", "_update_remember_cookie"),
    ("handbook.offline.keeping", "mark_storable"),
}


def light(view):
    """Marks a view that reads no form or session and changes nothing (the health check; static
    files are light too): PAGE_HOOKS skip it. It still gets the parameter guard, its request
    line, its count in the metrics and the security headers."""
    view.light = True
    return view


def trim(app: Flask) -> None:
    _drop_app_wide_limit_check(app)
    _skip_page_hooks_on_light_endpoints(app)
    _sync_only(app)


def _sync_only(app: Flask) -> None:
    """Flask asks `inspect` whether each hook, the view and each context processor is a
    coroutine function, on every request (~15 times, ~10% of /healthz in process). None here
    is one: checked once now, the answer is kept. An async function added later stops the app
    from starting rather than answering with an unawaited coroutine."""
    functions = [*app.view_functions.values(), *app.teardown_appcontext_funcs]
    for registry in (app.before_request_funcs, app.after_request_funcs, app.teardown_request_funcs,
                     app.template_context_processors, app.url_value_preprocessors, app.url_default_functions):
        functions += [f for funcs in registry.values() for f in funcs]
    for spec in app.error_handler_spec.values():
        functions += [f for by_code in spec.values() for f in by_code.values()]
    asynchronous = [f for f in functions if inspect.iscoroutinefunction(f)]  # as Flask asks
    if asynchronous:
        raise RuntimeError(f"the handbook runs synchronous functions only: {asynchronous}")
    app.ensure_sync = _as_is


def _as_is(func):
    return func


def _skip_page_hooks_on_light_endpoints(app: Flask) -> None:
    endpoints = frozenset({"static"} | {name for name, view in app.view_functions.items() if getattr(view, "light", 0)})
    for hooks in (app.before_request_funcs.get(None, []), app.after_request_funcs.get(None, [])):
        hooks[:] = [_pages_only(hook, endpoints) if _hook_name(hook) in PAGE_HOOKS else hook for hook in hooks]


def _hook_name(hook) -> tuple[str, str]:
    return getattr(hook, "__module__", ""), getattr(hook, "__name__", "")


def _pages_only(hook, light_endpoints: frozenset):
    def page_hook(*response):
        if request.endpoint in light_endpoints:
            return response[0] if response else None
        return hook(*response)
    page_hook.__module__, page_hook.__name__ = _hook_name(hook)
    return page_hook


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
