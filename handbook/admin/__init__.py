"""Committee administration: organisations, members, import, dashboard, audit log."""

from flask import Blueprint

bp = Blueprint("admin", __name__, url_prefix="/admin")

# What other features may import (tests/test_layering.py holds everyone to it); the rest
# of the package is its own. It offers itself to other pages through hooks.py (handbook/signals.py).
# the purge of CSV previews nobody confirmed, for a periodic job
PUBLIC = ("previews",)

from handbook.admin import (  # noqa: E402,F401
    hooks,
    models,
    routes,
    routes_dashboard,
    routes_import,
    routes_members,
    search,
)
