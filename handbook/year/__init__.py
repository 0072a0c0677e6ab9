"""The member's year: the commitment, the self-review, the cell's rating, the committee's figures."""

from flask import Blueprint

bp = Blueprint("year", __name__)

# What other features may import (tests/test_layering.py holds everyone to it): nothing yet.
# The year offers itself to other pages through hooks.py (handbook/signals.py).
PUBLIC: tuple[str, ...] = ()

from handbook.year import hooks, routes, routes_cell, routes_model, routes_stats, scoring, settings  # noqa: E402,F401

bp.record_once(lambda state: settings.check(state.app))
bp.add_app_template_filter(scoring.points_text, "year_points")
