"""What administration offers other pages: its navigation entry (for admins, on wide screens) and
the committee admin's home panel (how many cells missed last month's regular meeting); and the
scheduler's purge of stale import previews."""

from datetime import datetime, timedelta

from sqlalchemy import func, select

from handbook.admin.dashboard import cells_query
from handbook.admin.previews import purge_job
from handbook.auth.permissions import admin_roots, is_admin
from handbook.extensions import db
from handbook.jobs import enqueue
from handbook.signals import HomePanel, NavEntry, Panel, account_panels, home_panels, nav_entries, periodic_work
from handbook.timefmt import VN


@nav_entries.connect
def admin_entry(app) -> NavEntry:
    return NavEntry(60, "admin.index", "Quản trị", "admin", shown=is_admin, wide_only=True)


@account_panels.connect
def admin_link(user) -> Panel | None:
    """On a phone the bottom bar keeps to what every member uses: "Quản trị" is one tap from
    the account page instead."""
    return Panel(5, "admin/_account_panel.html", {}) if is_admin(user) else None


@home_panels.connect
def committee_panel(user) -> HomePanel | None:
    roots = admin_roots(user)
    if not roots:
        return None
    last = datetime.now(VN).replace(day=1) - timedelta(days=1)
    rows = []
    for root in roots:
        missed = db.session.scalar(select(func.count()).select_from(
            cells_query(root, last.year, last.month, only_missed=True).subquery()))
        rows.append({"root": root, "missed": missed})
    return HomePanel("committee", "admin/_home_panel.html", {"rows": rows, "year": last.year, "month": last.month})


@periodic_work.connect
def _due_work(sender, now) -> None:
    # Previews live in shared storage, so one scheduler for the whole deployment purges them all.
    enqueue(purge_job, now)
