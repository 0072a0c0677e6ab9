"""What the member's year offers other pages: a navigation entry on wide screens and a card on
the account page (on phones, the year is reached from there)."""

from handbook.signals import NavEntry, Panel, account_panels, nav_entries
from handbook.year.access import this_year


@nav_entries.connect
def year_entry(app) -> NavEntry:
    return NavEntry(45, "year.index", "Năm của tôi", "user", wide_only=True)


@account_panels.connect
def account(user) -> Panel | None:
    if user.cell_id is None and not user.roles:
        return None
    return Panel(25, "year/_account_panel.html", {"year": this_year()})
