"""Where a note is edited: the one address that search hits, home panels and redirects link to."""

from flask import url_for


def note_url(note) -> str:
    """A note's editor; a note whose meeting or section is gone lives on its history page."""
    if note.meeting_id:
        return url_for("notes.meeting_note", meeting_id=note.meeting_id)
    if note.section_id:
        return url_for("notes.section_note", slug=note.section.document.slug, anchor=note.section.anchor)
    return url_for("notes.history", note_id=note.id)
