"""One search box over everything the member may see."""

from flask import Blueprint

bp = Blueprint("search", __name__)

# What other features may import (tests/test_layering.py holds everyone to it); the rest
# of the package is its own. Features give it sources through the search_sources signal.
# The registry (SearchHit, search_source: what a hooks.py connects), and the one index: how a feature
# declares its rows' entries (index), reads a query (query) and asks for ranked matches (ranking).
PUBLIC = ("registry", "index", "query", "ranking")

from handbook.search import routes  # noqa: E402,F401
