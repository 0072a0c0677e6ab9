"""The home panel: the member's most recent notes (titles only: the home page is cached)."""

from handbook.main.home import home_panel
from handbook.notes.queries import recent_notes


@home_panel(40, "notes/_home_panel.html")
def recent_notes_panel(user):
    notes = recent_notes(user.id)
    if not notes:
        return None
    from handbook.notes.routes import note_url

    return {"notes": [(note, note_url(note)) for note in notes]}
