"""What good examples offer other pages: a navigation entry on wide screens, the examples waiting
for a committee's approval on its admins' home page, links on the account page, and to the
member's year the approved examples they may cite as its evidence; its search source (search.py)."""

from sqlalchemy import func, or_, select

from handbook.auth.permissions import admin_roots, managed_cells
from handbook.examples import lists, search
from handbook.examples.models import GoodExample
from handbook.extensions import db
from handbook.orgs.models import Organization
from handbook.search.registry import search_source
from handbook.signals import HomePanel, NavEntry, Panel, account_panels, home_panels, nav_entries, year_evidence

search_source("examples")(search.search_examples)


@nav_entries.connect
def examples_entry(app) -> NavEntry:
    return NavEntry(54, "examples.index", "Gương tốt", "star", wide_only=True)


@home_panels.connect
def to_approve(user) -> HomePanel | None:
    """For a committee's admins: how many examples of their subtree wait for their approval."""
    roots = admin_roots(user)
    if not roots:
        return None
    count = db.session.scalar(select(func.count(GoodExample.id))
                              .join(Organization, Organization.id == GoodExample.org_id)
                              .where(GoodExample.status == "pending",
                                     or_(*[Organization.path.startswith(root.path) for root in roots])))
    return HomePanel("examples", "examples/_home_panel.html", {"count": count}) if count else None


@account_panels.connect
def account(user) -> Panel:
    return Panel(29, "examples/_account_panel.html",
                 {"registers": bool(managed_cells(user) or admin_roots(user)), "admin": bool(admin_roots(user))})


@year_evidence.connect
def citable(user, year):
    return lists.citable(user, year) or None
