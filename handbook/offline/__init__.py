"""Offline-first: the web app manifest, our service worker, the member's meeting pack (asked of
each feature through `offline_pages`) and the mark on the responses the worker may keep."""

from flask import Blueprint

bp = Blueprint("offline", __name__)

# What other features may import: marks, the documents a member marked for their phone.
PUBLIC = ("marks",)

from handbook.offline import hooks, keeping, routes  # noqa: E402,F401
