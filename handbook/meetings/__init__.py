"""Cell meetings. The meeting itself is here: its tables (models.py), its status table
(status.py), who sees which (access.py), which one is next (schedule.py), what members are told
(notify.py, messages.py) and its pages (routes.py, parts.py, search.py, hooks.py). Its parts are
subpackages, each with its routes, services and forms: agenda/, attendance/, votes/, minutes/,
tasks/, quality/, calendar/. They all register their pages on the one blueprint, `meetings`."""

from flask import Blueprint

bp = Blueprint("meetings", __name__)

# What other features may import (tests/test_layering.py holds everyone to it); the rest
# of the package is its own. It offers itself to other pages through hooks.py (handbook/signals.py).
# models: every table of meetings, the parts' too; schedule: which meeting is next; votes: open
# a vote (a member's rating) and read its result; tasks: the resolution's tasks done on time per
# member and year; quality: a meeting's and a month's quality checks (the three subpackages show
# only the names their __init__ holds: their own PUBLIC is empty); agenda: plan a meeting (only
# `plan_meeting`, as votes shows its names); notify: telling members something in the app
# (notify_people, for what belongs to no meeting); validators: what a meeting's pages are made
# of (the notes' page sits beside the meeting).
PUBLIC = ("models", "access", "status", "schedule", "validators", "agenda", "votes", "tasks", "quality", "notify")

# Every page of the feature, the parts' included, on the one blueprint.
from handbook.meetings import hooks, routes  # noqa: E402,F401
from handbook.meetings.agenda import routes as agenda_routes  # noqa: E402,F401
from handbook.meetings.agenda import routes_items as agenda_items  # noqa: E402,F401
from handbook.meetings.attendance import routes as attendance_routes  # noqa: E402,F401
from handbook.meetings.calendar import routes as calendar_routes  # noqa: E402,F401
from handbook.meetings.minutes import routes as minutes_routes  # noqa: E402,F401
from handbook.meetings.minutes import routes_opinions  # noqa: E402,F401
from handbook.meetings.quality import routes as quality_routes  # noqa: E402,F401
from handbook.meetings.tasks import routes as tasks_routes  # noqa: E402,F401
from handbook.meetings.votes import routes as votes_routes  # noqa: E402,F401
from handbook.meetings.votes import routes_live as votes_live  # noqa: E402,F401
