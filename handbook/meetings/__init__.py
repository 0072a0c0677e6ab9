"""Cell meetings: schedule, agendas, RSVP, attendance, minutes, calendar."""

from flask import Blueprint

bp = Blueprint("meetings", __name__)

from handbook.meetings import panels, routes, routes_calendar, routes_items, routes_members, routes_minutes, search  # noqa: E402,F401
