"""Committee administration: organisations, members, import, dashboard, audit log."""

from flask import Blueprint

bp = Blueprint("admin", __name__, url_prefix="/admin")

from handbook.admin import hooks, models, routes, routes_dashboard, routes_import, routes_members  # noqa: E402,F401
