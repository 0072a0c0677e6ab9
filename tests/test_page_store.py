"""A page drawn under a tag is answered again, while the tag holds, from the worker's copy of
it (handbook/page_store.py): the same bytes and headers as drawing it, one statement (the
validator) instead of the page's reads; never another member's or login's page, never an
older state, never a personal page."""

import brotli
import pytest
from sqlalchemy import event, update

from handbook.extensions import db
from handbook.meetings.models import AgendaItem
from tests.conftest import without_csrf
from tests.library_factories import long_document
from tests.meetings.factories import meeting

# What differs between two answers of the same page: the request's own line and time.
PER_REQUEST = {"date", "x-request-id"}


@pytest.fixture
def statements(app):
    seen: list[str] = []

    def record(conn, cursor, statement, *rest):
        seen.append(statement)

    with app.app_context():
        engine = db.engine
    event.listen(engine, "before_cursor_execute", record)
    yield seen
    event.remove(engine, "before_cursor_execute", record)


@pytest.fixture
def agenda(world):
    return meeting(world["cell1"], status="published", title="Họp chi bộ tháng Mười Hai")


def _headers(answer) -> dict:
    return {name: value for name, value in answer.headers.items() if name.lower() not in PER_REQUEST}


def test_the_second_visit_is_the_page_kept_from_the_first(client, auth, agenda, statements):
    auth.login("dangvien")
    client.get(f"/meetings/{agenda.id}")  # the first opening records the read receipt: not kept
    drawn = client.get(f"/meetings/{agenda.id}")
    statements.clear()
    again = client.get(f"/meetings/{agenda.id}")
    assert again.status_code == 200
    assert again.data == drawn.data and "Họp chi bộ tháng Mười Hai" in again.text
    assert _headers(again) == _headers(drawn)  # ETag, Vary, Cache-Control, CSP, the pack's mark
    assert again.headers["Cache-Control"] == "private, no-cache" and "X-Offline-Pack" in again.headers
    assert len(statements) == 1  # the validator: nothing of the page is read again


def test_it_is_kept_compressed_as_it_was_sent(client, auth, agenda, statements):
    auth.login("dangvien")
    plain = client.get(f"/meetings/{agenda.id}").text
    drawn = client.get(f"/meetings/{agenda.id}", headers={"Accept-Encoding": "br"})
    statements.clear()
    kept = client.get(f"/meetings/{agenda.id}", headers={"Accept-Encoding": "br"})
    assert len(statements) == 1 and kept.data == drawn.data
    assert kept.headers["Content-Encoding"] == "br" and kept.headers["Date"]  # this answer's time
    assert _headers(kept) == _headers(drawn)
    assert without_csrf(brotli.decompress(kept.data).decode()) == without_csrf(plain)
    # And plain for a browser asking plain: drawn again, so only its CSRF token's second may differ.
    assert without_csrf(client.get(f"/meetings/{agenda.id}")) == without_csrf(plain)


def test_a_change_by_any_writer_is_seen_at_once(client, auth, agenda):
    auth.login("dangvien")
    client.get(f"/meetings/{agenda.id}")
    client.get(f"/meetings/{agenda.id}")
    # Another worker's bulk statement, past this process's ORM: the meeting's version moves.
    with db.engine.begin() as connection:
        connection.execute(update(AgendaItem).where(AgendaItem.meeting_id == agenda.id, AgendaItem.position == 2)
                           .values(title="Thảo luận nghị quyết mới"))
    assert "Thảo luận nghị quyết mới" in client.get(f"/meetings/{agenda.id}").text


def test_each_login_gets_its_own_page(client, auth, agenda, world):
    auth.login("dangvien")
    client.get(f"/meetings/{agenda.id}")
    mine = client.get(f"/meetings/{agenda.id}")
    auth.logout()
    auth.login("dangvien2")
    theirs = client.get(f"/meetings/{agenda.id}")
    # The layout names the login's member for the phone's worker (their offline copies).
    ids = world["users"]["dangvien"].id, world["users"]["dangvien2"].id
    assert f'data-offline-user="{ids[1]}"' in theirs.text and f'data-offline-user="{ids[0]}"' in mine.text
    # Their first opening recorded its receipt and was not kept: the next one is drawn again.
    assert without_csrf(client.get(f"/meetings/{agenda.id}")) == without_csrf(theirs) != without_csrf(mine)


def test_personal_pages_are_drawn_each_time(client, auth, world, statements):
    """An absence reason, the minutes' attendance, a note: `no-store` for the browser, and not
    kept by the server either."""
    held = meeting(world["cell1"], status="held")
    auth.login("dangvien")
    for path in (f"/meetings/{held.id}", f"/meetings/{held.id}/note"):
        client.get(path)
        client.get(path)
        statements.clear()
        answer = client.get(path)
        assert answer.status_code == 200 and answer.headers["Cache-Control"] == "no-store", path
        assert len(statements) > 1, path


def test_each_page_of_a_document_is_its_own(client, auth, world):
    document = long_document(slug="quy-dinh-dai")
    auth.login("dangvien")
    first = client.get(f"/library/{document.slug}")
    client.get(f"/library/{document.slug}")
    second = client.get(f"/library/{document.slug}?trang=2")
    assert second.status_code == 200 and second.data != first.data
    assert without_csrf(client.get(f"/library/{document.slug}")) == without_csrf(first)


def test_a_waiting_message_is_shown_not_a_kept_page(client, auth, agenda):
    auth.login("dangvien")
    client.get(f"/meetings/{agenda.id}")
    client.get(f"/meetings/{agenda.id}")
    with client.session_transaction() as session:
        session["_flashes"] = [("success", "Đã ghi nhận đăng ký của đồng chí.")]
    assert "Đã ghi nhận đăng ký của đồng chí." in client.get(f"/meetings/{agenda.id}").text
