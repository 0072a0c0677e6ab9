"""Saving a note so that no text is ever lost: version checks, kept revisions, restore."""

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import inspect
from sqlalchemy.orm.attributes import set_committed_value

from handbook.extensions import db
from handbook.models_base import utcnow
from handbook.notes.models import Note, NoteRevision

# A revision is kept when the text changes after this long without one, so history shows
# the note as it stood between bursts of typing, not one row per keystroke.
REVISION_PAUSE = timedelta(minutes=5)
# Deleting this much in one save also keeps the text as it was, whatever the pause.
BIG_REMOVAL = 200


@dataclass
class SaveResult:
    note: Note
    status: str  # "saved", "unchanged" or "conflict"
    incoming: str = ""  # on conflict: the text that was sent, kept as a revision


def new_note(owner_id: int, *, meeting=None, section=None) -> Note:
    if meeting is not None:
        title = f"{meeting.title} ({meeting.starts_at:%d/%m/%Y})"
    else:
        title = f"{section.document.number} — {section.heading or section.anchor}"
    return Note(owner_id=owner_id, meeting=meeting, section=section, context_title=title[:500],
                body="", version=0)


def _keep(note: Note, kind: str, body: str, version: int) -> None:
    # Through the many-to-one side, so a long history is not loaded just to add to it.
    db.session.add(NoteRevision(note=note, kind=kind, body=body, version=version, created_at=utcnow()))


def _write(note: Note, body: str) -> None:
    now = utcnow()
    note.body = body
    note.version += 1
    note.updated_at = now
    if note.created_at is None:
        note.created_at = now


def _commit(note: Note) -> None:
    """Commit, then put back the note's columns as just written. The session expires every
    object on commit (other features rely on that), so the autosave's answer would otherwise
    read the row it has just written: one SELECT more on the evening's most frequent request.
    The values cannot differ: our UPDATE held the row until the commit."""
    db.session.flush()
    written = {column.key: getattr(note, column.key) for column in inspect(Note).column_attrs}
    db.session.commit()
    for key, value in written.items():
        set_committed_value(note, key, value)


def save_note(note: Note, body: str, base_version: int) -> SaveResult:
    """Store `body` typed on top of `base_version`. A stale base keeps both texts: the stored
    one stays current, the incoming one becomes a conflict revision for the member to merge."""
    if body == note.body:
        return SaveResult(note, "unchanged")
    if base_version != note.version:
        if note.id is None:
            db.session.add(note)
        _keep(note, "conflict", body, base_version)
        # A plain commit: the note was only read, so the answer reloads it and shows the
        # stored text as it is now, should another device have saved meanwhile.
        db.session.commit()
        return SaveResult(note, "conflict", incoming=body)
    now = utcnow()
    paused = note.last_revision_at is None or now - note.last_revision_at >= REVISION_PAUSE
    removed = len(note.body) - len(body) >= BIG_REMOVAL
    if note.body and (paused or removed):
        _keep(note, "autosave", note.body, note.version)
        note.last_revision_at = now
    elif note.last_revision_at is None:
        # The pause is measured from the first text, so the next burst after it is kept.
        note.last_revision_at = now
    _write(note, body)
    if note.id is None:
        db.session.add(note)
    _commit(note)
    return SaveResult(note, "saved")


def restore_revision(note: Note, revision: NoteRevision) -> Note:
    """The current text is kept as a revision first, so a restore can itself be undone."""
    if revision.body != note.body:
        _keep(note, "restore", note.body, note.version)
        note.last_revision_at = utcnow()
        _write(note, revision.body)
    db.session.commit()
    return note


def merged_text(current: str, incoming: str) -> str:
    """Both texts in one editor, so merging is editing and nothing can fall out of view."""
    return f"{current}\n\n––– Bản vừa gửi từ máy này (chưa gộp — gộp xong hãy xóa dòng này) –––\n\n{incoming}"
