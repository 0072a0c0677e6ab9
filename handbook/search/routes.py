"""Search page."""

from flask import render_template
from flask_login import login_required

from handbook.search import bp


@bp.get("/search")
@login_required
def index():
    """Search page; a fragment for htmx."""
    return render_template("placeholder.html", title="Tìm kiếm")
