"""What the library offers other pages: its navigation entry, study to do on the home page,
bookmarks on the account page, its search source (search.py), and the documents the phone keeps (the pack)."""

from sqlalchemy import select

from handbook.extensions import db
from handbook.library import search
from handbook.library.access import member_documents_clause
from handbook.library.models import Bookmark, Document, Section
from handbook.library.study import pending_for
from handbook.search.registry import search_source
from handbook.signals import (
    HomePanel,
    NavEntry,
    OfflinePages,
    Panel,
    account_panels,
    home_panels,
    nav_entries,
    offline_pages,
)

search_source("library")(search.library_source)


@nav_entries.connect
def library_entry(app) -> NavEntry:
    return NavEntry(20, "library.index", "Thư viện", "book")


@home_panels.connect
def study_panel(user) -> HomePanel | None:
    pending = pending_for(user)
    return HomePanel("reading", "library/_home_panel.html", {"pending": pending}) if pending else None


def bookmarks_of(user, limit: int = 50) -> list[Bookmark]:
    return list(db.session.scalars(
        select(Bookmark).join(Section).join(Document)
        .where(Bookmark.user_id == user.id, member_documents_clause(user))
        .order_by(Bookmark.created_at.desc()).limit(limit)
    ))


@account_panels.connect
def bookmarks_panel(user) -> Panel:
    return Panel(20, "library/_account_panel.html", {"bookmarks": bookmarks_of(user)})


@offline_pages.connect
def pack_pages(user) -> OfflinePages:
    """The documents the phone keeps: linked from the pack's agendas, marked, or to study."""
    # Here, not at the top: the pack reads the meetings' agendas, and the meetings' tables name
    # the library's sections, so the two packages would import each other half-built.
    from handbook.library.pack import pack_documents

    return OfflinePages(30, pack_documents(user))
