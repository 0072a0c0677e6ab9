"""Meeting pages."""

from flask import render_template
from flask_login import login_required

from handbook.meetings import bp


@bp.get("/meetings")
@login_required
def index():
    """The member's cell: upcoming and past meetings."""
    return render_template("placeholder.html", title="Lịch sinh hoạt")
