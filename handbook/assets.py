"""Static URLs carry a hash of the file's content, so browsers may cache them for a year."""

import hashlib
from functools import cache
from pathlib import Path

from flask import current_app, url_for

# filename -> content hash, for a server that is not reloading: its files change only with a
# deploy, which restarts it. Every page asks for five of these, a stat and a hash lookup each.
_versions: dict[str, str] = {}


@cache
def _digest(path: str, mtime: float) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()[:10]


def _version(filename: str) -> str:
    path = Path(current_app.static_folder) / filename
    return _digest(str(path), path.stat().st_mtime)


def asset_url(filename: str) -> str:
    if current_app.debug:  # the developer edits files: look at them every time
        version = _version(filename)
    else:
        version = _versions.get(filename) or _versions.setdefault(filename, _version(filename))
    return url_for("static", filename=filename, v=version)
