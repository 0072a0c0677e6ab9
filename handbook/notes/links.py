"""Where a note is edited: the one address that search hits, home panels and redirects link to."""

from flask import url_for


def note_url(note) -> str:
    """A note's editor; a note whose meeting or section is gone lives on its history page."""
    section = note.section if note.section_id and not note.meeting_id else None
    return editor_url(note.id, note.meeting_id, section.document.slug if section else None,
                      section.anchor if section else None)


def editor_url(note_id: int, meeting_id: int | None, slug: str | None, anchor: str | None) -> str:
    """The same from the note's columns and its section's document slug and anchor (None: no section)."""
    if meeting_id:
        return url_for("notes.meeting_note", meeting_id=meeting_id)
    if slug is not None:
        return url_for("notes.section_note", slug=slug, anchor=anchor)
    return url_for("notes.history", note_id=note_id)
