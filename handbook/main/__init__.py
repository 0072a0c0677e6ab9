"""The home page, health check and the pieces every page shares."""

from flask import Blueprint

bp = Blueprint("main", __name__)

# What other features may import (tests/test_layering.py holds everyone to it); the rest
# of the package is its own. It sends the home page's and the layout's signals (handbook/signals.py).
PUBLIC: tuple[str, ...] = ()

from handbook.main import hooks, nav, routes  # noqa: E402,F401
