"""Offline-first: the web app manifest, our service worker, the member's meeting pack and
cheap revalidation (ETag / 304) of what the pack holds."""

from flask import Blueprint

bp = Blueprint("offline", __name__)

from handbook.offline import conditional, hooks, routes  # noqa: E402,F401
