"""Library pages."""

from flask import render_template
from flask_login import login_required

from handbook.library import bp


@bp.get("/library")
@login_required
def index():
    """The documents list."""
    return render_template("placeholder.html", title="Thư viện văn bản")
