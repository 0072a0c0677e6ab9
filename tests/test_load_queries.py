"""Work an evening's most frequent request must not repeat: counted in queries, never timed."""

from contextlib import contextmanager

from sqlalchemy import event, select

from handbook.extensions import db
from handbook.notes.models import Note
from tests import notes_factories as nf

HX = {"HX-Request": "true"}


@contextmanager
def statements():
    seen: list[str] = []

    def record(conn, cursor, statement, parameters, context, executemany):
        seen.append(" ".join(statement.split()))

    event.listen(db.engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(db.engine, "before_cursor_execute", record)


def test_autosave_in_a_burst_is_one_update_and_counts_no_notifications(client, auth, world):
    meeting = nf.meeting(world["cell1"])
    auth.login("dangvien")
    url = f"/meetings/{meeting.id}/note"
    client.post(url, data={"body": "Ý kiến thứ nhất", "version": "0"}, headers=HX)
    with statements() as seen:
        answer = client.post(url, data={"body": "Ý kiến thứ hai", "version": "1"}, headers=HX)
    assert 'id="note-version" name="version" value="2"' in answer.get_data(as_text=True)
    # Typing on within a burst: the note is written by one UPDATE … WHERE version, never read first.
    assert not [s for s in seen if s.startswith("SELECT") and "FROM note" in s]
    assert len([s for s in seen if s.startswith("UPDATE note ")]) == 1
    assert not [s for s in seen if "FROM notification" in s]
    assert db.session.scalar(select(Note.body).where(Note.meeting_id == meeting.id)) == "Ý kiến thứ hai"


def test_autosave_answer_does_not_read_back_what_it_wrote(client, auth, world):
    meeting = nf.meeting(world["cell1"])
    auth.login("dangvien")
    url = f"/meetings/{meeting.id}/note"
    client.post(url, data={"body": "Ý kiến thứ nhất", "version": "0"}, headers=HX)
    with statements() as seen:
        answer = client.post(url, data={"body": "Ý kiến thứ hai", "version": "1"}, headers=HX)
    text = answer.get_data(as_text=True)
    assert 'id="note-version" name="version" value="2"' in text and "Đã lưu lúc" in text
    update = next(i for i, s in enumerate(seen) if s.startswith("UPDATE note "))
    assert not [s for s in seen[update + 1:] if s.startswith("SELECT")]
    # A member of the meeting's cell is let in on the ids: the cell itself is never loaded.
    assert not [s for s in seen if "FROM organization" in s]


def test_full_page_still_shows_the_unread_count(client, auth, world):
    meeting = nf.meeting(world["cell1"])
    auth.login("dangvien")
    with statements() as seen:
        page = client.get(f"/meetings/{meeting.id}")
    assert page.status_code == 200
    assert [s for s in seen if "FROM notification" in s]


def test_member_session_and_roles_come_in_one_query(client, auth, world):
    auth.login("bithu")  # a secretary: has roles to load
    with statements() as seen:
        page = client.get("/meetings")
    assert page.status_code == 200
    session_reads = [s for s in seen if "FROM login_session" in s]
    assert len(session_reads) == 1
    assert "role_assignment" in session_reads[0]
    assert not [s for s in seen if s.startswith("SELECT") and "FROM role_assignment" in s]


def test_a_members_return_to_the_meeting_page_does_not_load_the_agenda_again(client, auth, world):
    # The agenda comes rendered from the cache; whether it has a review item is one EXISTS.
    meeting = nf.meeting(world["cell1"])
    auth.login("dangvien")
    assert client.get(f"/meetings/{meeting.id}").status_code == 200
    with statements() as seen:
        page = client.get(f"/meetings/{meeting.id}")
    assert page.status_code == 200 and "Đánh giá công tác tháng" in page.get_data(as_text=True)
    assert not [s for s in seen if "agenda_item.title" in s or "FROM agenda_link" in s]
