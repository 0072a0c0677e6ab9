"""Cell meetings: schedule, agendas, RSVP, attendance, minutes, calendar."""

from flask import Blueprint

bp = Blueprint("meetings", __name__)

# What other features may import (tests/test_layering.py holds everyone to it); the rest
# of the package is its own. It offers itself to other pages through hooks.py (handbook/signals.py).
PUBLIC = ("models", "access", "status")  # meetings; who sees them; the status table

from handbook.meetings import (  # noqa: E402,F401
    hooks,
    routes,
    routes_calendar,
    routes_items,
    routes_members,
    routes_minutes,
    search,
)
