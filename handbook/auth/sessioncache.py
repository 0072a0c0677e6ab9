"""The login session and its member kept in process for a short while, so that reading a page
does not ask the database who is logged in.

Every logged-in request used to start with one query (the server session, its member, the
member's roles and their organisations). A worker now keeps, per session token, a detached
copy of what that query found for at most SESSION_CACHE_SECONDS (30 s by default) and puts it
into the request's database session without a query (`merge(load=False)`).

How quickly a change is seen:
- in the worker that made it, at once: a flush that touches a member, a role, a login session
  or an organisation drops the copies it concerns (`_collect`), and logout, "log out every
  device" and a password change drop theirs by name;
- in the other workers and servers, within SESSION_CACHE_SECONDS: a session ended elsewhere
  (logout, password changed or reset, account locked) still reads pages there for at most
  that long, and a role removed elsewhere still shows its pages for at most that long;
- a request that may change something (POST, PUT, PATCH, DELETE) never uses a copy: it asks
  the database, so a revoked session or role can never act, not even inside the window.
The idle and absolute timeouts are checked on the copy as on the row (the copy's last-seen
time is the row's), and the last-seen time is still written once a minute by the lookup.
"""

import threading
import time
from dataclasses import dataclass
from datetime import datetime

from cachetools import LRUCache
from flask import current_app, request
from sqlalchemy import event
from sqlalchemy.orm import Session

from handbook.auth.models import LoginSession, RoleAssignment, User
from handbook.cache import Cache
from handbook.orgs.models import Organization

# Requests that only read may use a copy; any other method asks the database.
READING_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
CACHE_SIZE = 2_000  # sessions a worker served in the last half minute (a copy is a few KB)


def clock() -> float:
    """Seconds, for the copies' age (tests replace it to move time without waiting)."""
    return time.monotonic()


@dataclass(frozen=True)
class Entry:
    user: User  # detached, every column and the roles (with their organisations) loaded
    user_id: int
    created_at: datetime  # the server session's, for its timeouts
    last_seen_at: datetime
    cached_at: float


class _Copies(LRUCache):
    """The copies, and which tokens are each member's: dropping one member's copies, which
    every activity write does (once a minute per session), reads their few tokens instead of
    walking every copy the worker holds (up to CACHE_SIZE: 1% of a worker's CPU under the
    province's evening load, benchmarks/README.md, An eighth pass)."""

    def __init__(self, size: int):
        super().__init__(maxsize=size)
        self.by_user: dict[int, set[str]] = {}

    def __setitem__(self, token_hash: str, entry: Entry) -> None:
        self._forget(token_hash)  # a token's copy replaced may name another member
        super().__setitem__(token_hash, entry)
        self.by_user.setdefault(entry.user_id, set()).add(token_hash)

    def __delitem__(self, token_hash: str) -> None:
        self._forget(token_hash)
        super().__delitem__(token_hash)

    def _forget(self, token_hash: str) -> None:
        entry = super().get(token_hash)
        if entry is not None:
            tokens = self.by_user.get(entry.user_id, set())
            tokens.discard(token_hash)
            if not tokens:
                self.by_user.pop(entry.user_id, None)

    def clear(self) -> None:
        super().clear()
        self.by_user.clear()


class SessionCache(Cache):
    """Copies by token hash, bounded (least recently used go first)."""

    def __init__(self, size: int):
        super().__init__(size, ttl_seconds=3600)  # registered with clear_all(); its store replaced:
        self._items = _Copies(size)  # ages are checked on `clock`, not cachetools' timer

    def get(self, token_hash: str, max_age: float) -> Entry | None:
        with self._lock:
            entry = self._items.get(token_hash)
        if entry is None or clock() - entry.cached_at > max_age:
            return None
        return entry

    def put(self, token_hash: str, entry: Entry) -> None:
        with self._lock:
            self._items[token_hash] = entry

    def drop(self, token_hash: str) -> None:
        with self._lock:
            self._items.pop(token_hash, None)

    def drop_user(self, user_id: int) -> None:
        """Every copy of one member's sessions."""
        with self._lock:
            for token_hash in list(self._items.by_user.get(user_id, ())):
                del self._items[token_hash]


SESSIONS = SessionCache(CACHE_SIZE)
_COPIER = Session()  # never bound: only merges (load=False) into it, to make detached copies
_copying = threading.Lock()


def usable() -> bool:
    return request.method in READING_METHODS and current_app.config["SESSION_CACHE_SECONDS"] > 0


def lookup(token_hash: str) -> Entry | None:
    return SESSIONS.get(token_hash, current_app.config["SESSION_CACHE_SECONDS"])


def copy_of(user: User) -> User:
    """A detached copy of the member as just read (clean: nothing changed on it yet)."""
    with _copying:
        copy = _COPIER.merge(user, load=False)
        _COPIER.expunge_all()
    return copy


def keep(token_hash: str, user: User, created_at: datetime, last_seen_at: datetime) -> None:
    SESSIONS.put(token_hash, Entry(user, user.id, created_at, last_seen_at, clock()))


def attach(session, entry: Entry) -> User:
    """The copy in this request's database session, as if just loaded (no query)."""
    return session.merge(entry.user, load=False)


@event.listens_for(Session, "after_flush")
def _collect(session, flush_context) -> None:
    """Drop the copies a write concerns (here at once; again after commit for other threads)."""
    touched = session.info.setdefault("session_cache_users", set())
    for obj in (*session.new, *session.dirty, *session.deleted):
        if isinstance(obj, User):
            touched.add(obj.id)
        elif isinstance(obj, (RoleAssignment, LoginSession)):
            touched.add(obj.user_id)
        elif isinstance(obj, Organization) and obj not in session.new:
            touched.add(None)  # a renamed or moved organisation: its admins' subtree changed
    _drop(touched)


@event.listens_for(Session, "after_commit")
def _after_commit(session) -> None:
    _drop(session.info.pop("session_cache_users", ()))


@event.listens_for(Session, "after_rollback")
def _after_rollback(session) -> None:
    session.info.pop("session_cache_users", None)


def _drop(user_ids) -> None:
    if None in user_ids:
        SESSIONS.clear()
        return
    for user_id in user_ids:
        SESSIONS.drop_user(user_id)

