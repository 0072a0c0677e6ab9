"""Seams into other pages: home and account panels, the bell's unread count, search, Markdown."""

from datetime import timedelta

import nh3
from flask import url_for
from flask_login import current_user
from markdown_it import MarkdownIt
from markupsafe import Markup
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from handbook.extensions import db
from handbook.main.home import account_panel, home_panel
from handbook.main.nav import NAV_CONTEXT
from handbook.meetings import bp
from handbook.meetings.access import visible_meetings
from handbook.meetings.ical import token_for
from handbook.meetings.models import Meeting, Minutes
from handbook.meetings.notify import unread_count
from handbook.models_base import utcnow
from handbook.search.registry import SearchHit, search_source
from handbook.search.text import fold, highlight

_md = MarkdownIt("zero").enable(["emphasis", "list", "link", "newline"])
ALLOWED_TAGS = {"p", "em", "strong", "ul", "ol", "li", "a", "br"}


@bp.app_template_filter("limited_markdown")
def limited_markdown(text: str) -> Markup:
    """Bold, italics, lists and links only; nh3 strips anything else (no raw HTML gets through)."""
    html = _md.render(text or "")
    clean = nh3.clean(html, tags=ALLOWED_TAGS, attributes={"a": {"href"}}, link_rel="noopener noreferrer")
    return Markup(clean)  # noqa: S704 - nh3 has sanitised it


def next_meeting(user) -> Meeting | None:
    return db.session.scalar(
        visible_meetings(user).where(Meeting.status.in_(("published", "held")), Meeting.starts_at >= utcnow()
                                     - timedelta(hours=3))
        .order_by(Meeting.starts_at).limit(1)
    )


@home_panel(10, "meetings/_home_panel.html")
def home(user):
    meeting = next_meeting(user)
    return {"meeting": meeting}


@account_panel(20, "meetings/_account_panel.html")
def account(user):
    # Reading the account page never writes: the feed address is made on request (POST).
    token = token_for(user, create=False)
    return {"feed_url": url_for("meetings.feed", token=token.token, _external=True) if token else None}


def _bell() -> dict:
    # A callable, counted only when the layout's top bar is drawn: htmx fragments (a note's
    # autosave answer, most of an evening's requests) never show the bell, so never count,
    # nor even reload the member that the autosave's commit expired.
    return {"unread_notifications": lambda: unread_count(current_user) if current_user.is_authenticated else 0}


NAV_CONTEXT.append(_bell)


@search_source("meetings")
def search_meetings(user, terms: list[str], limit: int) -> list[SearchHit]:
    """Agendas and final minutes of the meetings the user may see (visible_meetings is the rule)."""
    hits = []
    meetings = db.session.scalars(visible_meetings(user).options(selectinload(Meeting.items))
                                  .order_by(Meeting.starts_at.desc()).limit(500)).all()
    ids = [meeting.id for meeting in meetings]
    minutes = {m.meeting_id: m for m in db.session.scalars(
        select(Minutes).where(Minutes.status == "final", Minutes.meeting_id.in_(ids)))}
    for meeting in meetings:
        agenda = " ".join([meeting.title] + [f"{i.title} {i.description} {i.presenter}" for i in meeting.items])
        url = url_for("meetings.show", meeting_id=meeting.id)
        if all(term in fold(agenda) for term in terms):
            hits.append(SearchHit("Chương trình họp", meeting.title, url, highlight(agenda, terms),
                                  rank=1.0, when=meeting.starts_at))
        final = minutes.get(meeting.id)
        if final is not None:
            body = " ".join([final.conclusions, final.resolution, final.item_notes])
            if all(term in fold(body) for term in terms):
                hits.append(SearchHit("Biên bản họp", f"Biên bản: {meeting.title}", url + "#bien-ban",
                                      highlight(body, terms), rank=0.8, when=meeting.starts_at))
        if len(hits) >= limit:
            break
    return hits[:limit]
