"""Two devices saved different texts: the member keeps one, the other, or both. Nothing is
lost in any choice, and the choice is in the note's history."""

import pytest
from sqlalchemy import select

from handbook.editing.models import TextConflict
from handbook.extensions import db
from handbook.notes.models import Note
from tests import notes_factories as nf
from tests.conftest import text_of

HX = {"HX-Request": "true"}
OTHER, MINE = "Viết trên điện thoại", "Viết trên máy tính"


def _conflict(client, auth, world):
    meeting = nf.meeting(world["cell1"])
    nf.note(world["users"]["dangvien"], meeting=meeting, body=OTHER)
    auth.login("dangvien")
    client.post(f"/meetings/{meeting.id}/note", data={"body": MINE, "version": "0"}, headers=HX)
    note = db.session.scalar(select(Note).where(Note.meeting_id == meeting.id))
    conflict = db.session.scalar(select(TextConflict).where(TextConflict.kind == "note",
                                                            TextConflict.row_id == note.id))
    return meeting, note, conflict


def _texts(note_id):
    db.session.expire_all()
    note = db.session.get(Note, note_id)
    return note.body, {r.kind: r.body for r in note.revisions}


@pytest.mark.parametrize(("choice", "kept", "set_aside"), [
    ("mine", MINE, OTHER),
    ("other", OTHER, MINE),
    ("both", f"{OTHER}\n\n{MINE}", OTHER),
])
def test_each_choice_keeps_the_chosen_text_and_sets_the_other_aside(client, auth, world, choice, kept, set_aside):
    meeting, note, conflict = _conflict(client, auth, world)
    response = client.post(f"/notes/{note.id}/conflicts/{conflict.id}",
                           data={"choice": choice, "version": str(note.version)})
    assert response.status_code == 302 and response.headers["Location"].endswith(f"/meetings/{meeting.id}/note")
    body, revisions = _texts(note.id)
    assert body == kept
    assert revisions[f"kept-{choice}"] == set_aside  # the choice, recorded in history
    assert MINE in body or MINE in revisions.values()  # the text this device sent, still there
    assert db.session.scalar(select(TextConflict).where(TextConflict.row_id == note.id)) is None  # chosen
    history = text_of(client.get(f"/notes/{note.id}/history"))
    assert "Chọn" in history and set_aside in history


def test_a_choice_made_on_an_older_text_is_asked_again(client, auth, world):
    _meeting, note, conflict = _conflict(client, auth, world)
    response = client.post(f"/notes/{note.id}/conflicts/{conflict.id}",
                           data={"choice": "mine", "version": str(note.version - 1)}, follow_redirects=True)
    assert "chọn lần nữa" in text_of(response)
    assert _texts(note.id)[0] == OTHER


def test_only_a_conflict_can_be_resolved(client, auth, world):
    meeting = nf.meeting(world["cell1"])
    note = nf.note(world["users"]["dangvien"], meeting=meeting, body="Một", revisions=1)
    body = note.body
    auth.login("dangvien")
    client.post(f"/notes/{note.id}/conflicts/{note.revisions[0].id}", data={"choice": "mine", "version": "1"})
    assert _texts(note.id)[0] == body
