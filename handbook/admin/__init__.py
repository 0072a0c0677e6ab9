"""Committee administration: organisations, members, import, dashboard, audit log."""

from flask import Blueprint

bp = Blueprint("admin", __name__, url_prefix="/admin")

from handbook.admin import models, panels, routes, routes_dashboard, routes_import, routes_members, search  # noqa: E402,F401
