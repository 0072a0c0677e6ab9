"""Whole pages kept per login and version, in each worker.

A page whose validator (handbook/conditional.py) still gives the tag it was drawn under is the
same page: that is what lets a revisit be answered 304 from the browser's copy. A visit without
that copy (a link followed, another tab, the phone's worker filling its pack) is the same page
too, so it is answered with the page as last drawn under this tag, already compressed, instead
of reading and drawing it again (benchmarks/README.md, A seventh pass).

Kept, as the browser may keep it (`private, no-cache`): a page answered 200 whose drawing wrote
nothing and left the session as it was (a first CSRF token is a change). Never kept: personal
pages (`no-store`: a note, absence reasons, attendance), pages drawn while a message waits (they
have no tag), anything carrying a header not listed in KEPT_HEADERS. The key is the tag (the
login, the member, the versions, roles, reading size, build, fragment or page), the address with
its query (a document's page) and what the browser accepts (the body is kept compressed as it
was sent). Entries are per worker and bounded by their bytes, least recently used first; a
restart starts empty, and since keys come from the database's versions, a change made through
another worker or node is a new key everywhere.
"""

from flask import Response, g, request, session
from werkzeug.http import http_date

from handbook.cache import Cache
from handbook.security import is_personal

KEPT_BYTES = 4_000_000  # per worker: some 800 compressed pages of 5 KB
LARGEST = 256_000  # a page larger than this is drawn each time (the reader's longest pages are ~40 KB)
# What a kept page's response may carry when it is kept (after compression, before the headers
# every page gets): anything else was set for that one request and is not repeated.
KEPT_HEADERS = frozenset({"content-type", "content-encoding", "vary", "etag", "cache-control"})
_PER_ANSWER = frozenset({"content-length", "date"})  # worked out again for each answer
_OFFERED = "page_store_key"

_pages = Cache(size=KEPT_BYTES, ttl_seconds=None, sizeof=lambda kept: len(kept[0]))


def _key(tag: str) -> tuple:
    headers = request.headers
    return (tag, request.host, request.full_path, headers.get("Accept-Encoding", ""),
            headers.get("HX-History-Restore-Request", ""))


def kept(tag: str) -> Response | None:
    """The page kept under this tag for this request, ready to send, or None."""
    found = _pages.get(_key(tag))
    if found is None:
        return None
    body, headers, dated = found
    response = Response(body, 200, headers=headers)
    if dated:  # the answer's own time, not the kept one's (compression's conditional step sets it)
        response.headers["Date"] = http_date()
    return response


def offer(tag: str) -> None:
    """The page being answered was drawn under `tag` and changed nothing: keep it once sent."""
    setattr(g, _OFFERED, _key(tag))


def keep(response: Response) -> Response:
    """After compression (it runs before this hook), before the headers every page gets."""
    key = g.pop(_OFFERED, None)
    if key is None or response.status_code != 200 or response.is_streamed or session.modified or is_personal():
        return response
    headers = [(name, value) for name, value in response.headers.items() if name.lower() not in _PER_ANSWER]
    if any(name.lower() not in KEPT_HEADERS for name, _ in headers) or "no-store" in response.headers.get(
            "Cache-Control", ""):
        return response
    body = response.get_data()
    if len(body) <= LARGEST:
        _pages.put(key, (body, headers, "Date" in response.headers))
    return response


def init_app(app) -> None:
    """Registered after the security headers' hook and before compression's: hooks run last
    registered first, so this one sees the compressed body and none of the fixed headers."""
    app.after_request(keep)
