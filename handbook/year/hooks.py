"""What the member's year offers other pages: a navigation entry (on phones too during the
review season), a card on the home page while the member's self-review is due, and a card on
the account page."""

from datetime import date

from handbook.signals import HomePanel, NavEntry, Panel, account_panels, home_panels, nav_entries
from handbook.year import papers, ratings, settings


def _reviewing(user) -> bool:
    """A member of a cell, while members write their year-end self-reviews."""
    return user.is_authenticated and user.cell_id is not None and settings.in_season()


@nav_entries.connect
def year_entry(app) -> NavEntry:
    return NavEntry(45, "year.index", "Năm của tôi", "check", shown=lambda user: not _reviewing(user),
                    wide_only=True)


@nav_entries.connect
def year_entry_in_season(app) -> NavEntry:
    """In the season, on the phone's bottom bar as well."""
    return NavEntry(45, "year.index", "Năm của tôi", "check", shown=_reviewing)


@home_panels.connect
def review_due(user) -> HomePanel | None:
    """The self-review of the year under review, until it is submitted (none for a member the
    cell does not rate)."""
    if not _reviewing(user):
        return None
    year = settings.year_under_review()
    if ratings.exemption_text(user, date(year, 12, 31)):
        return None
    status = papers.review_status(user, year)
    if status == "submitted":
        return None
    # `review`: whether a draft is saved, all the card says of it.
    return HomePanel("year", "year/_home_panel.html", {"year": year, "review": status is not None})


@account_panels.connect
def account(user) -> Panel | None:
    if user.cell_id is None and not user.roles:
        return None
    return Panel(25, "year/_account_panel.html", {"year": settings.year_under_review()})
