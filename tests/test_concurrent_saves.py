"""Secretary and deputy editing the same agenda or minutes at once: whichever save lands second,
both texts are kept — one stored, the other kept beside it or shown back to be merged."""

import json
from datetime import timedelta

import pytest
from sqlalchemy import func, select, update

from handbook.editing.models import TextConflict
from handbook.extensions import db
from handbook.meetings.agenda import service as agenda
from handbook.meetings.minutes import service as minutes_service
from handbook.meetings.models import AgendaItem, Meeting, Minutes, MinutesSignature
from tests.conftest import text_of, text_saved
from tests.meetings.factories import HTMX, meeting
from tests.meetings.minutes.test_minutes import form


@pytest.fixture
def deputy(make, world):
    return make.user("phobithu", cell=world["cell1"], role="deputy", full_name="Trần Thị Phó")


def _stored(m) -> Minutes:
    db.session.expire_all()
    return db.session.scalar(select(Minutes).where(Minutes.meeting_id == m.id))


def _copies(m) -> list[dict]:
    rows = db.session.scalars(select(TextConflict).join(Minutes, Minutes.id == TextConflict.row_id)
                              .where(TextConflict.kind == "minutes", Minutes.meeting_id == m.id))
    return [json.loads(row.texts_json) | {"based_on": row.based_on} for row in rows]


def test_minutes_saved_on_a_replaced_version_keep_both_texts(client, auth, world, deputy):
    m = meeting(world["cell1"], status="held", starts_in=timedelta(hours=-3))
    auth.login("bithu")
    client.get(f"/meetings/{m.id}/minutes")
    typed_on = form(m)  # the secretary's page, open on this version
    auth.logout()
    auth.login("phobithu")
    client.post(f"/meetings/{m.id}/minutes", headers=HTMX, data=form(m, conclusions="Kết luận của phó bí thư."))
    auth.logout()
    auth.login("bithu")
    mine = {**typed_on, "conclusions": "Kết luận của bí thư."}
    autosaved = client.post(f"/meetings/{m.id}/minutes", headers=HTMX, data=mine)
    assert autosaved.status_code == 200 and text_saved(autosaved)["status"] == "conflict"
    assert "vừa được lưu từ máy khác" in text_of(autosaved) and "Cả hai bản đều được giữ" in text_of(autosaved)
    assert 'id="minutes-version"' not in autosaved.get_data(as_text=True)  # the page stays on its version
    more = {**mine, "conclusions": "Kết luận của bí thư, gõ thêm."}
    client.post(f"/meetings/{m.id}/minutes", headers=HTMX, data=more)
    stored = _stored(m)
    assert stored.conclusions == "Kết luận của phó bí thư."
    # One kept copy per author and version, holding the latest text typed.
    assert [(c["conclusions"], c["based_on"]) for c in _copies(m)] == [("Kết luận của bí thư, gõ thêm.", 0)]
    # Saving without htmx shows both texts in the box, on the current version, to merge.
    page = client.post(f"/meetings/{m.id}/minutes", data=mine)
    html = page.get_data(as_text=True)
    assert page.status_code == 409 and "các ô dưới đây có cả hai bản" in text_of(page)
    assert "Kết luận của phó bí thư." in html and "Kết luận của bí thư." in html
    assert f'id="minutes-version" name="version" value="{stored.version}"' in html
    assert "Hai máy đã lưu hai bản khác nhau" in text_of(page)
    merged = client.post(f"/meetings/{m.id}/minutes", data={**form(m), "conclusions": "Kết luận đã gộp."})
    assert merged.status_code == 302 and _stored(m).conclusions == "Kết luận đã gộp."


def test_minutes_saved_at_the_same_moment_on_the_same_version_keep_both_texts(client, auth, world, deputy,
                                                                             monkeypatch):
    """The deputy's save commits between this request's read and its write: the write must not
    overwrite it (the UPDATE is conditional on the version read); ours becomes a kept copy."""
    m = meeting(world["cell1"], status="held", starts_in=timedelta(hours=-3))
    auth.login("bithu")
    client.get(f"/meetings/{m.id}/minutes")
    version = _stored(m).version
    original = minutes_service.save
    raced = []

    def deputy_lands_first(record, *args):
        if not raced:
            raced.append(True)
            with db.engine.begin() as other:
                other.execute(update(Minutes.__table__).where(Minutes.__table__.c.meeting_id == m.id)
                              .values(conclusions="Kết luận của phó bí thư.", version=version + 1))
        return original(record, *args)

    monkeypatch.setattr(minutes_service, "save", deputy_lands_first)
    response = client.post(f"/meetings/{m.id}/minutes", headers=HTMX, data=form(m, conclusions="Của bí thư."))
    assert text_saved(response)["status"] == "conflict"
    stored = _stored(m)
    assert stored.conclusions == "Kết luận của phó bí thư." and stored.version == version + 1
    assert [(c["conclusions"], c["based_on"]) for c in _copies(m)] == [("Của bí thư.", version)]


def test_signing_minutes_read_on_a_replaced_version_signs_nothing(client, auth, world, deputy):
    m = meeting(world["cell1"], status="held", starts_in=timedelta(hours=-3))
    auth.login("bithu")
    client.get(f"/meetings/{m.id}/minutes")
    client.post(f"/meetings/{m.id}/minutes", data=form(m))
    read = _stored(m).version  # the secretary's page, open on this version
    auth.logout()
    auth.login("phobithu")
    client.post(f"/meetings/{m.id}/minutes", data=form(m, resolution="Nghị quyết của phó bí thư."))
    auth.logout()
    auth.login("bithu")
    response = client.post(f"/meetings/{m.id}/minutes/sign", data={"version": str(read)})
    assert response.status_code == 409
    stored = _stored(m)
    assert stored.status == "draft" and db.session.get(Meeting, m.id).status == "held"
    signed = select(func.count(MinutesSignature.id)).where(MinutesSignature.minutes_id == stored.id)
    assert db.session.scalar(signed) == 0


def deputy_lands_after_the_check(monkeypatch, statements) -> None:
    """The deputy's save commits right after this request has checked the form's version."""
    original = agenda.check_seq

    def check_then_deputy_saves(meeting_, sent):
        original(meeting_, sent)
        with db.engine.begin() as other:
            for statement in statements:
                other.execute(statement)

    monkeypatch.setattr(agenda, "check_seq", check_then_deputy_saves)


def test_agenda_items_saved_at_the_same_moment_keep_both_texts(client, auth, world, deputy, monkeypatch):
    """The deputy's edit of the same item commits after this request checked its version: the
    secretary's write is refused, not laid over it, and the secretary's text stays in the form."""
    m = meeting(world["cell1"], status="published")
    item = m.items[0]
    seq = m.edit_seq
    deputy_lands_after_the_check(monkeypatch, (
        update(AgendaItem.__table__).where(AgendaItem.__table__.c.id == item.id)
        .values(title="Khai mạc (bản của phó bí thư)"),
        update(Meeting.__table__).where(Meeting.__table__.c.id == m.id).values(edit_seq=seq + 1)))
    auth.login("bithu")
    response = client.post(f"/meetings/{m.id}/items/{item.id}", headers=HTMX,
                           data={"title": "Khai mạc (bản của bí thư)", "seq": str(seq)})
    html = response.get_data(as_text=True)
    assert "Chương trình vừa được người khác sửa" in text_of(response)
    assert "Khai mạc (bản của bí thư)" in html and "Khai mạc (bản của phó bí thư)" in html
    db.session.expire_all()
    stored = db.session.get(Meeting, m.id)
    assert stored.edit_seq == seq + 1 and stored.items[0].title == "Khai mạc (bản của phó bí thư)"
    assert stored.version == 1  # the refused edit made no version members are told of


def test_agenda_details_saved_at_the_same_moment_keep_both(client, auth, world, deputy, monkeypatch):
    m = meeting(world["cell1"], status="draft")
    seq = m.edit_seq
    deputy_lands_after_the_check(monkeypatch, (
        update(Meeting.__table__).where(Meeting.__table__.c.id == m.id)
        .values(title="Tên của phó bí thư", edit_seq=seq + 1),))
    auth.login("bithu")
    starts = m.starts_at
    from tests.meetings.agenda.test_agenda import local

    response = client.post(f"/meetings/{m.id}/edit", data={
        "kind": "regular", "title": "Tên của bí thư", "starts_at": local(starts),
        "ends_at": local(starts + timedelta(minutes=120)), "location": "", "seq": str(seq)})
    html = response.get_data(as_text=True)
    assert response.status_code == 409
    assert 'value="Tên của bí thư"' in html and "“Tên của phó bí thư”" in html
    assert f'value="{seq + 1}"' in html  # a second save, after review, is accepted
    db.session.expire_all()
    assert db.session.get(Meeting, m.id).title == "Tên của phó bí thư"
    assert db.session.scalar(select(func.count(Meeting.id)).where(Meeting.title == "Tên của bí thư")) == 0


def test_the_same_text_sent_twice_on_one_version_is_no_conflict(client, auth, world):
    """An autosave still on its way when 'Lưu nháp' is clicked: both carry the version the page
    had, and the same text, so the second finds nothing to keep apart."""
    m = meeting(world["cell1"], status="held", starts_in=timedelta(hours=-3))
    auth.login("bithu")
    client.get(f"/meetings/{m.id}/minutes")
    sent = form(m)
    client.post(f"/meetings/{m.id}/minutes", headers=HTMX, data=sent)
    assert client.post(f"/meetings/{m.id}/minutes", data=sent).status_code == 302
    assert _stored(m).conclusions == sent["conclusions"] and _copies(m) == []
