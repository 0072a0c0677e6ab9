"""The home page, health check and the pieces every page shares."""

from flask import Blueprint

bp = Blueprint("main", __name__)

from handbook.main import nav, routes  # noqa: E402,F401
