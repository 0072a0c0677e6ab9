"""One search box over everything the member may see."""

from flask import Blueprint

bp = Blueprint("search", __name__)

from handbook.search import routes  # noqa: E402,F401
