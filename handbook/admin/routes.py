"""Administration pages."""

from flask import render_template
from flask_login import login_required

from handbook.admin import bp
from handbook.auth.permissions import require_admin


@bp.get("/")
@login_required
def index():
    """Administration home for committee admins."""
    require_admin()
    return render_template("placeholder.html", title="Quản trị")
