"""The purge of CSV import previews never confirmed, as they are kept today: a file per preview
in the instance folder's admin-imports/ (routes_import.py writes them). Run by the scheduler,
so a node that never sees another import still forgets them."""

import os
from datetime import datetime, timedelta

from flask import current_app

PREVIEW_KEPT = timedelta(hours=1)  # as long as routes_import gives an admin to decide


def purge_stale_preview_files(now: datetime) -> int:
    folder = os.path.join(current_app.config.get("UPLOAD_FOLDER") or current_app.instance_path, "admin-imports")
    if not os.path.isdir(folder):
        return 0
    cutoff = (now - PREVIEW_KEPT).timestamp()
    removed = 0
    for entry in os.scandir(folder):
        if entry.name.endswith(".csv") and entry.stat().st_mtime < cutoff:
            try:
                os.remove(entry.path)
                removed += 1
            except FileNotFoundError:  # confirmed or purged by another process meanwhile
                pass
    return removed
