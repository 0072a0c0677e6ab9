"""The meeting note editor: autosave, conflicts, history, limits, privacy headers."""

import json
from datetime import timedelta

from sqlalchemy import func, select

from handbook.editing.models import TextConflict
from handbook.extensions import db
from handbook.notes.models import Note, NoteRevision
from handbook.notes.search import search_notes
from handbook.vietnamese import parse_query
from tests import notes_factories as nf
from tests.conftest import text_of, text_saved

HX = {"HX-Request": "true"}


def _note(user, meeting) -> Note | None:
    return db.session.scalar(select(Note).where(Note.owner_id == user.id, Note.meeting_id == meeting.id))


def test_member_sees_agenda_beside_an_empty_note(client, auth, world):
    meeting = nf.meeting(world["cell1"], title="Sinh hoạt tháng Ba")
    auth.login("dangvien")
    response = client.get(f"/meetings/{meeting.id}/note")
    page = text_of(response)
    assert response.status_code == 200
    assert "Sinh hoạt tháng Ba" in page and "Đánh giá công tác tháng" in page
    assert 'data-note-heading="## 2. Đánh giá công tác tháng"' in response.get_data(as_text=True)
    assert "Chưa có ghi chép" in page


def test_autosave_round_trip(client, auth, world):
    meeting = nf.meeting(world["cell1"])
    auth.login("dangvien")
    url = f"/meetings/{meeting.id}/note"
    first = client.post(url, data={"body": "Ý kiến của đồng chí Bích", "version": "0"}, headers=HX)
    assert first.status_code == 200 and text_saved(first) == {"version": 1, "status": "saved"}
    assert "Đã lưu lúc" in text_of(first)
    assert 'id="note-version" name="version" value="1"' in first.get_data(as_text=True)
    second = client.post(url, data={"body": "Ý kiến của đồng chí Bích\nBổ sung", "version": "1"}, headers=HX)
    assert 'value="2"' in second.get_data(as_text=True)
    note = _note(world["users"]["dangvien"], meeting)
    assert note.body == "Ý kiến của đồng chí Bích\nBổ sung" and note.version == 2
    # The search index holds the latest text (it replaced the note's folded copy).
    assert [h.url.endswith(url) for h in search_notes(world["users"]["dangvien"], parse_query("bo sung"))] == [True]
    page = client.get(url)
    assert "Bổ sung" in page.get_data(as_text=True)


def test_form_without_javascript_saves_and_redirects(client, auth, world):
    meeting = nf.meeting(world["cell1"])
    auth.login("dangvien")
    response = client.post(f"/meetings/{meeting.id}/note", data={"body": "Không có JS", "version": "0"},
                           follow_redirects=True)
    assert "Đã lưu ghi chép lúc" in text_of(response)
    assert _note(world["users"]["dangvien"], meeting).body == "Không có JS"


def test_stale_version_keeps_both_texts_and_shows_them(client, auth, world):
    meeting = nf.meeting(world["cell1"])
    member = world["users"]["dangvien"]
    nf.note(member, meeting=meeting, body="Viết trên điện thoại")
    auth.login("dangvien")
    response = client.post(f"/meetings/{meeting.id}/note", data={"body": "Viết trên máy tính", "version": "0"},
                           headers=HX)
    html = response.get_data(as_text=True)
    assert "Hai máy đã lưu hai bản khác nhau" in html and "xin chọn bản muốn giữ" in html
    assert "Viết trên điện thoại" in html and "Viết trên máy tính" in html
    # One save, one answer: 200 (htmx swaps it), the status in words, the event for the device.
    assert response.status_code == 200 and text_saved(response) == {"version": 1, "status": "conflict"}
    assert 'id="note-status"' in html and 'data-state="conflict"' in html
    # The box is left as typed (this device's text), the version it was typed on kept.
    assert 'id="note-body"' not in html and 'id="note-version"' not in html
    note = _note(member, meeting)
    assert note.body == "Viết trên điện thoại" and note.version == 1
    conflict = db.session.scalar(select(TextConflict).where(TextConflict.kind == "note"))
    assert conflict.texts == {"body": "Viết trên máy tính"} and conflict.row_id == note.id
    # After a reload, both texts are still there to choose from.
    reloaded = client.get(f"/meetings/{meeting.id}/note").get_data(as_text=True)
    assert "Viết trên máy tính" in reloaded and "Viết trên điện thoại" in reloaded
    # Without JavaScript: the page shows both texts and the three choices.
    page = client.post(f"/meetings/{meeting.id}/note", data={"body": "Bản thứ ba", "version": "0"})
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "Giữ bản gửi sau" in html and "Giữ cả hai bản" in html
    assert "Bản thứ ba" in html.split('id="note-body"')[1]


def test_same_text_resent_is_not_a_conflict(client, auth, world):
    meeting = nf.meeting(world["cell1"])
    nf.note(world["users"]["dangvien"], meeting=meeting, body="Đã gửi")
    auth.login("dangvien")
    response = client.post(f"/meetings/{meeting.id}/note", data={"body": "Đã gửi", "version": "0"}, headers=HX)
    assert "vừa được sửa" not in response.get_data(as_text=True)
    assert db.session.scalar(select(func.count(NoteRevision.id))) == 0


def test_revision_kept_after_a_pause_and_restored(client, auth, world):
    meeting = nf.meeting(world["cell1"])
    member = world["users"]["dangvien"]
    note = nf.note(member, meeting=meeting, body="Bản đầu")
    auth.login("dangvien")
    url = f"/meetings/{meeting.id}/note"
    client.post(url, data={"body": "Bản đầu, gõ tiếp", "version": "1"}, headers=HX)
    assert db.session.scalar(select(func.count(NoteRevision.id))) == 0  # no pause yet: no row per keystroke
    note = _note(member, meeting)
    note.last_revision_at -= timedelta(minutes=6)
    db.session.commit()
    client.post(url, data={"body": "Bản sau giờ nghỉ", "version": "2"}, headers=HX)
    kept = db.session.scalars(select(NoteRevision)).all()
    assert [r.body for r in kept] == ["Bản đầu, gõ tiếp"]
    history = client.get(f"/notes/{note.id}/history")
    assert "Bản đầu, gõ tiếp" in text_of(history) and "Bản sau giờ nghỉ" in text_of(history)
    restored = client.post(f"/notes/{note.id}/revisions/{kept[0].id}/restore", follow_redirects=True)
    assert "Đã khôi phục" in text_of(restored)
    note = _note(member, meeting)
    assert note.body == "Bản đầu, gõ tiếp" and note.version == 4
    assert "Bản sau giờ nghỉ" in [r.body for r in note.revisions]  # the replaced text is kept too


def test_large_deletion_keeps_the_text_before_it(client, auth, world):
    meeting = nf.meeting(world["cell1"])
    long_text = "Nội dung dài " * 40
    nf.note(world["users"]["dangvien"], meeting=meeting, body=long_text)
    auth.login("dangvien")
    client.post(f"/meetings/{meeting.id}/note", data={"body": "", "version": "1"}, headers=HX)
    assert db.session.scalar(select(NoteRevision.body)) == long_text


def test_too_long_note_is_refused_not_truncated(client, auth, world):
    meeting = nf.meeting(world["cell1"])
    auth.login("dangvien")
    body = "a" * 100_001
    response = client.post(f"/meetings/{meeting.id}/note", data={"body": body, "version": "0"})
    assert response.status_code == 422
    assert "100.000 ký tự" in text_of(response)
    assert body in response.get_data(as_text=True)  # what was typed is still in the box
    assert _note(world["users"]["dangvien"], meeting) is None
    hx = client.post(f"/meetings/{meeting.id}/note", data={"body": body, "version": "0"}, headers=HX)
    assert text_saved(hx)["status"] == "error" and "Chưa lưu — Ghi chép dài quá" in text_of(hx)


def test_control_characters_stripped_and_markdown_escaped(client, auth, world):
    meeting = nf.meeting(world["cell1"])
    auth.login("dangvien")
    body = "## Ý kiến\x00\x07\r\n<script>alert(1)</script> **đậm** [x](javascript:alert(1))"
    client.post(f"/meetings/{meeting.id}/note", data={"body": body, "version": "0"}, headers=HX)
    note = _note(world["users"]["dangvien"], meeting)
    assert note.body == "## Ý kiến\n<script>alert(1)</script> **đậm** [x](javascript:alert(1))"
    html = client.get(f"/notes/{note.id}/history").get_data(as_text=True)
    assert "<script>alert" not in html and "&lt;script&gt;" in html
    assert "<strong>đậm</strong>" in html and "href=\"javascript:" not in html


def test_note_pages_are_not_stored_anywhere(client, auth, world):
    n = nf.note_world(world)
    auth.login("dangvien")
    s = n["section"]
    for url in (f"/meetings/{n['meeting'].id}/note", f"/library/{s.document.slug}/sections/{s.anchor}/note",
                "/notes", f"/notes/{n['meeting_note'].id}/history"):
        response = client.get(url)
        assert response.headers["Cache-Control"] == "no-store", url
        assert 'hx-history="false"' in response.get_data(as_text=True), url


def test_draft_key_is_per_user_and_note(client, auth, world):
    meeting = nf.meeting(world["cell1"])
    auth.login("dangvien")
    html = client.get(f"/meetings/{meeting.id}/note").get_data(as_text=True)
    assert f'data-draft-key="sotay:{world["users"]["dangvien"].id}:meeting-{meeting.id}"' in html


def test_garbled_or_missing_fields_change_nothing(client, auth, world):
    meeting = nf.meeting(world["cell1"])
    nf.note(world["users"]["dangvien"], meeting=meeting, body="Giữ nguyên")
    auth.login("dangvien")
    url = f"/meetings/{meeting.id}/note"
    for data in ({"body": "x", "version": "abc"}, {"body": "x"}, {"version": "1"}, {"body": "x", "version": "-1"}):
        response = client.post(url, data=data)
        assert response.status_code == 422, data
        assert "xin tải lại trang" in text_of(response)
    assert _note(world["users"]["dangvien"], meeting).body == "Giữ nguyên"


def test_note_outlives_its_meeting(client, auth, world):
    meeting = nf.meeting(world["cell1"], title="Buổi họp bị xóa")
    note = nf.note(world["users"]["dangvien"], meeting=meeting, body="Vẫn còn đây")
    db.session.delete(meeting)
    db.session.commit()
    auth.login("dangvien")
    page = text_of(client.get("/notes"))
    assert "Ghi chép khác" in page and "Buổi họp bị xóa" in page and "Vẫn còn đây" in page
    assert "Vẫn còn đây" in text_of(client.get(f"/notes/{note.id}/history"))


def test_two_devices_saving_on_the_same_version_keep_both_texts(app, world):
    """The phone's save lands between this request's read and its write: the write must not
    overwrite the phone's text; it becomes a conflict revision instead."""
    from sqlalchemy import update

    from handbook.notes.editor import _save

    member = world["users"]["dangvien"]
    stored = nf.note(member, meeting=nf.meeting(world["cell1"]), body="Bản đầu")
    note_id, version = stored.id, stored.version
    mine = db.session.get(Note, note_id)  # this request has read the note at `version`
    with db.engine.begin() as phone:  # meanwhile another device's save commits
        phone.execute(update(Note.__table__).where(Note.__table__.c.id == note_id)
                      .values(body="Bản từ điện thoại", version=version + 1))
    result = _save(mine, lambda: db.session.get(Note, note_id), lambda: None, "Bản từ máy tính", version)
    assert result.status == "conflict"
    db.session.expire_all()
    note = db.session.get(Note, note_id)
    assert note.body == "Bản từ điện thoại" and note.version == version + 1
    kept = db.session.scalars(select(TextConflict.texts_json).where(TextConflict.row_id == note_id,
                                                                    TextConflict.kind == "note")).all()
    assert [json.loads(texts) for texts in kept] == [{"body": "Bản từ máy tính"}]
