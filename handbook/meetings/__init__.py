"""Cell meetings: schedule, agendas, RSVP, attendance, minutes, calendar."""

from flask import Blueprint

bp = Blueprint("meetings", __name__)

from handbook.meetings import hooks, routes, routes_calendar, routes_items, routes_members, routes_minutes  # noqa: E402,F401
