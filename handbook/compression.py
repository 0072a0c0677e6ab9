"""Compressed responses for slow mobile networks: Flask-Compress does the work (brotli or
gzip, as the browser accepts), this module decides which responses it gets.

Pages are compressed per request. Static files are read into memory and compressed once per
file version (their URLs carry a content hash), kept in a small LRU. Partial (206) and
not-modified (304) answers, and streamed pages, go out as they are.
"""

from cachetools import LRUCache
from flask import Flask, current_app, request
from flask_compress import Compress

STATIC_CACHE_SIZE = 256  # compressed bytes per (encoding, file version); our static files are few

_pages = Compress()
_static = Compress()


class _StaticCache:
    """The get/set backend Flask-Compress asks for, over a bounded LRU."""

    def __init__(self, size: int):
        self._items = LRUCache(maxsize=size)

    def get(self, key: str) -> bytes | None:
        return self._items.get(key)

    def set(self, key: str, value: bytes) -> None:
        self._items[key] = value


def init_app(app: Flask) -> None:
    app.config.setdefault("COMPRESS_REGISTER", False)  # compress_response below decides
    app.config.setdefault("COMPRESS_STREAMS", False)
    # brotli first: a few % smaller than gzip for the same CPU; zstd was no smaller and every
    # browser that accepts it accepts brotli (benchmarks/README.md, Compression).
    app.config.setdefault("COMPRESS_ALGORITHM", ["br", "gzip"])
    # Below 1 KB a response and its headers fit one TCP segment either way: compressing it
    # (17-25 µs) saves no round trip (benchmarks/README.md, Fourth round).
    app.config.setdefault("COMPRESS_MIN_SIZE", 1024)
    app.extensions["compress_min_size"] = app.config["COMPRESS_MIN_SIZE"]
    _pages.init_app(app)
    _static.init_app(app)
    # Deployed static files change only with a deploy, which restarts the server; a
    # developer's change under their hands, so the debug server compresses them every time.
    _static.cache = None if app.debug else _StaticCache(STATIC_CACHE_SIZE)
    _static.cache_key = lambda req: req.full_path
    app.after_request(compress_response)


def compress_response(response):
    if response.status_code != 200:
        return response
    if request.endpoint == "static":
        if response.mimetype not in _static.compress_mimetypes_set:
            return response
        _read_file_into(response)
        return _static.after_request(response)
    length = response.content_length
    small = length is not None and length < current_app.extensions["compress_min_size"]
    if small and "Vary" not in response.headers:
        # Too small to gain from it, whatever the browser accepts (/healthz, a fragment): only
        # the Vary that Flask-Compress would have set, without its negotiation.
        response.headers.add("Vary", "Accept-Encoding")
        return response
    return _pages.after_request(response)


def _read_file_into(response) -> None:
    """The static file's bytes in the response and its file closed now: compressed whole
    and cached, and nothing left open should the response be dropped unsent."""
    file = response.response
    response.direct_passthrough = False
    response.set_data(b"".join(file))
    if hasattr(file, "close"):
        file.close()
