"""Logging in, the account page, and the rules of who may do what."""

from flask import Blueprint

bp = Blueprint("auth", __name__)

# What other features may import (tests/test_layering.py holds everyone to it); the rest
# of the package is its own. It offers itself to other pages through hooks.py (handbook/signals.py).
# accounts, who may do what, sessions, login names (card numbers and phones are login names too),
# the device's reading size
PUBLIC = ("models", "queries", "permissions", "passwords", "service", "identifiers", "textsize")

from handbook.auth import hooks, routes  # noqa: E402,F401
