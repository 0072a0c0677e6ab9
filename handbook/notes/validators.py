"""What a meeting's note page is made of, for its validator (handbook/conditional.py): the
meeting it sits beside (the meetings feature's columns and rule) and the member's own note on
it, by its content version (the text, and the texts kept beside it). One statement, built once.
"""

from flask_login import current_user
from sqlalchemy import bindparam, select

from handbook.extensions import db
from handbook.meetings.models import Meeting
from handbook.meetings.validators import COLUMNS, facts
from handbook.notes.models import Note

_OWN = (Note.owner_id == bindparam("user_id"), Note.meeting_id == Meeting.id)
_NOTE_PAGE = select(
    *COLUMNS,
    select(Note.id).where(*_OWN).scalar_subquery(),
    select(Note.content_version).where(*_OWN).scalar_subquery(),
).where(Meeting.id == bindparam("meeting_id"))


def meeting_note_page(meeting_id: int) -> tuple | None:
    """/meetings/<id>/note; None when the member may not see the meeting (the view's 404)."""
    row = db.session.execute(_NOTE_PAGE, {"meeting_id": meeting_id, "user_id": current_user.id}).first()
    return facts(row) if row is not None else None
