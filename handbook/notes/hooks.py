"""What the notebook offers other pages: its navigation entry, the member's most recent notes on
the home page (titles only: the home page is cached), and a note link beside each section of
the library's reader; its search source (the member's own notes); when a document gets a new
text, the notes following their article (relink.py); and the notes of the meetings the phone keeps."""

from flask import url_for

from handbook.conditional import page_tag
from handbook.meetings.schedule import pack_meetings
from handbook.notes import relink, search
from handbook.notes.queries import ANCHOR_SEPARATOR, anchors_with_notes_column, recent_notes
from handbook.notes.validators import meeting_note_page
from handbook.search.registry import search_source
from handbook.signals import (
    Ask,
    Fragment,
    HomePanel,
    NavEntry,
    OfflinePage,
    OfflinePages,
    home_panels,
    nav_entries,
    offline_pages,
    reader_marks,
    sections_superseded,
)

search_source("notes")(search.search_notes)


@nav_entries.connect
def notebook_entry(app) -> NavEntry:
    return NavEntry(40, "notes.index", "Ghi chép", "note")


@home_panels.connect
def recent_notes_panel(user) -> HomePanel | None:
    notes = recent_notes(user.id)
    if not notes:
        return None
    return HomePanel("notes", "notes/_home_panel.html", {"notes": notes})


def _note_marks_context(anchors: str | None) -> dict:
    # A frozenset: the reader keeps a page's marks drawn per document version and their context.
    return {"anchors": frozenset(anchors.split(ANCHOR_SEPARATOR)) if anchors else frozenset()}


@reader_marks.connect
def note_marks(user) -> Fragment:
    """Which articles hold one of the member's notes: asked in the reader's own statement."""
    return Fragment(20, "notes/_section_note_link.html", {},
                    ask=Ask(anchors_with_notes_column(), _note_marks_context))


@sections_superseded.connect
def notes_follow_articles(document, succession, kept: bool) -> None:
    relink.follow_articles(document, succession, kept)


@offline_pages.connect
def pack_notes(user) -> OfflinePages:
    """The member's note on each coming meeting the phone keeps (typed even without signal)."""
    meetings, _previous = pack_meetings(user)
    return OfflinePages(20, [
        OfflinePage(url_for("notes.meeting_note", meeting_id=meeting.id), "note", f"Ghi chép: {meeting.title}",
                    page_tag(meeting_note_page, meeting_id=meeting.id))
        for meeting in meetings])
