"""Optional error reporting: set SENTRY_DSN (sentry.io or a self-hosted Sentry or GlitchTip)
and unhandled errors are sent there with the request id, the endpoint and the user id,
never a request body, query string, cookie or header value (notes and passwords travel
in bodies; session cookies are credentials).
"""

from flask import Flask, has_request_context, session

from handbook import logs


def init_app(app: Flask, transport=None) -> None:
    dsn = app.config["SENTRY_DSN"]
    if not dsn:
        return
    # Imported only when reporting is on: a worker without SENTRY_DSN never loads the SDK.
    import sentry_sdk
    from sentry_sdk.integrations.flask import FlaskIntegration

    sentry_sdk.init(
        dsn=dsn,
        environment=app.config["HANDBOOK_ENV"],
        integrations=[FlaskIntegration()],
        before_send=_scrub,
        transport=transport,
    )


def _scrub(event, hint):
    """Keep what locates the error, drop everything a member typed or carries."""
    req = event.get("request") or {}
    event["request"] = {key: req[key] for key in ("method", "url") if key in req}
    if "url" in event["request"]:
        event["request"]["url"] = event["request"]["url"].split("?", 1)[0]
    event.pop("breadcrumbs", None)  # log messages and SQL of the request, with their parameters
    for exception in (event.get("exception") or {}).get("values", []):
        for frame in (exception.get("stacktrace") or {}).get("frames", []):
            frame.pop("vars", None)  # a frame's locals may hold the note being saved
    # What the request's log lines carry (handbook.logs).
    event.setdefault("tags", {})["request_id"] = logs.request_id() if has_request_context() else None
    user_id = logs.user_id() if has_request_context() else None
    if user_id is None and has_request_context():
        # A view that failed before anything asked who is logged in (pages no longer look the
        # member up for the password check): the id the signed session cookie names.
        user_id = session.get("_user_id")
    event["user"] = {"id": str(user_id)} if user_id is not None else {}
    return event
