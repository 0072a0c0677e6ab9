"""Cell meetings: schedule, agendas, RSVP, attendance, minutes, calendar."""

from flask import Blueprint

bp = Blueprint("meetings", __name__)

from handbook.meetings import routes  # noqa: E402,F401
