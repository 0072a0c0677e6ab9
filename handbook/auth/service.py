"""Logging in and out: finding the account, server-side sessions, timeouts."""

import hashlib
import secrets
from datetime import timedelta

from flask import current_app, request, session
from flask_login import login_user, logout_user
from sqlalchemy import bindparam, delete, select
from sqlalchemy.orm import joinedload

from handbook import security
from handbook.auth import sessioncache
from handbook.auth.identifiers import account_by_identifier
from handbook.auth.models import LoginSession, User
from handbook.auth.passwords import dummy_hash, hash_password, verify_password
from handbook.extensions import commit_keeping_what_was_read, db
from handbook.logs import bind_user
from handbook.models_base import utcnow
from handbook.signals import password_changed

SESSION_KEY = "sid"
# Decided at login (and at a password change): whether this session may only change the
# password. An account flagged later has all its sessions ended, so it is never stale.
MUST_CHANGE_KEY = security.MUST_CHANGE_KEY
LAST_SEEN_WRITE_EVERY = timedelta(minutes=1)


def find_account(identifier: str) -> User | None:
    """One box takes a login name, a party card number or a phone number, in any spelling."""
    return account_by_identifier(identifier)


def authenticate(identifier: str, password: str) -> User | None:
    user = find_account(identifier)
    if user is None:
        verify_password(dummy_hash(), password)  # as long as a wrong password for a real account
        return None
    if not verify_password(user.password_hash, password) or not user.active:
        return None
    return user


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def start_session(user: User) -> None:
    """Clears whatever the browser had (no fixation) and opens a fresh server session (the caller
    commits it: until then the cookie names a session the server does not know)."""
    bind_user(user.id)  # before login_user: `user` may be the current_user proxy itself
    session.clear()
    token = secrets.token_urlsafe(32)
    db.session.add(
        LoginSession(
            token_hash=_token_hash(token),
            user_id=user.id,
            user_agent=(request.user_agent.string or "")[:200],
        )
    )
    user.last_login_at = utcnow()
    session[SESSION_KEY] = token
    session[MUST_CHANGE_KEY] = bool(user.must_change_password)
    session.permanent = True
    login_user(user)


def end_session() -> None:
    token = session.get(SESSION_KEY)
    if token:
        db.session.execute(delete(LoginSession).where(LoginSession.token_hash == _token_hash(token)))
        sessioncache.SESSIONS.drop(_token_hash(token))
    logout_user()
    session.clear()


def purge_expired_sessions(now) -> int:
    """The scheduler's job: server sessions past their idle or absolute lifetime (the same rule
    as the loader's) go, for the devices that never came back to be turned away."""
    cfg = current_app.config
    result = db.session.execute(delete(LoginSession).where(
        (LoginSession.last_seen_at < now - timedelta(minutes=cfg["SESSION_IDLE_MINUTES"]))
        | (LoginSession.created_at < now - timedelta(minutes=cfg["SESSION_MAX_MINUTES"]))))
    return result.rowcount or 0


def end_all_sessions(user: User) -> None:
    """After a password change or reset, every other device must log in again."""
    db.session.execute(delete(LoginSession).where(LoginSession.user_id == user.id))
    sessioncache.SESSIONS.drop_user(user.id)


# One query for the server session, its member and the member's roles: every logged-in
# request starts here, and three round trips each were a fixed cost of every page. Built
# once: SQLAlchemy keys its compiled-SQL cache on the statement, and that key is worked out
# again for every newly built statement but kept on this one (half the cost of the lookup).
_SESSION_AND_USER = (
    select(LoginSession, User)
    .join(User, User.id == LoginSession.user_id)
    .options(joinedload(User.roles))
    .where(LoginSession.token_hash == bindparam("token_hash"))
)


def _kept_copy(token_hash: str, user_id: str) -> sessioncache.Entry | None:
    """The worker's copy of a page read's session, if it may stand for the database's row: a
    read within seconds of the last lookup, not due for a timeout or for its once-a-minute
    activity write (both then go the database's way, in load_session_user)."""
    if not sessioncache.usable():
        return None
    kept = sessioncache.lookup(token_hash)
    now = utcnow()
    cfg = current_app.config
    idle = timedelta(minutes=cfg["SESSION_IDLE_MINUTES"])
    if (kept is None or kept.user_id != int(user_id) or not kept.user.active
            or now - kept.last_seen_at > min(idle, LAST_SEEN_WRITE_EVERY)
            or now - kept.created_at > timedelta(minutes=cfg["SESSION_MAX_MINUTES"])):
        return None
    bind_user(kept.user_id)
    return kept


def session_member_copy() -> User | None:
    """The session's member as the worker's copy, not put into the request's database session:
    for a page's validator, which reads only the member's id, cell and roles, so a revisit
    answered 304 pays no merge. The session is checked as load_session_user checks it on its
    copy's path (a session ended in this worker has no copy; elsewhere, the copy's half
    minute); None when there is no usable copy (the caller then loads the member the full
    way). The copy is shared by the worker's threads: read it, never change or attach it."""
    token, user_id = session.get(SESSION_KEY), session.get("_user_id")
    if not token or not isinstance(user_id, str) or not user_id.isdigit():
        return None
    kept = _kept_copy(_token_hash(token), user_id)
    return kept.user if kept is not None else None


def load_session_user(user_id: str) -> User | None:
    """Flask-Login's loader: the cookie alone is not enough, its server session must live.

    The one service that commits: it runs before any view, for every logged-in request, and its
    writes (an expired session gone, the last-seen time) belong to no view's transaction."""
    token = session.get(SESSION_KEY)
    if not token or not user_id.isdigit():
        return None
    token_hash = _token_hash(token)
    now = utcnow()
    cfg = current_app.config
    idle = timedelta(minutes=cfg["SESSION_IDLE_MINUTES"])
    lifetime = timedelta(minutes=cfg["SESSION_MAX_MINUTES"])
    kept = _kept_copy(token_hash, user_id)
    if kept is not None:
        return sessioncache.attach(db.session, kept)
    found = db.session.execute(_SESSION_AND_USER, {"token_hash": token_hash}).unique().first()
    if found is None or found[0].user_id != int(user_id):
        sessioncache.SESSIONS.drop(token_hash)
        return None
    row, user = found
    if now - row.last_seen_at > idle or now - row.created_at > lifetime:
        db.session.delete(row)
        db.session.commit()
        return None
    if not user.active:
        return None
    # A copy for the pages that follow, taken now (a commit expires what was read); not on a
    # write, which may change the member and is most often followed by another write.
    copy = sessioncache.copy_of(user) if sessioncache.usable() else None
    if now - row.last_seen_at > LAST_SEEN_WRITE_EVERY:
        row.last_seen_at = now
        commit_keeping_what_was_read()  # this drops the member's older copies: the flush wrote a session
    if copy is not None:
        sessioncache.keep(token_hash, copy, row.created_at, row.last_seen_at)
    bind_user(user.id)
    return user


def change_password(user: User, new_password: str) -> list[str]:
    """Sets the new password, ends the other devices' sessions, keeps this one; returns what
    the member should be told of the secrets renewed with it."""
    user.password_hash = hash_password(new_password)
    user.must_change_password = False
    end_all_sessions(user)
    told = [message for _, message in password_changed.send(user, by_admin=False) if message]
    start_session(user)
    return told
