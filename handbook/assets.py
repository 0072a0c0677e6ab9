"""Static URLs carry a hash of the file's content, so browsers may cache them for a year."""

import hashlib
from functools import cache
from pathlib import Path

from flask import current_app, url_for


@cache
def _digest(path: str, mtime: float) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()[:10]


def asset_url(filename: str) -> str:
    app = current_app
    if app.debug:  # files change under a developer's hands: look each time
        path = Path(app.static_folder) / filename
        return url_for("static", filename=filename, v=_digest(str(path), path.stat().st_mtime))
    # Deployed files change only with a deploy, which restarts the server: every page names
    # the same five, so each URL is worked out once (no stat, no url_for) per app.
    urls = app.extensions.setdefault("asset_urls", {})
    if filename not in urls:
        path = Path(app.static_folder) / filename
        urls[filename] = url_for("static", filename=filename, v=_digest(str(path), path.stat().st_mtime))
    return urls[filename]
