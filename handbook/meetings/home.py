"""The home page's meeting card: the next meeting with the member's own answer, in one statement,
and its heading (title, hour, place) rendered once per meeting content version.

Every member of a cell sees the same heading of the same next meeting; only their RSVP, check-in
and vote differ. The heading is cached under the meeting's `content_version`, read in the very
statement that finds the meeting, and bumped by the database on any change to the meeting row
(handbook/content_version.py): an edit made through another worker or server is a new key on
the next request, so no time limit is needed. The hour is printed in Vietnam's time, fixed for
a given `starts_at`, so the heading depends on nothing else."""

import functools

from flask import current_app
from markupsafe import Markup
from sqlalchemy import Select, and_, bindparam, or_, select

from handbook.cache import Cache
from handbook.extensions import db
from handbook.meetings.access import visible_cells, visible_meetings
from handbook.meetings.models import Attendance, Meeting, Rsvp
from handbook.meetings.schedule import STARTED_GRACE, coming, started_since
from handbook.meetings.status import Status
from handbook.models_base import utcnow

_headings = Cache(size=2000, ttl_seconds=None)


def next_meeting_with_answer(user) -> tuple[Meeting | None, Rsvp | None, Attendance | None]:
    """The next meeting `user` may see (schedule.next_meeting_for's rule), with their RSVP and
    attendance mark on it, in one statement."""
    now = utcnow()
    cells = visible_cells(user)
    if cells is None:  # a committee's admin: their subtrees are read in SQL, built each time
        statement, params = _with_answer(visible_meetings(user)).where(coming(now)), {"user_id": user.id}
    else:
        statement, params = _members_statement(), {"user_id": user.id, "led": cells[0], "seen": cells[1],
                                                   "since": now - STARTED_GRACE}
    found = db.session.execute(statement, params).first()
    return (found[0], found[1], found[2]) if found is not None else (None, None, None)


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
    return _with_answer(select(Meeting).where(visible, started_since(bindparam("since"))))


def heading(meeting: Meeting) -> Markup:
    """The card's lines on the meeting itself, the same for every member who sees it."""
    def render() -> Markup:
        # From the Jinja environment, not render_template: nothing of the member may enter it.
        template = current_app.jinja_env.get_template("meetings/_home_heading.html")
        return Markup(template.render(m=meeting))  # noqa: S704 - our own template, autoescaped

    return _headings.get_or_make((meeting.id, meeting.content_version), render)
