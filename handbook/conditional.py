"""A page's cache validator, declared beside its view: `@conditional(validator)`.

The validator takes the view's arguments and answers, in one cheap statement, what the page's
content is made of — its content version(s) (handbook/content_version.py) and any fact of time
(a check-in window) — or None when it has no validator for this request (the page is not the
member's to see: the view then answers its own 404). The ETag adds what every page shows of the
member: the login (pages carry its CSRF token), the member's own content version (the bell,
their marks), roles, the reading size and the build. A revisit whose validator still matches is
answered 304 before the view does any work; the 200 carries the ETag (taken again after the view
when the view itself wrote) and `Cache-Control: private, no-cache`. The pack lists each page with
`page_tag`, the same ETag its view gives.

Pages marked `@conditional` (or `@keep_offline` for pages without a validator) are the ones the
phone's service worker may keep: `OFFLINE_FLAG` is set on `g` for the offline feature to mark
the response; nothing here knows which features' pages these are.
"""

import hashlib
from collections.abc import Callable
from functools import cache, wraps
from pathlib import Path

from flask import current_app, g, has_app_context, make_response, request, session
from flask_login import current_user
from sqlalchemy import bindparam, event, select

from handbook import page_store
from handbook.extensions import db

OFFLINE_FLAG = "keep_offline"
_COMMITS = "conditional_commits"
MEMBER = bindparam("member_id")


def build_stamp() -> str:
    """A digest of the templates and static files: a deploy that changes them changes every page."""
    app = current_app
    stamp = app.extensions.get("offline_build")
    if stamp is None or app.debug:
        digest = hashlib.sha256()
        for folder in (app.static_folder, app.template_folder):
            for path in sorted(Path(folder).rglob("*")):
                if path.is_file():
                    digest.update(str(path.relative_to(folder)).encode())
                    digest.update(path.read_bytes())
        stamp = app.extensions["offline_build"] = digest.hexdigest()[:12]
    return stamp


def account_key() -> str | None:
    """An opaque name for this login on this device: the worker keeps one account's pages under it.
    A new login (another member, or the same one again) is a new name, so nothing stored
    under an earlier login is ever shown to the next."""
    token = session.get(SESSION_KEY)
    if not token or not member().is_authenticated:
        return None
    secret = current_app.config["SECRET_KEY"].encode()
    return hashlib.sha256(secret + b"offline-account:" + token.encode()).hexdigest()[:20]


_MEMBER = "conditional_member"


def member():
    """The member a validator reads: the logged-in member once loaded, else the worker's copy of
    the session's member (auth/service.session_member_copy), which a revisit answered 304 reads
    without putting it into the database session; else the member loaded the full way (no
    copy: the database checks the session). Validators read its id, cell and roles only; one
    that needs more (an admin's organisations) asks `current_user`."""
    loaded = g.get("_login_user")
    if loaded is not None:
        return loaded
    found = g.get(_MEMBER)
    if found is None:
        found = session_member_copy() or current_user._get_current_object()
        setattr(g, _MEMBER, found)
    return found


def _ready(user) -> bool:
    """A validator only for a member whose page would render now (no flashed message waiting)."""
    return user.is_authenticated and not user.must_change_password and "_flashes" not in session


def page_tag(validator: Callable[..., tuple | None], **args) -> str | None:
    """The page's ETag for this member now, or None."""
    user = member()
    if not _ready(user):
        return None
    parts = validator(**args)
    if parts is None:
        return None
    roles = sorted((r.role, r.org_id) for r in user.roles)
    # A validator that carries the member's own version in its statement (`own_version()`)
    # has it among its parts already; any other is answered with a second, small read.
    own = () if getattr(validator, CARRIES_OWN_VERSION, False) else (_own_version(user.id),)
    who = (build_stamp(), account_key(), user.id, *own, text_step(user), roles,
           request.headers.get("HX-Request"))
    return hashlib.sha256(repr((who, parts)).encode()).hexdigest()[:32]


CARRIES_OWN_VERSION = "carries_own_version"


@cache
def _own_version_statement():
    return select(User.content_version).where(User.id == MEMBER)


def _own_version(user_id: int) -> int | None:
    """The member's content version as the database holds it now. The member's row may be a
    worker's copy of up to half a minute ago (auth/sessioncache.py), while their own marks, RSVP
    and bell move this version through triggers the copy never sees: read it fresh."""
    row = validator_row(_own_version_statement(), {"member_id": user_id})
    return row[0] if row is not None else None


def validator_row(statement, params: dict):
    """The first row of a validator's statement (plain columns, past the ORM's layer).

    A revisit (the request names the ETags it holds) is read on a pooled connection of its own:
    answered 304, it then never opens the ORM's session, whose start, transaction and close cost
    about as much as the statement (benchmarks/README.md, A seventh pass). Any other request
    reads on the session's connection, which its view goes on to use: a second checkout would
    cost it a second connection check (`pool_pre_ping`) on PostgreSQL. Either way the row is
    read before the view's own reads, so the page is never older than its tag."""
    if request.if_none_match:
        with db.engine.connect() as connection:
            return connection.execute(statement, params).first()
    return db.session.connection().execute(statement, params).first()


@cache
def own_version():
    """The member's content version as a column of a validator's own statement (bind
    `member_id` to the member's id): read fresh in the same round trip, for the reason
    `_own_version` gives. Built on first use: `User` is imported last in this module."""
    return _own_version_statement().scalar_subquery()


def carries_own_version(validator):
    """Marks a validator whose statement selects `own_version()` and returns it among its
    parts, so the tag needs no second statement (a revisit's 304 is then one statement)."""
    setattr(validator, CARRIES_OWN_VERSION, True)
    return validator


def commits() -> int:
    """How many commits this request has made: a value read when this was n still holds while
    it is n."""
    return g.get(_COMMITS, 0)


def keep_offline(view):
    """The phone's worker may keep this page (it has no validator: it is drawn afresh each time)."""
    @wraps(view)
    def page(*args, **kwargs):
        g.setdefault(OFFLINE_FLAG, True)
        return view(*args, **kwargs)
    return page


def conditional(validator: Callable[..., tuple | None], visit: Callable[..., None] | None = None):
    """Answer GETs of the view with 304 while `validator(**view_args)` is unchanged. `visit`:
    what the view records of the member's visit (a read receipt), run on the 304 too."""
    def decorate(view):
        @wraps(view)
        def page(**kwargs):
            if request.method != "GET":
                return view(**kwargs)
            g.setdefault(OFFLINE_FLAG, True)
            tag = page_tag(validator, **kwargs)
            if tag is not None and request.if_none_match.contains_weak(tag):
                if visit is not None:
                    visit(**kwargs)
                response = make_response("", 304)
                response.set_etag(tag, weak=True)
                return response
            if tag is not None and (kept := page_store.kept(tag)) is not None:
                if visit is not None:
                    visit(**kwargs)
                return kept  # the page as drawn under this tag (handbook/page_store.py)
            before = commits()
            response = make_response(view(**kwargs))
            if response.status_code != 200 or tag is None:
                return response
            if commits() != before:
                tag = page_tag(validator, **kwargs)  # the view wrote: the page is of the state after it
            else:
                page_store.offer(tag)  # drawn without a write: the same page while the tag holds
            if tag is not None:
                # Weak: the body is sent gzipped or not, the same page either way.
                response.set_etag(tag, weak=True)
                # Kept by the member's browser only, and asked about again before each use (a
                # page stricter still, the note's, says no-store in its own hook, which runs after).
                response.headers.setdefault("Cache-Control", "private, no-cache")
            return response
        return page
    return decorate


# Last: auth's own pages use this module's decorators, which must exist when auth imports them.
from handbook.auth.models import User  # noqa: E402
from handbook.auth.service import SESSION_KEY, session_member_copy  # noqa: E402
from handbook.auth.textsize import text_step  # noqa: E402


@event.listens_for(db.session, "after_commit")
def _count_commit(_session) -> None:
    # Every commit of the request, the activity write before any validator included: a row a
    # validator read is then known stale by the count alone (meetings/validators.page_row),
    # wherever it was read.
    if has_app_context():
        setattr(g, _COMMITS, g.get(_COMMITS, 0) + 1)
