"""The personal notebook: private notes per meeting and per article."""

from flask import Blueprint

bp = Blueprint("notes", __name__)

# What other features may import (tests/test_layering.py holds everyone to it); the rest
# of the package is its own. It offers itself to other pages through hooks.py (handbook/signals.py).
PUBLIC = ("models",)  # notes are their owner's alone: only the tables, for foreign keys

from handbook.notes import hooks, routes, routes_notebook  # noqa: E402,F401
