"""What the library adds to the home page (study to do) and the account page (bookmarks)."""

from sqlalchemy import select

from handbook.extensions import db
from handbook.library.access import visible_documents_clause
from handbook.library.models import Bookmark, Document, Section
from handbook.library.study import pending_for
from handbook.main.home import account_panel, home_panel


@home_panel(20, "library/_home_panel.html")
def study_panel(user):
    pending = pending_for(user)
    return {"pending": pending} if pending else None


def bookmarks_of(user, limit: int = 50) -> list[Bookmark]:
    return list(db.session.scalars(
        select(Bookmark).join(Section).join(Document)
        .where(Bookmark.user_id == user.id, visible_documents_clause(user))
        .order_by(Bookmark.created_at.desc()).limit(limit)
    ))


@account_panel(20, "library/_account_panel.html")
def bookmarks_panel(user):
    return {"bookmarks": bookmarks_of(user)}
