"""Saving a note so that no text is ever lost: version checks, kept revisions, restore."""

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import bindparam, func, update

from handbook.editing import store
from handbook.editing.kinds import TextKind, register
from handbook.editing.models import TextConflict
from handbook.extensions import db
from handbook.meetings.access import SEEN_MEETING_IDS
from handbook.models_base import utcnow
from handbook.notes.models import Note, NoteRevision
from handbook.notes.search import note_entry
from handbook.search.index import reindex, rewrite_body

# A revision is kept when the text changes after this long without one, so history shows
# the note as it stood between bursts of typing, not one row per keystroke.
REVISION_PAUSE = timedelta(minutes=5)
# Deleting this much in one save also keeps the text as it was, whatever the pause.
BIG_REMOVAL = 200


@dataclass
class SaveResult:
    note: Note
    status: str  # "saved", "unchanged" or "conflict"
    incoming: str = ""  # on conflict: the text that was sent, kept in the conflict store
    conflict: TextConflict | None = None  # on conflict: where it is kept, for the member's choice


def new_note(owner_id: int, *, meeting=None, section=None) -> Note:
    if meeting is not None:
        title = f"{meeting.title} ({meeting.starts_at:%d/%m/%Y})"
    else:
        title = f"{section.full_name} ({section.document.number})"
    return Note(owner_id=owner_id, meeting=meeting, section=section, context_title=title[:500],
                body="", version=0)


def _keep(note: Note, kind: str, body: str, version: int) -> NoteRevision:
    # Through the many-to-one side, so a long history is not loaded just to add to it.
    revision = NoteRevision(note=note, kind=kind, body=body, version=version, created_at=utcnow())
    db.session.add(revision)
    return revision


def _write_texts(note: Note, texts: dict[str, str]) -> None:
    note.body = texts.get("body", note.body)
    note.updated_at = utcnow()
    note.last_revision_at = note.updated_at


# The notes' place in the shared editor (handbook/editing): one text, its body.
NOTE = register(TextKind(name="note", label="ghi chép", texts=lambda note: {"body": note.body}, write=_write_texts))


def _write(note: Note, body: str) -> None:
    now = utcnow()
    note.body = body
    note.version += 1
    note.updated_at = now
    if note.created_at is None:
        note.created_at = now


def _continues(stored: str, body: str) -> bool:
    """The text sent goes on from the stored one, which it holds whole: nothing can be lost by
    taking it. A phone whose earlier save reached the server unanswered (a page closed in the
    meeting hall, its beacon sent when the signal came back) still sends its older version."""
    return bool(stored) and body.startswith(stored)


def save_note(note: Note, body: str, base_version: int) -> SaveResult:
    """Store `body` typed on top of `base_version` (flushed; the caller commits). A stale base
    keeps both texts: the stored one stays current, the incoming one is kept in the conflict store
    for the member to choose. Another device's save landing meanwhile fails the flush
    (StaleDataError, or IntegrityError for a first save): see notes/editor.py."""
    if body == note.body:
        return SaveResult(note, "unchanged")
    if base_version != note.version and not _continues(note.body, body):
        if note.id is None:
            db.session.add(note)
            db.session.flush()
        kept = store.keep_conflict(NOTE, note, {"body": body}, base_version, note.owner_id)
        return SaveResult(note, "conflict", incoming=body, conflict=kept)
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
    db.session.flush()
    return SaveResult(note, "saved")


# The evening's most frequent request, an autosave typed on the version last answered within a
# burst of typing, as one statement: nothing to keep as a revision (a revision was kept less than
# REVISION_PAUSE ago, nothing big is removed), no conflict (the row is still on the version the
# text was typed on), a text that changed. Built once; the row is found by its owner and target.
# A meeting's note also says "on a meeting the member may see" (meetings/access.py's rule, bound
# to the member's cells), so the save needs no read of the meeting first.
_NOTE = Note.__table__
_TARGETS = {"meeting": (_NOTE.c.meeting_id, (_NOTE.c.meeting_id.in_(SEEN_MEETING_IDS),)),
            "section": (_NOTE.c.section_id, ())}
_IN_BURST = {
    target: update(_NOTE).where(
        _NOTE.c.owner_id == bindparam("b_owner"), column == bindparam("b_target"),
        _NOTE.c.version == bindparam("base_version"), _NOTE.c.body != bindparam("new_body"),
        _NOTE.c.last_revision_at > bindparam("burst_since", type_=_NOTE.c.last_revision_at.type),
        func.length(_NOTE.c.body) - bindparam("new_length") < BIG_REMOVAL, *seen,
    ).values(body=bindparam("new_body"), version=_NOTE.c.version + 1,
             updated_at=bindparam("now", type_=_NOTE.c.updated_at.type)).returning(_NOTE.c.id)
    for target, (column, seen) in _TARGETS.items()
}


@dataclass
class QuickSave:
    """What the answer of a save in a burst needs: the version it made and when."""

    version: int
    updated_at: object


def save_in_burst(owner_id: int, target: str, target_id: int, body: str, base_version: int,
                  seen: dict | None = None) -> QuickSave | None:
    """`save_note` for the common autosave, in one UPDATE … WHERE version = ? RETURNING, without
    reading the note first; None when the statement matched no row (no such note, another
    version, the same text, a pause or a big removal, a meeting no longer visible): `save_note`
    then decides, as always. The same rules as there, said in the statement's WHERE (the caller
    commits). A meeting's note needs `seen` (meetings.access.seen_params for the member)."""
    now = utcnow()
    # On the session's connection (its transaction), past the ORM's layer: its handling of an
    # UPDATE worked out the statement's cache key anew on every save.
    connection = db.session.connection()
    note_id = connection.execute(_IN_BURST[target], {
        "b_owner": owner_id, "b_target": target_id, "base_version": base_version, "new_body": body,
        "burst_since": now - REVISION_PAUSE, "new_length": len(body), "now": now, **(seen or {})}).scalar()
    if note_id is None:
        return None
    # A statement, not a flush: the search index's flush watch does not see it, so its entry
    # is rewritten here, as the watch would have (in full should the entry be missing).
    entry = note_entry(note_id, owner_id, body)
    # Its owner (the facet) is the note's, unchanged: the text alone is rewritten, in place.
    if not rewrite_body(connection, entry):
        reindex("note", [], {note_id: [entry]})
    return QuickSave(version=base_version + 1, updated_at=now)


def keep_set_aside(note: Note, set_aside: dict[str, str], choice: str) -> None:
    """After the member's choice (handbook/editing/store.resolve), the text set aside is kept as
    a revision named for the choice, so history shows it and nothing is lost."""
    text = set_aside.get("body", "")
    if text and text != note.body:
        _keep(note, f"kept-{choice}", text, note.version)


def restore_revision(note: Note, revision: NoteRevision) -> Note:
    """The current text is kept as a revision first, so a restore can itself be undone."""
    if revision.body != note.body:
        _keep(note, "restore", note.body, note.version)
        note.last_revision_at = utcnow()
        _write(note, revision.body)
    return note

