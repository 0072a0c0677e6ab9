"""What meetings offer other pages: the navigation entry, home and account panels, the bell's
unread count, and the search source over agendas and final minutes."""

from datetime import timedelta

from flask import url_for
from flask_login import current_user
from sqlalchemy import select

from handbook.extensions import db
from handbook.meetings.access import visible_meetings
from handbook.meetings.ical import token_for
from handbook.meetings.models import AgendaItem, Meeting, Minutes
from handbook.meetings.notify import unread_count
from handbook.meetings.status import Status
from handbook.models_base import utcnow
from handbook.search.registry import SearchHit, search_source
from handbook.search.text import fold, highlight
from handbook.signals import NavEntry, Panel, account_panels, home_panels, nav_context, nav_entries


def next_meeting(user) -> Meeting | None:
    return db.session.scalar(
        visible_meetings(user).where(Meeting.status.in_((Status.PUBLISHED, Status.HELD)), Meeting.starts_at >= utcnow()
                                     - timedelta(hours=3))
        .order_by(Meeting.starts_at).limit(1)
    )


@nav_entries.connect
def meetings_entry(app) -> NavEntry:
    return NavEntry(30, "meetings.index", "Lịch họp", "calendar")


@home_panels.connect
def home(user) -> Panel:
    return Panel(10, "meetings/_home_panel.html", {"meeting": next_meeting(user)})


@account_panels.connect
def account(user) -> Panel:
    # Reading the account page never writes: the feed address is made on request (POST).
    token = token_for(user, create=False)
    feed_url = url_for("meetings.feed", token=token.token, _external=True) if token else None
    return Panel(30, "meetings/_account_panel.html", {"feed_url": feed_url})


@nav_context.connect
def _bell(sender) -> dict:
    # A callable, counted only when the layout's top bar is drawn: htmx fragments (a note's
    # autosave answer, most of an evening's requests) never show the bell, so never count,
    # nor even reload the member that the autosave's commit expired.
    return {"unread_notifications": lambda: unread_count(current_user) if current_user.is_authenticated else 0}



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
