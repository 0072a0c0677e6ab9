"""Scoped getters: a note is only ever its owner's, and only on what the owner may see."""

from flask_login import current_user
from sqlalchemy import bindparam, select

from handbook.auth.permissions import require
from handbook.extensions import db
from handbook.notes.models import Note, NoteRevision

# Built once (SQLAlchemy keeps a built statement's cache key): every autosave looks up its note.
_OWN_NOTE = {
    target: select(Note).where(Note.owner_id == bindparam("owner_id"), column == bindparam("target_id"))
    for target, column in (("meeting", Note.meeting_id), ("section", Note.section_id))
}


def find_own_note(*, meeting_id: int | None = None, section_id: int | None = None) -> Note | None:
    if meeting_id is not None:
        target, target_id = "meeting", meeting_id
    else:
        target, target_id = "section", section_id
    return db.session.scalar(_OWN_NOTE[target], {"owner_id": current_user.id, "target_id": target_id})


def get_own_note_or_404(note_id: int) -> Note:
    """Someone else's note answers exactly like a note that does not exist."""
    note = db.session.get(Note, note_id)
    require(note is not None and current_user.is_authenticated and note.owner_id == current_user.id)
    return note


def get_own_revision_or_404(note: Note, revision_id: int) -> NoteRevision:
    revision = db.session.get(NoteRevision, revision_id)
    require(revision is not None and revision.note_id == note.id)
    return revision
