"""Notes sent from a phone's device copy: the answer tells the page what the server now holds,
and a copy that only goes on from what the server already has is not a conflict."""

from sqlalchemy import func, select

from handbook.editing.models import TextConflict
from handbook.extensions import db
from handbook.meetings.models import ReadReceipt
from handbook.notes.models import Note
from tests import notes_factories as nf
from tests.conftest import text_saved
from tests.meetings.factories import HTMX, meeting


def test_the_answer_names_the_saved_version_and_status(client, auth, world):
    m = nf.meeting(world["cell1"])
    auth.login("dangvien")
    url = f"/meetings/{m.id}/note"
    saved = client.post(url, data={"body": "Bản gõ khi mất sóng", "version": "0"}, headers=HTMX)
    assert text_saved(saved) == {"version": 1, "status": "saved"}
    conflict = client.post(url, data={"body": "Bản khác hẳn", "version": "0"}, headers=HTMX)
    assert conflict.status_code == 200 and text_saved(conflict) == {"version": 1, "status": "conflict"}


def test_a_device_copy_that_goes_on_from_the_stored_text_is_saved_whole(client, auth, world):
    """The page closed offline sent its beacon when the signal came back; the device still
    holds the older version and more text typed after it."""
    m = nf.meeting(world["cell1"])
    member = world["users"]["dangvien"]
    nf.note(member, meeting=m, body="Ý kiến: giữ nếp sinh hoạt.")  # version 1, from the beacon
    auth.login("dangvien")
    response = client.post(f"/meetings/{m.id}/note", headers=HTMX,
                           data={"body": "Ý kiến: giữ nếp sinh hoạt. Thêm một câu.", "version": "0"})
    assert text_saved(response)["status"] == "saved"
    note = db.session.scalar(select(Note).where(Note.owner_id == member.id, Note.meeting_id == m.id))
    assert note.body == "Ý kiến: giữ nếp sinh hoạt. Thêm một câu." and note.version == 2
    assert db.session.scalar(select(func.count(TextConflict.id))) == 0


def test_keeping_an_agenda_on_the_phone_is_not_reading_it(client, auth, world):
    m = meeting(world["cell1"], status="published")
    auth.login("dangvien")
    assert client.get(f"/meetings/{m.id}", headers={"X-Offline-Prefetch": "1"}).status_code == 200
    assert db.session.scalar(select(ReadReceipt)) is None
    client.get(f"/meetings/{m.id}")
    assert db.session.scalar(select(ReadReceipt.user_id)) == world["users"]["dangvien"].id


def test_opening_an_agenda_the_phone_kept_counts_as_reading_it(client, auth, world):
    """The browser asks again about the copy the phone's worker fetched (its ETag): the copy is
    current (304), and the member's opening is recorded all the same."""
    m = meeting(world["cell1"], status="published")
    auth.login("dangvien")
    kept = client.get(f"/meetings/{m.id}", headers={"X-Offline-Prefetch": "1"})
    assert db.session.scalar(select(ReadReceipt)) is None
    opened = client.get(f"/meetings/{m.id}", headers={"If-None-Match": kept.headers["ETag"]})
    assert opened.status_code == 304
    assert db.session.scalar(select(ReadReceipt.user_id)) == world["users"]["dangvien"].id
    # The worker confirming its copy again records nothing more, and changes nothing.
    again = client.get(f"/meetings/{m.id}", headers={"X-Offline-Prefetch": "1", "If-None-Match": kept.headers["ETag"]})
    assert again.status_code == 304 and len(db.session.scalars(select(ReadReceipt)).all()) == 1
