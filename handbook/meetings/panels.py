"""Seams into other pages: home and account panels, the bell's unread count, search, Markdown."""

from datetime import timedelta

import nh3
from flask import url_for
from flask_login import current_user
from markdown_it import MarkdownIt
from markupsafe import Markup
from sqlalchemy import select

from handbook.extensions import db
from handbook.main.home import account_panel, home_panel
from handbook.main.nav import NAV_CONTEXT
from handbook.meetings import bp
from handbook.meetings.access import visible_meetings
from handbook.meetings.ical import token_for
from handbook.meetings.models import AgendaItem, Meeting, Minutes
from handbook.meetings.notify import unread_count
from handbook.models_base import utcnow
from handbook.search.registry import SearchHit, search_source
from handbook.vietnamese import fold, highlight

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


# The newest meetings a search looks through; older ones are in the meetings list.
SEARCHED_MEETINGS = 500


@search_source("meetings")
def search_meetings(user, terms: list[str], limit: int) -> list[SearchHit]:
    """Agendas and final minutes of the meetings the user may see (visible_meetings is the rule).

    Reads only the columns it matches, not ORM objects: loading meetings with their items
    would also load every item's links and sections, for hundreds of meetings a search.
    """
    meetings = db.session.execute(
        visible_meetings(user).with_only_columns(Meeting.id, Meeting.title, Meeting.starts_at)
        .order_by(Meeting.starts_at.desc(), Meeting.id.desc()).limit(SEARCHED_MEETINGS)
    ).all()
    if not meetings:
        return []
    ids = [m.id for m in meetings]
    items: dict[int, list[str]] = {}
    for meeting_id, title, description, presenter in db.session.execute(
        select(AgendaItem.meeting_id, AgendaItem.title, AgendaItem.description, AgendaItem.presenter)
        .where(AgendaItem.meeting_id.in_(ids)).order_by(AgendaItem.position, AgendaItem.id)
    ):
        items.setdefault(meeting_id, []).append(f"{title} {description} {presenter}")
    minutes = {row.meeting_id: " ".join([row.conclusions, row.resolution, row.item_notes])
               for row in db.session.execute(
                   select(Minutes.meeting_id, Minutes.conclusions, Minutes.resolution, Minutes.item_notes)
                   .where(Minutes.status == "final", Minutes.meeting_id.in_(ids)))}

    def matches(text: str) -> bool:
        folded = fold(text)
        return all(term in folded for term in terms)

    found = []  # (kind, meeting, text): highlighted only once the cut is made
    for meeting in meetings:
        agenda = " ".join([meeting.title] + items.get(meeting.id, []))
        if matches(agenda):
            found.append(("agenda", meeting, agenda))
        body = minutes.get(meeting.id)
        if body is not None and matches(body):
            found.append(("minutes", meeting, body))
        if len(found) >= limit:
            break
    hits = []
    for kind, meeting, text in found[:limit]:
        url = url_for("meetings.show", meeting_id=meeting.id)
        if kind == "agenda":
            hits.append(SearchHit("Chương trình họp", meeting.title, url, highlight(text, terms),
                                  rank=1.0, when=meeting.starts_at))
        else:
            hits.append(SearchHit("Biên bản họp", f"Biên bản: {meeting.title}", url + "#bien-ban",
                                  highlight(text, terms), rank=0.8, when=meeting.starts_at))
    return hits
