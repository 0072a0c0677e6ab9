"""What a meeting page asks about its record on every visit — whether it has votes, who signs its
minutes, the tasks under its review item — kept per version, so a member's visit asks nothing
of what did not change.

Every key holds the versions the page's validator read in this request (validators.page_row):
the meeting's content version moves with its votes, ballots, minutes and agenda (through
triggers, handbook/content_version.py), and the cell's tasks are stamped in the same row (last
change, count, late today). A change made by any worker or by hand in the database is a new key
on the next request; nothing here has a time limit.
"""

from typing import NamedTuple

from flask import current_app
from flask_wtf.csrf import generate_csrf
from markupsafe import Markup
from sqlalchemy import exists, select

from handbook.cache import Cache
from handbook.extensions import db
from handbook.meetings.minutes.models import Minutes
from handbook.meetings.models import Meeting
from handbook.meetings.tasks import service as tasks
from handbook.meetings.validators import content_key, tasks_key
from handbook.meetings.votes.models import Vote

_CSRF = "\x00csrf\x00"  # where a row's form takes this request's token (never in a real page)


class RecordFacts(NamedTuple):
    has_votes: bool
    signer_ids: frozenset[int]  # the minutes' chair and note-taker, when the minutes exist


class TaskRow(NamedTuple):
    """One task's row, drawn for a reader who may not change it and for one who may; what
    `tasks.can_update` reads of a task to choose between them."""

    owner_id: int | None
    cell_id: int
    plain: str
    with_form: str


_facts = Cache(size=2000, ttl_seconds=None)
_reviews = Cache(size=2000, ttl_seconds=None)


def _read_facts(meeting_id: int) -> RecordFacts:
    has_votes, chair_id, note_taker_id = db.session.execute(select(
        exists().where(Vote.meeting_id == meeting_id),
        select(Minutes.chair_id).where(Minutes.meeting_id == meeting_id).scalar_subquery(),
        select(Minutes.note_taker_id).where(Minutes.meeting_id == meeting_id).scalar_subquery(),
    )).one()
    return RecordFacts(bool(has_votes), frozenset(i for i in (chair_id, note_taker_id) if i is not None))


def record_facts(meeting: Meeting) -> RecordFacts:
    """Whether the meeting has votes (else the banner and the vote box ask nothing), and who may
    have a signature due (anyone else is shown no signer's part)."""
    return _facts.get_or_make(content_key(meeting), lambda: _read_facts(meeting.id))


def _draw(meeting: Meeting) -> list[TaskRow] | None:
    if not tasks.reviews_tasks(meeting):
        return None
    template = current_app.jinja_env.get_template("meetings/_task_row.html")
    today = tasks.today()

    def row(task, may: bool) -> str:
        # Straight from the environment: the rows must not depend on who reads them.
        return template.render(task=task, today=today, can_update=lambda _task: may, csrf_token=lambda: _CSRF)

    return [TaskRow(task.owner_id, task.cell_id, row(task, False), row(task, True))
            for task in tasks.review_tasks(meeting)]


def review_rows(meeting: Meeting, user) -> Markup | None:
    """The tasks the meeting's review item goes over, as rows, each with its form where `user`
    may mark it (the rule is tasks.can_update); None when the agenda has no review item."""
    rows = _reviews.get_or_make(tasks_key(meeting), lambda: _draw(meeting))
    if not rows:
        return None
    html = "".join(r.with_form if tasks.can_update(user, r) else r.plain for r in rows)
    if _CSRF in html:
        html = html.replace(_CSRF, generate_csrf())
    return Markup(html)  # noqa: S704 - drawn by our own template, escaped there
