"""Web Push: a member's devices subscribe from the account page; the published agenda, a
changed time and the reminders reach the phone through our service worker."""

from flask import Blueprint

bp = Blueprint("push", __name__)

# Nothing of push is imported by other features: it follows notifications through the
# `members_notified` signal (hooks.py).
PUBLIC = ()

from handbook.push import cli, hooks, routes  # noqa: E402,F401
