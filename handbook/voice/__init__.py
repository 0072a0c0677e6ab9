"""Questions and opinions to the committee (hỏi đáp, góp ý): a member writes to their cell's
secretary or to a committee above; the receiver answers, forwards it up, or publishes it with
its answer to a FAQ the members of its subtree read and search."""

from flask import Blueprint

bp = Blueprint("voice", __name__)

# What other features may import (tests/test_layering.py holds everyone to it): nothing. The
# members' voice offers itself to other pages through hooks.py (handbook/signals.py).
PUBLIC: tuple[str, ...] = ()

from handbook.voice import hooks, routes, routes_faq  # noqa: E402,F401
