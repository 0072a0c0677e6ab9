"""Study programmes: a committee or a cell sets the documents and articles its members study in a
period, plans study sessions (meetings of kind "học tập nghị quyết"), and sees who has read
everything and handed in their thu hoạch; members read and write theirs from the home page."""

from flask import Blueprint

bp = Blueprint("study", __name__, url_prefix="/study")

# What other features may import (tests/test_layering.py holds everyone to it): nothing. The
# programmes offer themselves to other pages (home, search, the offline pack) through hooks.py.
PUBLIC: tuple[str, ...] = ()

from handbook.study import hooks, routes, routes_manage, search  # noqa: E402,F401
