"""Gzip for text responses, so pages reach slow mobile networks in fewer round trips.

Pages are compressed on the way out; static files (whose URLs carry a content hash)
are compressed once and kept in memory, keyed by their ETag.
"""

import gzip

from flask import Flask, request

from handbook.cache import Cache

MIN_SIZE = 500  # below this gzip's header costs more than it saves
LEVEL = 6
COMPRESSIBLE = {
    "application/javascript",
    "application/json",
    "application/manifest+json",
    "application/xml",
    "image/svg+xml",
    "text/calendar",
    "text/css",
    "text/html",
    "text/javascript",
    "text/plain",
    "text/xml",
}
STATIC_CACHE_SIZE = 256
# Keyed by path and ETag (a new file version is a new key), so nothing needs to expire.
_static_cache = Cache(size=STATIC_CACHE_SIZE, ttl_seconds=365 * 24 * 3600)


def init_app(app: Flask) -> None:
    app.after_request(compress_response)


def _compressible(response) -> bool:
    return (
        response.mimetype in COMPRESSIBLE
        and response.status_code == 200
        and "Content-Encoding" not in response.headers
    )


def _gzip(data: bytes) -> bytes:
    # mtime=0: the same input gives the same bytes, so ETags and caches stay stable.
    return gzip.compress(data, compresslevel=LEVEL, mtime=0)


def _static_gzip(response) -> bytes | None:
    """The compressed bytes of a static file, computed once per version of the file."""
    etag, _ = response.get_etag()
    close = getattr(response.response, "close", None)

    def make() -> bytes | None:
        response.direct_passthrough = False  # let us read the file wrapper into bytes
        data = response.get_data()
        return _gzip(data) if len(data) >= MIN_SIZE else None

    try:
        body = _static_cache.get_or_make((request.path, etag), make) if etag else make()
        if body is None:  # too small to gain: it goes out as it is, so read it before its file closes
            response.direct_passthrough = False
            response.get_data()
        return body
    finally:
        if close is not None:  # the open file is done with either way
            close()


def compress_response(response):
    if not _compressible(response):
        return response
    is_static = request.endpoint == "static"
    # Generators (streamed pages) and passed-through bodies other than static files stay as they are.
    if not is_static and (response.direct_passthrough or response.is_streamed):
        return response
    if not is_static and (response.content_length or 0) < MIN_SIZE:
        return response
    response.vary.add("Accept-Encoding")
    if request.accept_encodings["gzip"] <= 0:
        return response
    body = _static_gzip(response) if is_static else _gzip(response.get_data())
    if body is None:
        return response
    response.direct_passthrough = False
    response.set_data(body)
    response.headers["Content-Encoding"] = "gzip"
    etag, weak = response.get_etag()
    if etag and not weak:
        # Same meaning, different bytes: a weak ETag still lets browsers revalidate.
        response.set_etag(etag, weak=True)
    return response
