"""The CSV file an admin previewed, kept in shared storage until they confirm the import.

The confirmation may reach another application server than the preview did, so the file waits
in the storage every node reads (handbook/storage.py), under a random token held in the admin's
session. It holds no passwords (those are made at import). A preview never confirmed is purged
by age: at the next preview, and by any periodic job that calls `purge_stale_previews`.
"""

import secrets
from datetime import datetime, timedelta

from handbook.storage import store

PREFIX = "admin-import/"
# Long enough to read a few thousand rows and fix the file in Excel; short enough that member
# lists do not linger.
STALE_AFTER = timedelta(hours=1)


def keep(data: bytes) -> str:
    """Stores the file (the view commits) and returns the token that names it."""
    token = secrets.token_urlsafe(24)
    store.put(PREFIX + token, data)
    return token


def read(token: str) -> bytes | None:
    return store.get(PREFIX + token) if token else None


def drop(token: str) -> None:
    store.delete(PREFIX + token)


def purge_stale_previews(older_than: timedelta = STALE_AFTER, now: datetime | None = None) -> int:
    """Deletes previews made more than `older_than` ago (the caller commits); returns how many."""
    return store.purge(PREFIX, older_than, now)


def purge_job(now: datetime) -> int:
    """The scheduler's job (a plain function of picklable arguments, as jobs must be)."""
    return purge_stale_previews(STALE_AFTER, now)
