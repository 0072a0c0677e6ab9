"""Conditional requests on pack pages: 304 with no body and no rendering while nothing the
member would see has changed; 200 with a new validator after a change."""

from contextlib import contextmanager

from flask import template_rendered
from sqlalchemy import event, select

from handbook.extensions import db
from handbook.library.models import Document
from handbook.meetings.models import Notification
from tests.meetings.factories import HTMX, meeting


def conditional(client, path, tag):
    return client.get(path, headers={"If-None-Match": tag})


@contextmanager
def counting(app):
    """Statements run and templates rendered while the block runs."""
    seen = {"statements": 0, "templates": 0}

    def statement(*args):
        seen["statements"] += 1

    def rendered(sender, template, context, **extra):
        seen["templates"] += 1

    engine = db.engine
    event.listen(engine, "before_cursor_execute", statement)
    template_rendered.connect(rendered, app)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", statement)
        template_rendered.disconnect(rendered, app)


def test_meeting_page_answers_304_cheaply_then_200_after_the_agenda_changes(app, client, auth, world):
    m = meeting(world["cell1"], status="published")
    auth.login("dangvien")
    path = f"/meetings/{m.id}"
    first = client.get(path)
    tag = first.headers["ETag"]
    with counting(app) as seen:
        again = conditional(client, path, tag)
    assert again.status_code == 304 and again.data == b""
    # The validator's one statement, which reads the member's own version fresh too (the login
    # session is the worker's copy, whose version may be half a minute old); nothing rendered.
    assert seen == {"statements": 1, "templates": 0}


def test_same_login_sees_200_after_a_change_and_304_again_after(client, auth, world):
    m = meeting(world["cell1"], status="published")
    auth.login("dangvien")
    path = f"/meetings/{m.id}"
    tag = client.get(path).headers["ETag"]
    assert conditional(client, path, tag).status_code == 304
    m.title = "Sinh hoạt chi bộ (đổi giờ)"
    db.session.commit()  # updated_at moves, as every edit of the meeting does
    changed = conditional(client, path, tag)
    assert changed.status_code == 200 and "Sinh hoạt chi bộ (đổi giờ)" in changed.get_data(as_text=True)
    assert changed.headers["ETag"] != tag
    assert conditional(client, path, changed.headers["ETag"]).status_code == 304


def test_own_rsvp_and_the_bell_change_the_validator(client, auth, world):
    m = meeting(world["cell1"], status="published")
    auth.login("dangvien")
    path = f"/meetings/{m.id}"
    tag = client.get(path).headers["ETag"]
    client.post(f"/meetings/{m.id}/rsvp", data={"answer": "yes"})
    answered = conditional(client, path, tag)
    assert answered.status_code == 200 and "ETag" not in answered.headers  # a flashed message: rendered afresh
    tag = client.get(path).headers["ETag"]
    db.session.add(Notification(user_id=world["users"]["dangvien"].id, meeting_id=m.id, kind="changed",
                                message="Chương trình họp thay đổi"))
    db.session.commit()
    assert conditional(client, path, tag).status_code == 200  # the bell's count is on the page


def test_note_page_revalidates_on_the_notes_version(client, auth, world):
    m = meeting(world["cell1"], status="published")
    auth.login("dangvien")
    path = f"/meetings/{m.id}/note"
    tag = client.get(path).headers["ETag"]
    assert conditional(client, path, tag).status_code == 304
    client.post(path, data={"body": "Ý kiến phát biểu", "version": 0}, headers=HTMX)
    changed = conditional(client, path, tag)
    assert changed.status_code == 200 and "Ý kiến phát biểu" in changed.get_data(as_text=True)
    assert changed.headers["Cache-Control"] == "no-store"  # no browser cache keeps a note


def test_reader_revalidates_on_the_document_and_the_members_marks(client, auth, world):
    auth.login("dangvien")
    path = "/library/08-qdi-tw"
    tag = client.get(path).headers["ETag"]
    assert conditional(client, path, tag).status_code == 304
    client.post(f"{path}/bookmark/dieu-3")
    assert conditional(client, path, tag).status_code == 200
    tag = client.get(path).headers["ETag"]
    document = db.session.scalar(select(Document).where(Document.slug == "08-qdi-tw"))
    document.title = document.title + " (sửa đổi)"
    db.session.commit()
    assert conditional(client, path, tag).status_code == 200


def test_another_members_validator_gets_nothing(client, auth, world):
    m = meeting(world["cell1"], status="published")
    auth.login("dangvien")
    tag = client.get(f"/meetings/{m.id}").headers["ETag"]
    auth.logout()
    auth.login("dangvien3")  # cell 2: may not see cell 1's meeting, whatever it sends
    assert conditional(client, f"/meetings/{m.id}", tag).status_code == 404
    assert conditional(client, f"/meetings/{m.id}", "*").status_code == 404


def test_the_devices_reading_size_is_part_of_the_validator(client, auth, world):
    """A− / A+ offline changes only the device's cookie: the next visit with signal must not be
    told 304 and keep the page drawn at the old size."""
    m = meeting(world["cell1"], status="published")
    auth.login("dangvien")
    path = f"/meetings/{m.id}"
    tag = client.get(path).headers["ETag"]
    client.set_cookie("sotay_text", "2")
    fresh = conditional(client, path, tag)
    assert fresh.status_code == 200 and 'class="fs-2"' in fresh.get_data(as_text=True)
