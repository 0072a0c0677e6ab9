"""Scoped getters: a note is only ever its owner's, and only on what the owner may see."""

from flask_login import current_user
from sqlalchemy import bindparam, select

from handbook.auth.models import User
from handbook.auth.permissions import require
from handbook.extensions import db
from handbook.library.models import Document, Section
from handbook.notes.models import Note, NoteRevision
from handbook.orgs.models import Organization


def can_read_document(user: User, document: Document) -> bool:
    """A document is for everyone, or only for members inside its organisation's subtree."""
    if document.org_id is None:
        return True
    if not user.is_authenticated:
        return False
    org = db.session.get(Organization, document.org_id)
    if org is None:
        return False
    if user.cell is not None and org.contains(user.cell):
        return True
    # Leaders without a cell of their own read what is published at or around their posts.
    return any(org.contains(r.org) or r.org.contains(org) for r in user.roles)


def get_note_section_or_404(slug: str, anchor: str) -> Section:
    """The section `anchor` of document `slug`, if the current user may read that document."""
    section = db.session.scalar(
        select(Section).join(Document).where(Document.slug == slug, Section.anchor == anchor)
    )
    require(section is not None and can_read_document(current_user, section.document))
    return section


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
