"""The home page's meeting card: the next meeting with the member's own answer, in one statement,
its heading (title, hour, place) rendered once per meeting content version, and during the
meeting's hour its vote banner, the vote's part kept per the same version.

Every member of a cell sees the same heading of the same next meeting; only their RSVP, check-in
and vote differ. The heading is cached under the meeting's `content_version`, read in the very
statement that finds the meeting, and bumped by the database on any change to the meeting row
(handbook/content_version.py): an edit made through another worker or server is a new key on
the next request, so no time limit is needed. The hour is printed in Vietnam's time, fixed for
a given `starts_at`, so the heading depends on nothing else."""

import functools
from datetime import datetime
from typing import NamedTuple

from flask import current_app
from markupsafe import Markup
from sqlalchemy import Select, and_, bindparam, or_, select

from handbook.cache import Cache
from handbook.extensions import db
from handbook.meetings.access import visible_cells, visible_meetings
from handbook.meetings.models import Attendance, Meeting, Rsvp
from handbook.meetings.schedule import STARTED_GRACE, coming, started_since
from handbook.meetings.status import Status
from handbook.meetings.votes import live
from handbook.meetings.votes import service as votes
from handbook.meetings.votes.models import Ballot, VoteStatus
from handbook.models_base import utcnow

_headings = Cache(size=2000, ttl_seconds=None)
_banners = Cache(size=2000, ttl_seconds=None)


class MeetingLine(NamedTuple):
    """The next meeting as its card reads it (the heading, the hour, the answer's rules), plain
    columns: the ORM's rows for the meeting, the answer and the mark cost more than the query."""

    id: int
    cell_id: int
    title: str
    starts_at: datetime
    duration_minutes: int
    location: str | None
    status: str
    content_version: int

    @property
    def ends_at(self) -> datetime:
        return Meeting.ends_at.fget(self)  # the model's rule, read off these columns


class Answer(NamedTuple):
    """The member's RSVP as the card shows it."""

    attending: bool
    reason: str


class Mark(NamedTuple):
    """The member's check-in as the card shows it."""

    status: str
    recorded_at: datetime


_COLUMNS = (Meeting.id, Meeting.cell_id, Meeting.title, Meeting.starts_at, Meeting.duration_minutes,
            Meeting.location, Meeting.status, Meeting.content_version,
            Rsvp.id, Rsvp.attending, Rsvp.reason, Attendance.id, Attendance.status, Attendance.recorded_at)


def next_meeting_with_answer(user) -> tuple[MeetingLine | None, Answer | None, Mark | None]:
    """The next meeting `user` may see (schedule.next_meeting_for's rule), with their RSVP and
    attendance mark on it, in one statement of plain columns on the session's connection."""
    now = utcnow()
    cells = visible_cells(user)
    if cells is None:  # a committee's admin: their subtrees are read in SQL, built each time
        statement = _with_answer(visible_meetings(user)).where(coming(now)).with_only_columns(*_COLUMNS)
        params = {"user_id": user.id}
    else:
        statement, params = _members_statement(), {"user_id": user.id, "led": cells[0], "seen": cells[1],
                                                   "since": now - STARTED_GRACE}
    found = db.session.connection().execute(statement, params).first()
    if found is None:
        return None, None, None
    return (MeetingLine(*found[:8]), Answer(*found[9:11]) if found[8] is not None else None,
            Mark(*found[12:14]) if found[11] is not None else None)


def _with_answer(meetings: Select) -> Select:
    return (meetings.add_columns(Rsvp, Attendance)
            .outerjoin(Rsvp, and_(Rsvp.meeting_id == Meeting.id, Rsvp.user_id == bindparam("user_id")))
            .outerjoin(Attendance, and_(Attendance.meeting_id == Meeting.id,
                                        Attendance.user_id == bindparam("user_id")))
            .order_by(Meeting.starts_at).limit(1))


@functools.cache
def _members_statement() -> Select:
    # Built once and reused: SQLAlchemy then skips building the expression and its cache key on
    # every home page, which cost more than the query itself. access.visible_cells's two lists.
    visible = or_(Meeting.cell_id.in_(bindparam("led", expanding=True)),
                  Meeting.cell_id.in_(bindparam("seen", expanding=True)) & (Meeting.status != Status.DRAFT))
    return _with_answer(select(Meeting).where(visible, started_since(bindparam("since")))).with_only_columns(*_COLUMNS)


def heading(meeting: MeetingLine) -> Markup:
    """The card's lines on the meeting itself, the same for every member who sees it."""
    def render() -> Markup:
        # From the Jinja environment, not render_template: nothing of the member may enter it.
        template = current_app.jinja_env.get_template("meetings/_home_heading.html")
        return Markup(template.render(m=meeting))  # noqa: S704 - our own template, autoescaped

    return _headings.get_or_make((meeting.id, meeting.content_version), render)


class Shown(NamedTuple):
    """A vote as the banner names it."""

    id: int
    question: str


class Outcome(NamedTuple):
    sentence: str


def vote_banner(meeting: MeetingLine, user) -> dict:
    """live.banner for the card of a member of the meeting's cell, during the meeting's hour:
    which vote runs, or the last result, kept per meeting content version (a vote opened,
    closed or counted, a ballot sent, all bump it), and the member's own ballot asked fresh.
    Whether the banner keeps asking depends on the clock, so it stays out of the kept part."""
    running, last, outcome = _banners.get_or_make((meeting.id, meeting.content_version),
                                                  lambda: _votes_shown(meeting))
    voted = running is not None and db.session.scalar(_own_ballot(), {"vote_id": running.id,
                                                                      "user_id": user.id}) is not None
    polling = live.in_hour(meeting)
    state = (running.id if running else "", voted, last.id if last else "", polling)
    return {"meeting": meeting, "running": running, "voted": voted, "last": last, "outcome": outcome,
            "polling": polling, "etag": live.tag("banner", *state), "every": live.LIVE_SECONDS}


def _votes_shown(meeting: MeetingLine) -> tuple[Shown | None, Shown | None, Outcome | None]:
    """live.banner's choice: the vote open now; else the last closed one and its outcome."""
    all_votes = votes.votes_of(meeting)
    running = next((v for v in all_votes if v.status == VoteStatus.OPEN), None)
    if running is not None:
        return Shown(running.id, running.question), None, None
    last = next((v for v in reversed(all_votes) if v.status == VoteStatus.CLOSED), None)
    if last is None:
        return None, None, None
    outcome = votes.result(last)
    return None, Shown(last.id, last.question), (Outcome(outcome.sentence) if outcome is not None else None)


@functools.cache
def _own_ballot():
    return select(Ballot.id).where(Ballot.vote_id == bindparam("vote_id"), Ballot.user_id == bindparam("user_id"))
