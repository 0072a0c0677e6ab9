"""Timed quizzes: question banks linked to the library's articles, quizzes set by a committee or a
cell, members' attempts against the server's clock, results and the committee's figures."""

from flask import Blueprint

bp = Blueprint("quiz", __name__)

# What other features may import (tests/test_layering.py holds everyone to it): nothing. The
# quizzes offer themselves to other pages through hooks.py (handbook/signals.py).
PUBLIC: tuple[str, ...] = ()

from handbook.quiz import hooks, routes, routes_manage, routes_stats  # noqa: E402,F401
