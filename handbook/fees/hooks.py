"""What party fees offer other pages: a navigation entry on wide screens; on the home page, the
member's reminder for this month and, for those who record the cell's fees, the month's progress
(and for the secretary the members with three unpaid months); links on the account page."""


from handbook.auth.permissions import fee_cells, is_admin, manages_cell_id
from handbook.fees import reports
from handbook.fees.access import this_month
from handbook.fees.rates import FIRST_MONTH, money, month_index
from handbook.signals import HomePanel, NavEntry, Panel, account_panels, home_panels, nav_entries


def _in_force(year: int, month: int) -> bool:
    return month_index(year, month) >= month_index(*FIRST_MONTH)


@nav_entries.connect
def fees_entry(app) -> NavEntry:
    return NavEntry(50, "fees.own", "Đảng phí", "coin", shown=lambda user: user.cell_id is not None,
                    wide_only=True)


@home_panels.connect
def reminder(user) -> HomePanel | None:
    """This month not yet recorded, or recorded short. A reminder only: the handbook takes no
    payment, so it offers no link to pay."""
    year, month = this_month()
    if user.cell_id is None or not _in_force(year, month):
        return None
    found, last_due = reports.reminder_state(user, year, month)
    if found is not None and found.paid >= found.due:
        return None
    context = {"year": year, "month": month, "record": found, "money": money, "last_due": last_due}
    return HomePanel("fee_reminder", "fees/_home_reminder.html", context)


@home_panels.connect
def cell_progress(user) -> HomePanel | None:
    """For the treasurer, secretary and deputy: how many members this month has, and who is
    flagged this year (to the secretary and deputy only)."""
    cells = fee_cells(user)
    year, month = this_month()
    if not cells or not _in_force(year, month):
        return None
    counts = reports.cell_counts(cells, year, month)
    rows = [{"cell": cell, "recorded": counts[cell.id][0], "members": counts[cell.id][1],
             "flagged": reports.flagged(cell, year) if manages_cell_id(user, cell.id) else []}
            for cell in cells]
    return HomePanel("fee_cells", "fees/_home_cells.html", {"rows": rows, "year": year, "month": month})


@account_panels.connect
def account(user) -> Panel | None:
    cells, admin = fee_cells(user), is_admin(user)
    if user.cell_id is None and not cells and not admin:
        return None
    return Panel(27, "fees/_account_panel.html", {"cells": cells, "admin": admin, "now": this_month()})
