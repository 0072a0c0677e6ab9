"""What administration offers other pages: the committee admin's home panel (how many cells
missed last month's regular meeting)."""

from datetime import datetime, timedelta

from sqlalchemy import func, select

from handbook.admin.dashboard import cells_query
from handbook.auth.permissions import admin_roots
from handbook.extensions import db
from handbook.signals import Panel, home_panels
from handbook.timefmt import VN


@home_panels.connect
def committee_panel(user) -> Panel | None:
    roots = admin_roots(user)
    if not roots:
        return None
    last = datetime.now(VN).replace(day=1) - timedelta(days=1)
    rows = []
    for root in roots:
        missed = db.session.scalar(select(func.count()).select_from(
            cells_query(root, last.year, last.month, only_missed=True).subquery()))
        rows.append({"root": root, "missed": missed})
    return Panel(5, "admin/_home_panel.html", {"rows": rows, "year": last.year, "month": last.month})
