"""Notebook routes: every note belongs to one member; everyone else gets 404."""

from tests.notes_factories import note_world
from tests.routes import Rule, expect, fixed


def _meeting(w):
    return f"/meetings/{note_world(w)['meeting'].id}/note"


def _section(w):
    s = note_world(w)["section"]
    return f"/library/{s.document.slug}/sections/{s.anchor}/note"


def _history(w):
    return f"/notes/{note_world(w)['meeting_note'].id}/history"


def _restore(w):
    n = note_world(w)["meeting_note"]
    return f"/notes/{n.id}/revisions/{n.revisions[0].id}/restore"


def _resolve(w):
    notes = note_world(w)
    return f"/notes/{notes['meeting_note'].id}/conflicts/{notes['conflict'].id}"


# Other roles post a *stale* version: even on a page they may open, they only ever touch their own note.
RULES = [
    Rule("notes.index", "GET", fixed("/notes"), expect()),
    Rule("notes.export", "GET", fixed("/notes/export?start=2026-01-01&end=2026-12-31&fmt=print"), expect()),
    Rule("notes.meeting_note", "GET", _meeting, expect(other_member=404)),
    Rule("notes.meeting_note", "POST", _meeting, expect(member=200, secretary=302, admin=302, other_member=404),
         data=lambda w: {"body": "x", "version": "0"}),
    Rule("notes.section_note", "GET", _section, expect()),
    Rule("notes.section_note", "POST", _section, expect(member=200, other_member=302, secretary=302, admin=302),
         data=lambda w: {"body": "y", "version": "0"}),
    Rule("notes.history", "GET", _history, expect(other_member=404, secretary=404, admin=404)),
    Rule("notes.restore", "POST", _restore, expect(member=302, other_member=404, secretary=404, admin=404)),
    Rule("notes.resolve", "POST", _resolve, expect(member=302, other_member=404, secretary=404, admin=404),
         data=lambda w: {"choice": "other", "version": "999"}),
]
