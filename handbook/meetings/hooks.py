"""What meetings offer other pages: the navigation entry, home and account panels, the bell's
unread count, the scheduler's reminders and purge, the search source (agendas and final minutes:
search.py), the calendar feed's secret renewed with the password (calendar/ical.py), and the
meetings the phone keeps (the pack)."""

from flask import url_for
from flask_login import current_user

from handbook.conditional import page_tag
from handbook.jobs import enqueue
from handbook.meetings import search
from handbook.meetings.attendance.service import rsvp_form_for
from handbook.meetings.calendar import ical, reminders
from handbook.meetings.calendar.ical import token_column
from handbook.meetings.home import heading, next_meeting_with_answer, vote_banner
from handbook.meetings.notify import purge_old_notifications, unread_count
from handbook.meetings.schedule import pack_meetings
from handbook.meetings.status import Action, status_allows
from handbook.meetings.tasks import service as tasks
from handbook.meetings.validators import meeting_page
from handbook.meetings.votes import live
from handbook.search.registry import search_source
from handbook.signals import (
    Ask,
    HomePanel,
    NavEntry,
    OfflinePage,
    OfflinePages,
    Panel,
    account_panels,
    home_panels,
    nav_context,
    nav_entries,
    offline_pages,
    password_changed,
    periodic_work,
)
from handbook.timefmt import vn_datetime

search_source("meetings")(search.search_meetings)


@nav_entries.connect
def meetings_entry(app) -> NavEntry:
    return NavEntry(30, "meetings.index", "Lịch họp", "calendar")


@home_panels.connect
def home(user) -> HomePanel:
    """The next meeting, with the member's answer and the one-tap buttons while it takes answers."""
    meeting, rsvp, mark = next_meeting_with_answer(user)
    context = {"meeting": meeting, "answerable": False, "live": None}
    if meeting is None:
        return HomePanel("next_meeting", "meetings/_home_panel.html", context)
    context["heading"] = heading(meeting)
    # During the meeting's hour only, its vote on the card: the hour is read from the meeting
    # itself, so the rest of the month the card asks nothing about votes.
    if user.cell_id == meeting.cell_id and live.in_hour(meeting):
        context["live"] = vote_banner(meeting, user)
    if user.cell_id == meeting.cell_id and status_allows(meeting, Action.RSVP):
        if mark is not None and mark.status == "present":  # there already: no question of coming
            context["checked_in_at"] = mark.recorded_at
            return HomePanel("next_meeting", "meetings/_home_panel.html", context)
        context.update(answerable=True, rsvp=rsvp, rsvp_form=rsvp_form_for(rsvp))
    return HomePanel("next_meeting", "meetings/_home_panel.html", context)


@home_panels.connect
def my_tasks(user) -> HomePanel | None:
    """"Việc của tôi": the resolution's tasks given to the member or to the whole cell, still open."""
    found = tasks.my_tasks(user)
    if not found:
        return None
    return HomePanel("tasks", "meetings/_tasks_panel.html",
                 {"tasks": found, "today": tasks.today(), "can_update": lambda task: tasks.can_update(user, task)})


def _feed_context(token: str | None) -> dict:
    feed_url = url_for("meetings.feed", token=token, _external=True) if token else None
    # webcal: asks the phone's calendar app to subscribe, in one tap.
    webcal_url = "webcal://" + feed_url.split("://", 1)[1] if feed_url else None
    return {"feed_url": feed_url, "webcal_url": webcal_url}


@account_panels.connect
def account(user) -> Panel:
    # Reading the account page never writes: the feed address is made on request (POST). The
    # secret is asked in the account page's own statement.
    return Panel(30, "meetings/_account_panel.html", {}, ask=Ask(token_column(), _feed_context))


@nav_context.connect
def _bell(sender) -> dict:
    # A callable, counted only when the layout's top bar is drawn: htmx fragments (a note's
    # autosave answer, most of an evening's requests) never show the bell, so never count,
    # nor even reload the member that the autosave's commit expired.
    return {"unread_notifications": lambda: unread_count(current_user) if current_user.is_authenticated else 0}


@periodic_work.connect
def _due_work(sender, now) -> None:
    enqueue(reminders.send_due_reminders, now)
    enqueue(purge_old_notifications, now)


@password_changed.connect
def renew_feed(user, by_admin: bool) -> str | None:
    return ical.renew_feed_with_password(user, by_admin)


@offline_pages.connect
def pack_pages(user) -> OfflinePages:
    """The pack's meetings: the next and today's, and the last with final minutes."""
    meetings, previous = pack_meetings(user)
    return OfflinePages(10, [
        OfflinePage(url_for("meetings.show", meeting_id=meeting.id), "meeting",
                    f"{meeting.title} — {vn_datetime(meeting.starts_at)}",
                    page_tag(meeting_page, meeting_id=meeting.id))
        for meeting in meetings + ([previous] if previous else [])])
