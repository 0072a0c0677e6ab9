"""Seams into other pages: home and account panels, the bell's unread count, Markdown."""

from datetime import timedelta

import nh3
from flask import url_for
from flask_login import current_user
from markdown_it import MarkdownIt
from markupsafe import Markup

from handbook.extensions import db
from handbook.main.home import account_panel, home_panel
from handbook.main.nav import NAV_CONTEXT
from handbook.meetings import bp
from handbook.meetings.access import visible_meetings
from handbook.meetings.ical import token_for
from handbook.meetings.models import Meeting
from handbook.meetings.notify import unread_count
from handbook.models_base import utcnow

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
