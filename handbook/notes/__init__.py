"""The personal notebook: private notes per meeting and per article."""

from flask import Blueprint

bp = Blueprint("notes", __name__)

from handbook.notes import hooks, routes, routes_notebook, search  # noqa: E402,F401
