"""A small in-process cache for HTML that many members read and few people change.

An agenda is written by one secretary and opened by forty members in the hour before the
meeting; rendering it once per version instead of once per member is most of the meeting
page's cost. Keys carry what changes the content (a row's `updated_at`, a revision), so a
change is seen at once; the time limit only bounds what a key cannot see (a document's
heading renamed by a re-import). Each gunicorn worker keeps its own copy: nothing is shared
between processes, and a restart starts empty.
"""

import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

_lock = threading.Lock()  # gthread workers share a process's caches
_caches: list["Cache"] = []


class Cache:
    def __init__(self, size: int, ttl_seconds: float):
        self.size, self.ttl = size, ttl_seconds
        self._items: OrderedDict[Any, tuple[float, Any]] = OrderedDict()
        _caches.append(self)

    def get_or_make(self, key, make: Callable[[], Any]):
        now = time.monotonic()
        with _lock:
            found = self._items.get(key)
            if found is not None and found[0] > now:
                self._items.move_to_end(key)
                return found[1]
        value = make()  # outside the lock: two workers' threads may both render; both are right
        with _lock:
            self._items[key] = (now + self.ttl, value)
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return value

    def clear(self) -> None:
        with _lock:
            self._items.clear()


def clear_all() -> None:
    """Forget everything (tests empty the database between cases and reuse ids)."""
    for cache in _caches:
        cache.clear()
