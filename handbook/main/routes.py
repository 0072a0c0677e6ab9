"""Home page and health check."""

from flask import render_template
from flask_login import current_user, login_required

from handbook.conditional import keep_offline
from handbook.extensions import db
from handbook.main import bp
from handbook.main.home_order import in_home_order
from handbook.orgs.queries import member_cell
from handbook.pipeline import light
from handbook.signals import answers, home_panels


@bp.get("/")
@login_required
@keep_offline
def home():
    """Next meeting, required reading and recent notes, from each feature's panel; the member's
    cell named under the greeting (asked once with the cards that read it)."""
    # The member itself, not the request's proxy: the cards read it some fifty times, and each
    # read through the proxy looks the request's user up again.
    member = current_user._get_current_object()
    panels = in_home_order(answers(home_panels, member))
    # `news`: whether a card shows something by itself (the install hint does not).
    return render_template("main/home.html", panels=panels, news=any(panel.content for panel in panels),
                           cell=member_cell(member))


@bp.get("/healthz")
@light
def healthz():
    """200 'ok' when the database answers; load balancers poll this.

    Asked on a pooled connection of the driver itself, not through the ORM's session: the same
    round trip for a tenth of the CPU (benchmarks/README.md, Fifth round)."""
    connection = None
    try:
        connection = db.engine.raw_connection()
        cursor = connection.cursor()
        cursor.execute("SELECT 1")
        cursor.fetchall()
        cursor.close()
        connection.close()
    except Exception:  # any database failure means "not healthy", never a 500 page
        if connection is not None:
            connection.invalidate()  # dropped, not given back to the pool for the next request
        return "database unavailable", 503, _PLAIN
    return "ok", 200, _PLAIN


_PLAIN = {"Content-Type": "text/plain; charset=utf-8"}
