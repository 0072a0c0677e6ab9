"""Committee administration: organisations, members, import, dashboard, audit log."""

from flask import Blueprint

bp = Blueprint("admin", __name__, url_prefix="/admin")

from handbook.admin import routes  # noqa: E402,F401
