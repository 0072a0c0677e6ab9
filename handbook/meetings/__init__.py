"""Cell meetings: schedule, agendas, RSVP, attendance, minutes, calendar."""

from flask import Blueprint

bp = Blueprint("meetings", __name__)

# What other features may import (tests/test_layering.py holds everyone to it); the rest
# of the package is its own. It offers itself to other pages through hooks.py (handbook/signals.py).
# schedule: which meeting is next; votes: open a vote (a member's rating) and read its result;
# tasks: the resolution's tasks done on time per member and year; quality: a meeting's and a
# month's quality checks.
PUBLIC = ("models", "access", "status", "schedule", "votes", "tasks", "quality")

from handbook.meetings import hooks, routes, search  # noqa: E402,F401
from handbook.meetings.agenda import routes as agenda_routes  # noqa: E402,F401
from handbook.meetings.agenda import routes_items as agenda_items  # noqa: E402,F401
from handbook.meetings.attendance import routes as attendance_routes  # noqa: E402,F401
from handbook.meetings.calendar import routes as calendar_routes  # noqa: E402,F401
from handbook.meetings.minutes import routes as minutes_routes  # noqa: E402,F401
from handbook.meetings.minutes import routes_opinions  # noqa: E402,F401
from handbook.meetings.quality import routes as quality_routes  # noqa: E402,F401
from handbook.meetings.tasks import routes as tasks_routes  # noqa: E402,F401
from handbook.meetings.votes import routes as votes_routes  # noqa: E402,F401
