"""In-process caches for HTML that many members read and few people change, over cachetools.

An agenda is written by one secretary and opened by forty members in the hour before the
meeting; rendering it once per version instead of once per member is most of the meeting
page's cost. Keys carry what changes the content (a content version, handbook/content_version.py,
the same one the page's validator reads), so a change is seen at once, on every node: keys come
from database state, never from a node's memory. A cache keyed on a complete version needs no
time limit (`ttl_seconds=None`: the least recently used entries go when it is full); a time limit
is only for keys that cannot see everything. Each worker keeps its own copy; a restart starts empty.
"""

import threading
from collections.abc import Callable
from contextlib import suppress
from typing import Any

from cachetools import LRUCache, TTLCache

_caches: list["Cache"] = []


class Cache:
    """A bounded mapping with `get_or_make`; `size` entries, each kept `ttl_seconds` (None: until
    the least recently used go to make room)."""

    def __init__(self, size: int, ttl_seconds: float | None, sizeof: Callable[[Any], int] | None = None):
        """`sizeof`: an entry's share of `size` (its bytes, say); each counts 1 without it."""
        self._items = (LRUCache(maxsize=size, getsizeof=sizeof) if ttl_seconds is None
                       else TTLCache(maxsize=size, ttl=ttl_seconds, getsizeof=sizeof))
        self._lock = threading.Lock()  # cachetools' caches are not thread-safe; gthread workers share them
        _caches.append(self)

    def get_or_make(self, key, make: Callable[[], Any]):
        with self._lock:
            found = self._items.get(key, _MISSING)
        if found is not _MISSING:
            return found
        value = make()  # outside the lock: two threads may both render; both are right
        with self._lock:
            self._items[key] = value
        return value

    def get(self, key):
        """The value kept under `key`, or None."""
        with self._lock:
            return self._items.get(key)

    def put(self, key, value) -> None:
        with self._lock, suppress(ValueError):  # larger than the whole cache may hold (`sizeof`): not kept
            self._items[key] = value

    def clear(self) -> None:
        with self._lock:
            self._items.clear()


_MISSING = object()


def clear_all() -> None:
    """Forget everything (tests empty the database between cases and reuse ids)."""
    for cache in _caches:
        cache.clear()
