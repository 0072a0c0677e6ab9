"""What the study programmes offer other pages: the member's open programmes on the home page, a
link on the account page, a navigation entry on wide screens, and the open programmes' documents
to the member's offline pack; its search source (programme titles: search.py)."""

from handbook.search.registry import search_source
from handbook.signals import (
    HomePanel,
    NavEntry,
    Panel,
    account_panels,
    home_panels,
    nav_entries,
    offline_documents,
)
from handbook.study import search
from handbook.study.access import can_set
from handbook.study.home import pending_programmes
from handbook.study.programmes import standings

search_source("study")(search.search_programmes)


@nav_entries.connect
def study_entry(app) -> NavEntry:
    return NavEntry(48, "study.index", "Học tập", "book", wide_only=True)


@home_panels.connect
def open_programmes(user) -> HomePanel | None:
    """Open programmes the member has not finished: what to read, and the thu hoạch to hand in."""
    pending = pending_programmes(user)
    return HomePanel("study", "study/_home_panel.html", {"pending": pending}) if pending else None


@account_panels.connect
def account(user) -> Panel | None:
    if user.cell_id is None and not can_set(user):
        return None
    return Panel(28, "study/_account_panel.html", {"staff": can_set(user)})


@offline_documents.connect
def documents_to_keep(user) -> list | None:
    """The documents of the member's open programmes, so they read them in a hall without signal."""
    found = {}
    for standing in standings(user, open_now=True):
        for item in standing.programme.items:
            found.setdefault(item.document_id, item.document)
    return list(found.values()) or None
