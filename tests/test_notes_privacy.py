"""Nobody but the owner reads or changes a note, through any notes route (walks the URL map)."""

import pytest
from sqlalchemy import select

from handbook.extensions import db
from handbook.notes.models import Note, NoteRevision
from tests import notes_factories as nf

OTHERS = ["dangvien2", "dangvien3", "bithu", "capuy"]  # same cell, other cell, secretary, committee admin
SECRET = "Bí mật của Đức"


def _snapshot():
    notes = db.session.execute(select(Note.id, Note.owner_id, Note.body, Note.version).order_by(Note.id)).all()
    revisions = db.session.execute(select(NoteRevision.id, NoteRevision.note_id, NoteRevision.body)).all()
    return [tuple(r) for r in notes], [tuple(r) for r in revisions]


def _note_urls(app, n):
    """Every notes route with its arguments filled in for the member's own notes."""
    args = {
        "note_id": n["meeting_note"].id,
        "revision_id": n["meeting_note"].revisions[0].id,
        "meeting_id": n["meeting"].id,
        "slug": n["section"].document.slug,
        "anchor": n["section"].anchor,
    }
    urls = []
    for rule in app.url_map.iter_rules():
        if not rule.endpoint.startswith("notes."):
            continue
        path = rule.rule
        for name in rule.arguments:
            path = path.replace(f"<int:{name}>", str(args[name])).replace(f"<{name}>", str(args[name]))
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            urls.append((method, path, bool(rule.arguments & {"note_id", "revision_id"})))
    assert len(urls) >= 7
    return urls


@pytest.mark.parametrize("username", OTHERS)
def test_no_other_member_reaches_a_note(app, client, auth, world, username):
    n = nf.note_world(world)
    member_note = n["meeting_note"]
    before = _snapshot()
    auth.login(username)
    for method, path, addresses_a_note in _note_urls(app, n):
        for headers in ({}, {"HX-Request": "true"}):
            data = {"body": "sửa trộm", "version": str(member_note.version)} if method == "POST" else None
            response = client.open(path, method=method, data=data, headers=headers)
            if addresses_a_note:
                assert response.status_code == 404, f"{method} {path} as {username}"
            assert SECRET not in response.get_data(as_text=True), f"{method} {path} as {username}"
            assert "Ghi chú điều 3" not in response.get_data(as_text=True)
    after = _snapshot()
    mine = [row for row in after[0] if row[1] == world["users"]["dangvien"].id]
    assert mine == [row for row in before[0] if row[1] == world["users"]["dangvien"].id]
    assert [r for r in after[1] if r[1] in {row[0] for row in mine}] == before[1]


def test_export_and_notebook_hold_only_ones_own_notes(client, auth, world):
    nf.note_world(world)
    auth.login("dangvien2")
    for url in ("/notes", "/notes/export?start=2026-01-01&end=2026-12-31&fmt=print", "/"):
        assert SECRET not in client.get(url).get_data(as_text=True), url
    auth.logout()
    auth.login("dangvien")
    assert SECRET in client.get("/notes/export?start=2026-01-01&end=2026-12-31&fmt=print").get_data(as_text=True)


def test_logged_out_visitor_is_sent_to_login(client, world):
    n = nf.note_world(world)
    response = client.get(f"/meetings/{n['meeting'].id}/note")
    assert response.status_code == 302 and "/login" in response.headers["Location"]
