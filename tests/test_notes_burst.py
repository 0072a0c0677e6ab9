"""An autosave typed on within a burst is saved by one UPDATE … WHERE version: the same rules as
every save (a version moved by another device or server keeps both texts; a big removal keeps
the text before it; the same text changes nothing), and the search finds the new text."""

from sqlalchemy import func, select, text, update

from handbook.editing.models import TextConflict
from handbook.extensions import db
from handbook.meetings.models import Meeting
from handbook.notes.models import Note, NoteRevision
from handbook.notes.search import search_notes
from handbook.vietnamese import parse_query
from tests import notes_factories as nf
from tests.conftest import text_saved

HX = {"HX-Request": "true"}


def _stored(note_id: int) -> Note:
    db.session.expire_all()
    return db.session.get(Note, note_id)


def _typed_once(client, auth, world, body: str):
    """dangvien's note on a cell 1 meeting, saved once from the page (version 2): the burst's start."""
    meeting = nf.meeting(world["cell1"])
    note = nf.note(world["users"]["dangvien"], meeting=meeting, body=body)
    auth.login("dangvien")
    url = f"/meetings/{meeting.id}/note"
    assert text_saved(client.post(url, data={"body": f"{body}, gõ tiếp", "version": "1"}, headers=HX)) == {
        "version": 2, "status": "saved"}
    return meeting, note, url


def test_a_save_from_another_server_between_two_keystrokes_keeps_both_texts(client, auth, world):
    meeting, note, url = _typed_once(client, auth, world, "Bản đầu")
    with db.engine.begin() as other_server:  # the phone's save, through another server
        other_server.execute(update(Note.__table__).where(Note.__table__.c.id == note.id)
                             .values(body="Bản từ điện thoại", version=3))
    answer = client.post(url, data={"body": "Bản đầu, gõ tiếp nữa", "version": "2"}, headers=HX)
    assert text_saved(answer) == {"version": 3, "status": "conflict"}
    stored = _stored(note.id)
    assert stored.body == "Bản từ điện thoại" and stored.version == 3
    kept = db.session.scalars(select(TextConflict).where(TextConflict.row_id == note.id)).all()
    assert [c.texts for c in kept] == [{"body": "Bản đầu, gõ tiếp nữa"}]


def test_a_big_removal_within_a_burst_keeps_the_text_before_it(client, auth, world):
    meeting = nf.meeting(world["cell1"])
    long_text = "Nội dung dài " * 40
    note = nf.note(world["users"]["dangvien"], meeting=meeting, body="Mở đầu")
    auth.login("dangvien")
    url = f"/meetings/{meeting.id}/note"
    client.post(url, data={"body": long_text, "version": "1"}, headers=HX)
    assert db.session.scalar(select(func.count(NoteRevision.id))) == 0  # typing on: no revision
    client.post(url, data={"body": "Ngắn", "version": "2"}, headers=HX)
    assert db.session.scalars(select(NoteRevision.body)).all() == [long_text]
    assert _stored(note.id).body == "Ngắn"


def test_the_same_text_resent_within_a_burst_changes_nothing(client, auth, world):
    meeting = nf.meeting(world["cell1"])
    note = nf.note(world["users"]["dangvien"], meeting=meeting, body="Đã gửi")
    auth.login("dangvien")
    answer = client.post(f"/meetings/{meeting.id}/note", data={"body": "Đã gửi", "version": "1"}, headers=HX)
    assert text_saved(answer) == {"version": 1, "status": "unchanged"}
    assert _stored(note.id).version == 1


def test_search_finds_the_text_saved_within_a_burst_and_not_the_one_before(client, auth, world):
    member = world["users"]["dangvien"]
    meeting = nf.meeting(world["cell1"])
    nf.note(member, meeting=meeting, body="Ý kiến về kỷ luật")
    auth.login("dangvien")
    client.post(f"/meetings/{meeting.id}/note", data={"body": "Ý kiến về học tập", "version": "1"}, headers=HX)
    assert search_notes(member, parse_query("học tập"))
    assert not search_notes(member, parse_query("kỷ luật"))


def test_a_burst_on_another_members_meeting_note_writes_only_ones_own(client, auth, world):
    meeting = nf.meeting(world["cell1"])
    mine = nf.note(world["users"]["dangvien"], meeting=meeting, body="Của tôi")
    auth.login("bithu")
    answer = client.post(f"/meetings/{meeting.id}/note", data={"body": "Của người khác", "version": "1"}, headers=HX)
    assert answer.status_code == 200
    assert _stored(mine.id).body == "Của tôi"


def test_a_burst_on_a_meeting_the_member_no_longer_sees_is_refused(client, auth, world):
    """The quick save says "a meeting I may see" in its own UPDATE: a meeting turned back into a
    draft on another server takes the member's saves away at once."""
    meeting, note, url = _typed_once(client, auth, world, "Trước")
    with db.engine.begin() as other_server:
        other_server.execute(update(Meeting.__table__).where(Meeting.__table__.c.id == meeting.id)
                             .values(status="draft"))
    answer = client.post(url, data={"body": "Trước, gõ tiếp nữa", "version": "2"}, headers=HX)
    assert answer.status_code == 404
    assert _stored(note.id).body == "Trước, gõ tiếp"


def test_a_committee_admin_saves_in_a_burst_on_a_meeting_below(client, auth, world):
    """An admin above the cell sees its meetings by the organisations' tree, which the quick
    save's rule does not hold: the full save, the same answers."""
    meeting = nf.meeting(world["cell1"])
    note = nf.note(world["users"]["capuy"], meeting=meeting, body="Cấp ủy ghi")
    auth.login("capuy")
    url = f"/meetings/{meeting.id}/note"
    for version, body in ((1, "Cấp ủy ghi thêm"), (2, "Cấp ủy ghi thêm nữa")):
        assert text_saved(client.post(url, data={"body": body, "version": str(version)}, headers=HX)) == {
            "version": version + 1, "status": "saved"}
    assert _stored(note.id).body == "Cấp ủy ghi thêm nữa"


def test_a_burst_save_writes_the_search_entry_anew_when_it_is_missing(client, auth, world):
    """The entry is rewritten in place; one that is not there (an index being rebuilt) is made."""
    member = world["users"]["dangvien"]
    meeting = nf.meeting(world["cell1"])
    note = nf.note(member, meeting=meeting, body="Ý kiến đầu")
    auth.login("dangvien")
    url = f"/meetings/{meeting.id}/note"
    client.post(url, data={"body": "Ý kiến về học tập", "version": "1"}, headers=HX)
    with db.engine.begin() as other_server:
        other_server.execute(text("DELETE FROM search_entry WHERE kind = 'note' AND ref_id = :id"), {"id": note.id})
    assert text_saved(client.post(url, data={"body": "Ý kiến về thi đua", "version": "2"}, headers=HX)) == {
        "version": 3, "status": "saved"}
    assert search_notes(member, parse_query("thi đua"))
