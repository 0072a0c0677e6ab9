"""What a meeting's note page is made of, for its validator (handbook/conditional.py): the
meeting it sits beside (the meetings feature's columns and rule) and the member's own note on
it, by its content version (the text, and the texts kept beside it), and the member's own
version. One statement, built once.
"""

from functools import cache

from sqlalchemy import bindparam, select

from handbook.conditional import carries_own_version, member, own_version, validator_row
from handbook.meetings.models import Meeting
from handbook.meetings.validators import COLUMNS, facts
from handbook.notes.models import Note


@cache
def _note_page():
    """Built on first use: the member's own version (conditional.own_version) names the
    member's table, imported last by the conditional module."""
    own = (Note.owner_id == bindparam("member_id"), Note.meeting_id == Meeting.id)
    return select(
        *COLUMNS,
        select(Note.id).where(*own).scalar_subquery(),
        select(Note.content_version).where(*own).scalar_subquery(),
        own_version(),
    ).where(Meeting.id == bindparam("meeting_id"))


@carries_own_version
def meeting_note_page(meeting_id: int) -> tuple | None:
    """/meetings/<id>/note; None when the member may not see the meeting (the view's 404). The
    member is the worker's checked copy on a revisit (conditional.member): a 304 is this one
    statement, with the member's own version (their bell) read in it."""
    row = validator_row(_note_page(), {"meeting_id": meeting_id, "member_id": member().id})
    return facts(row) if row is not None else None
