"""Static URLs carry a hash of the file's content, so browsers may cache them for a year."""

import hashlib
from functools import cache
from pathlib import Path

from flask import current_app, url_for


@cache
def _digest(path: str, mtime: float) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()[:10]


def asset_url(filename: str) -> str:
    path = Path(current_app.static_folder) / filename
    version = _digest(str(path), path.stat().st_mtime)
    return url_for("static", filename=filename, v=version)
