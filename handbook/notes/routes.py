"""Notebook pages."""

from flask import render_template
from flask_login import login_required

from handbook.notes import bp


@bp.get("/notes")
@login_required
def index():
    """The member's notebook."""
    return render_template("placeholder.html", title="Sổ tay ghi chép")
