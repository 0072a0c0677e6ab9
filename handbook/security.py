"""Response headers and request guards that apply to every page."""

import re
from urllib.parse import urlsplit

from flask import g, redirect, request, session, url_for
from flask_login import current_user
from flask_wtf import FlaskForm
from werkzeug.datastructures import ImmutableMultiDict
from wtforms import PasswordField, StringField, TextAreaField

from handbook.errors import render_error

MUST_CHANGE_KEY = "pw_change"  # set by handbook/auth/service.py at login

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

# What the browser may keep of a page. A page is personal when it shows another person's data
# (answers, attendance, absences and their reasons, a member's record, who did what), a
# secret (the calendar feed's address, a temporary password) or the member's private text (a
# note): it is `no-store`, so neither the next person on the device, nor anything reading the
# browser's cache on disk, nor Back after logout finds it. Every other page is `private,
# no-cache`: the browser keeps it but asks the server before each use, which the pages with a
# validator answer with a 304.
# The service worker's offline copies are another store (Cache API, one per login, deleted at
# logout) that no-store does not touch, and it revalidates them with its own If-None-Match: a
# personal page it keeps (the account page, a meeting page) still comes back as a 304.
# Pages always personal are listed here; one that is personal only in some cases says so
# itself by calling private_page() (the meeting page, search results quoting a note), and the
# year's papers and ratings, notes and exports set `no-store` in their own blueprints.
PERSONAL_ENDPOINTS = frozenset({
    "auth.account",  # the calendar feed's secret address, the member's devices
    "meetings.overview", "meetings.attendance",  # every member's answer, attendance and reason
    "meetings.quality_page",  # members absent three times in a row
    # The minutes: attendance with absence reasons, opinions by speaker.
    "meetings.minutes", "meetings.minutes_revisions", "meetings.print_view", "meetings.minutes_pdf",
    "admin.members", "admin.member", "admin.audit",  # members' records; who did what, from where
})


# Every response's own headers, the same on all of them: appended by FixedHeaders to the list
# the server is handed, not set one by one on each response (benchmarks/README.md, Fifth round).
_FIXED_HEADERS = [
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "same-origin"),
    ("X-Frame-Options", "DENY"),
    ("Permissions-Policy", "camera=(), microphone=(), geolocation=()"),
]
_PRODUCTION_HEADERS = [*_FIXED_HEADERS, ("Strict-Transport-Security", "max-age=31536000; includeSubDomains")]
# Pages depend on who is logged in and on htmx (fragment or page).
PAGE_VARY = ("Cookie", "HX-Request", "HX-History-Restore-Request")
_PAGE_VARY = ", ".join(PAGE_VARY)
# What compression (handbook/compression.py, which runs first) leaves on almost every page.
_COMPRESSION_VARY = "Accept-Encoding"


class FixedHeaders:
    """WSGI middleware: the security headers every response carries (static files, errors and
    /healthz included), added to the header list the app hands the server. A response that
    brings its own Content-Security-Policy keeps it. A 304 only freshens the page the browser
    kept, which carries them already: it sends its validator, Cache-Control and Vary (RFC 9110,
    15.4.5), set by the app."""

    def __init__(self, wsgi_app, production: bool):
        self.wsgi_app = wsgi_app
        self.headers = _PRODUCTION_HEADERS if production else _FIXED_HEADERS

    def __call__(self, environ, start_response):
        fixed = self.headers

        def start(status, headers, exc_info=None):
            if status.startswith("304"):
                return start_response(status, headers, exc_info)
            if not any(name.lower() == "content-security-policy" for name, _ in headers):
                headers.append(("Content-Security-Policy", CSP))
            headers.extend(fixed)
            return start_response(status, headers, exc_info)

        return self.wsgi_app(environ, start)


def set_security_headers(response):
    """What depends on the page: Vary and whether the browser may keep it."""
    req = request._get_current_object()
    if req.endpoint == "static":
        return response
    headers = response.headers
    vary = headers.get("Vary") if "Vary" in headers else None
    if not vary:
        headers.add("Vary", _PAGE_VARY)
    elif vary == _COMPRESSION_VARY:
        headers["Vary"] = f"{_COMPRESSION_VARY}, {_PAGE_VARY}"
    else:  # the view's own Vary: merged, each name once
        response.vary.update(PAGE_VARY)
    if is_personal():
        headers["Cache-Control"] = "no-store"
    elif "Cache-Control" not in headers:
        headers.add("Cache-Control", "private, no-cache")
    return response


def is_personal() -> bool:
    """Whether the page being answered is personal: no copy of it may be kept (`no-store`)."""
    return bool(g.get("shows_private_text")) or request.endpoint in PERSONAL_ENDPOINTS


def private_page() -> None:
    """The page being built is personal (PERSONAL_ENDPOINTS says what that is): no browser or
    proxy may keep a copy of it, for the Back button or anyone else using the device."""
    g.shows_private_text = True


def force_password_change():
    # The endpoint is checked first: static files and /healthz need no session lookup. Whether
    # the password must change was decided at login and kept in the signed session (an admin's
    # reset ends every session), so a page never looks the member up for it; a session opened
    # before that flag existed is asked the old way.
    if request.endpoint in PASSWORD_CHANGE_ALLOWED:
        return None
    if session.get(MUST_CHANGE_KEY) is False:
        return None
    if current_user.is_authenticated and current_user.must_change_password:
        return redirect(url_for("auth.password"))
    return None


def is_prefetch() -> bool:
    """The phone's service worker keeping its offline pack (static/js/sw/50-pack.js), not the
    member reading: nothing the member would see as read or told is spent on it."""
    return bool(request.headers.get("X-Offline-Prefetch"))


def is_htmx() -> bool:
    """A fragment is wanted, except when htmx restores history (it needs the whole page)."""
    return request.headers.get("HX-Request") == "true" and not request.headers.get(
        "HX-History-Restore-Request"
    )


# No address, parameter name or file name has a control character in it: one there is crafted,
# and is refused. A form value may hold tab and line breaks (textareas); any other control
# character in it is dropped, since it comes from pasting (Word's vertical tab, a stray NUL)
# and refusing it would refuse the member's text. NUL would otherwise reach PostgreSQL, which
# rejects it with an error.
_CONTROL_IN_ADDRESS = re.compile(r"[\x00-\x1f\x7f]")
_CONTROL_IN_TEXT = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
MSG_CONTROL = ("Địa chỉ hoặc dữ liệu gửi lên có ký tự điều khiển không hợp lệ. "
               "Hãy mở lại trang từ trình đơn của ứng dụng rồi thử lại.")


def reject_control_characters():
    """One guard for every query and form parameter (and the path) of every request, before
    any view or query sees them: refused with 400 and a message in addresses, cleaned in
    form values."""
    req = request._get_current_object()
    if req.endpoint == "static":
        return None
    if _CONTROL_IN_ADDRESS.search(req.path) or req.query_string and any(
        _CONTROL_IN_ADDRESS.search(key) or _CONTROL_IN_ADDRESS.search(value)
        for key, value in req.args.items(multi=True)
    ):
        return render_error(400, MSG_CONTROL)
    if req.method not in ("POST", "PUT", "PATCH", "DELETE"):
        return None
    form = request.form
    if any(_CONTROL_IN_ADDRESS.search(key) for key in form) or any(
        _CONTROL_IN_ADDRESS.search(key) or _CONTROL_IN_ADDRESS.search(upload.filename or "")
        for key, upload in request.files.items(multi=True)
    ):
        return render_error(400, MSG_CONTROL)
    if any(_CONTROL_IN_TEXT.search(value) for value in form.values()):
        request.form = ImmutableMultiDict(
            [(key, _CONTROL_IN_TEXT.sub("", value)) for key, value in form.items(multi=True)])
    return None


def _one_line(value):
    """A single-line field never keeps a line break or tab: browsers cannot type one into an
    <input>, and one sent by hand broke calendar files and headers built from the value."""
    return " ".join(value.split()) if isinstance(value, str) and _LINE_BREAKS.search(value) else value


_LINE_BREAKS = re.compile(r"[\t\n\r]")


def _bind_field(self, form, unbound_field, options):
    field_class = unbound_field.field_class
    if issubclass(field_class, StringField) and not issubclass(field_class, TextAreaField | PasswordField):
        options = {**options, "filters": (*unbound_field.kwargs.get("filters", ()), _one_line)}
    return unbound_field.bind(form=form, **options)


# Every form of the app derives from FlaskForm: cleaning single-line fields here is the one
# place that covers them all, present and future.
FlaskForm.Meta.bind_field = _bind_field


def safe_next(target: str | None) -> str:
    """Only same-site paths: never an absolute URL, never a scheme-relative one."""
    if not target:
        return url_for("main.home")
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in target):  # a line break would split the header
        return url_for("main.home")
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return url_for("main.home")
    return target


def _render_field(self, field, render_kw):
    # A page often holds several forms, each with its CSRF token: the hidden input needs no id,
    # and without one every id on the page stays unique, so each label points at its own field.
    if field.type == "CSRFTokenField":
        render_kw = {**render_kw, "id": False}
    return field.widget(field, **render_kw)


FlaskForm.Meta.render_field = _render_field
