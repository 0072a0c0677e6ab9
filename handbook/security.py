"""Response headers and request guards that apply to every page."""

from flask import current_app, redirect, request, url_for
from flask_login import current_user

CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "manifest-src 'self'",
        "worker-src 'self'",
    ]
)

# While a password must be changed, only these endpoints answer.
PASSWORD_CHANGE_ALLOWED = {"auth.password", "auth.logout", "static", "main.healthz"}


def set_security_headers(response):
    headers = response.headers
    headers.setdefault("Content-Security-Policy", CSP)
    headers["X-Content-Type-Options"] = "nosniff"
    headers["Referrer-Policy"] = "same-origin"
    headers["X-Frame-Options"] = "DENY"
    headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()"
    if current_app.config["HANDBOOK_ENV"] == "production":
        headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains"
    if request.endpoint != "static":
        # Pages depend on who is logged in and on htmx (fragment or page).
        response.vary.add("Cookie")
        response.vary.add("HX-Request")
        headers.setdefault("Cache-Control", "private, no-cache")
    return response


def force_password_change():
    # The endpoint is checked first: static files and /healthz need no session lookup.
    if (
        request.endpoint not in PASSWORD_CHANGE_ALLOWED
        and current_user.is_authenticated
        and current_user.must_change_password
    ):
        return redirect(url_for("auth.password"))
    return None


def is_htmx() -> bool:
    """A fragment is wanted, except when htmx restores history (it needs the whole page)."""
    return request.headers.get("HX-Request") == "true" and not request.headers.get(
        "HX-History-Restore-Request"
    )
