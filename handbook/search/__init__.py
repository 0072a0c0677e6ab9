"""One search box over everything the member may see."""

from flask import Blueprint

bp = Blueprint("search", __name__)

# What other features may import (tests/test_layering.py holds everyone to it); the rest
# of the package is its own. Features give it sources through the search_sources signal.
# "text" (Vietnamese folding and highlighting) is on its way to a core module; drop it from here then.
PUBLIC = ("registry", "text")  # SearchHit and the search_source decorator

from handbook.search import routes  # noqa: E402,F401
