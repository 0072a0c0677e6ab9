"""Good examples (gương người tốt, việc tốt): cells and committees register who did what and
when, with an optional photo; the committee approves them before the members of the subtree
see them; a member cites theirs in the year's papers; the committee lists and counts them."""

from flask import Blueprint

bp = Blueprint("examples", __name__)

# What other features may import (tests/test_layering.py holds everyone to it): nothing. Good
# examples offer themselves to other pages (and to the member's year) through hooks.py.
PUBLIC: tuple[str, ...] = ()

from handbook.examples import hooks, routes, routes_committee  # noqa: E402,F401
