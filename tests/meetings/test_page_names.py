"""Names the meeting page shows of other rows — its cell's (as borne on the meeting's day) and
each reviewed task's owner — reach the page's caches and its ETag when changed straight in the
database, as another worker or server would (migration 0028: they move the meeting's version)."""

from datetime import date, timedelta

from sqlalchemy import text

from handbook.extensions import db
from tests.conftest import text_of
from tests.meetings.factories import meeting
from tests.meetings.page_helpers import review_setup


def _elsewhere(sql: str, **params) -> None:
    db.session.execute(text(sql), params)
    db.session.commit()


def _revisit(client, path, tag):
    return client.get(path, headers={"If-None-Match": tag})


def test_a_cell_renamed_elsewhere_shows_on_its_meetings_page(client, auth, world):
    m = meeting(world["cell1"], status="published")
    auth.login("dangvien")
    path = f"/meetings/{m.id}"
    first = client.get(path)
    tag = first.headers["ETag"]
    assert _revisit(client, path, tag).status_code == 304
    _elsewhere("UPDATE organization SET name = 'Chi bộ Đổi Tên Mới' WHERE id = :id", id=world["cell1"].id)
    again = _revisit(client, path, tag)
    assert again.status_code == 200 and "Chi bộ Đổi Tên Mới" in text_of(again)
    assert "Chi bộ Đổi Tên Mới" in text_of(client.get(path))  # the shared parts, drawn afresh


def test_a_past_name_recorded_elsewhere_shows_on_an_old_meetings_page(client, auth, world):
    """A meeting held under the cell's former name shows that name once the history records it."""
    m = meeting(world["cell1"], status="held", starts_in=timedelta(days=-60))
    auth.login("dangvien")
    path = f"/meetings/{m.id}"
    tag = client.get(path).headers["ETag"]
    _elsewhere("INSERT INTO organization_name (org_id, name, valid_from, valid_to) VALUES (:id, :name, NULL, :to)",
               id=world["cell1"].id, name="Chi bộ Tên Cũ", to=date.today())
    again = _revisit(client, path, tag)
    assert again.status_code == 200 and "Chi bộ Tên Cũ" in text_of(again)
    _elsewhere("UPDATE organization_name SET name = 'Chi bộ Tên Xưa' WHERE org_id = :id", id=world["cell1"].id)
    assert "Chi bộ Tên Xưa" in text_of(client.get(path))


def test_a_task_owner_renamed_elsewhere_shows_under_the_review_item(client, auth, world):
    nxt = review_setup(world)
    auth.login("dangvien2")
    path = f"/meetings/{nxt.id}"
    first = client.get(path)
    owner = world["users"]["dangvien"]
    assert owner.full_name in text_of(first)
    tag = first.headers["ETag"]
    _elsewhere('UPDATE "user" SET full_name = :name WHERE id = :id', name="Nguyễn Văn Đổi Tên", id=owner.id)
    again = _revisit(client, path, tag)
    assert again.status_code == 200 and "Nguyễn Văn Đổi Tên" in text_of(again)
    assert "Nguyễn Văn Đổi Tên" in text_of(client.get(path))


_RENAME = 'UPDATE "user" SET full_name = :name WHERE id = :id'


def _on_a_plain_connection(sql: str, **params) -> None:
    """Another worker's write: its own connection and transaction, nothing of this app's session."""
    db.session.commit()
    with db.engine.begin() as connection:
        connection.execute(text(sql), params)


def test_a_signer_renamed_elsewhere_shows_in_the_minutes_signatures(client, auth, world):
    """The final minutes' signature lines name the signers as they are called now (the record's
    own chair and note-taker lines are the text signed, and keep the names it holds)."""
    from tests.meetings.minutes.test_minutes import complete

    m = meeting(world["cell1"], status="held", starts_in=timedelta(hours=-3))
    complete(client, auth, m)
    auth.logout()
    auth.login("dangvien2")
    path = f"/meetings/{m.id}"
    first = client.get(path)
    chair, note_taker = world["users"]["bithu"], world["users"]["dangvien"]
    assert f"Chủ trì {chair.full_name} đã ký xác nhận" in text_of(first)
    assert f"Thư ký {note_taker.full_name} đã ký xác nhận" in text_of(first)
    tag = first.headers["ETag"]
    _on_a_plain_connection(_RENAME, name="Trần Thị Đổi Tên", id=note_taker.id)
    again = _revisit(client, path, tag)
    assert again.status_code == 200 and "Thư ký Trần Thị Đổi Tên đã ký xác nhận" in text_of(again)
    assert "Thư ký Trần Thị Đổi Tên đã ký xác nhận" in text_of(client.get(path))  # the shared parts, drawn afresh
    _on_a_plain_connection(_RENAME, name="Lê Văn Chủ Trì", id=chair.id)
    assert "Chủ trì Lê Văn Chủ Trì đã ký xác nhận" in text_of(client.get(path))
