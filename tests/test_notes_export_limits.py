"""The PDF export is bounded: a size cap with a message, and a few PDFs per account."""

from datetime import UTC, datetime

import handbook.notes.routes_notebook as notebook
from tests import notes_factories as nf
from tests.conftest import text_of

RANGE = "start=2026-03-01&end=2026-03-31"


def _notes(world, count, size):
    member = world["users"]["dangvien"]
    for i in range(count):
        meeting = nf.meeting(world["cell1"], title=f"Sinh hoạt kỳ {i}",
                             starts_at=datetime(2026, 3, 2 + i, 1, tzinfo=UTC))
        nf.note(member, meeting=meeting, body=("Ý kiến đóng góp về công tác cán bộ. " * (size // 36 + 1))[:size])


def test_a_pdf_too_long_to_lay_out_is_refused_with_a_message_and_the_print_page_still_works(
        client, auth, world, monkeypatch):
    _notes(world, 3, 25_000)
    monkeypatch.setattr(notebook, "render_pdf", lambda context: (_ for _ in ()).throw(AssertionError("laid out")))
    auth.login("dangvien")
    response = client.get(f"/notes/export?{RANGE}&fmt=pdf")
    assert response.status_code == 422
    page = text_of(response)
    assert "dài 75.000 ký tự, quá giới hạn 60.000 ký tự của một tệp PDF" in page
    assert "khoảng thời gian ngắn hơn" in page
    assert client.get(f"/notes/export?{RANGE}&fmt=print").status_code == 200


def test_pdf_exports_are_limited_per_account(app, client, auth, world, monkeypatch):
    _notes(world, 1, 500)
    monkeypatch.setattr(notebook, "render_pdf", lambda context: b"%PDF-1.7 test")
    auth.login("dangvien")
    statuses = [client.get(f"/notes/export?{RANGE}&fmt=pdf").status_code for _ in range(6)]
    assert statuses == [200] * 5 + [429]
    assert client.get(f"/notes/export?{RANGE}&fmt=print").status_code == 200  # the print page is not limited
    other = app.test_client()  # the same address, another member
    other.post("/login", data={"username": "dangvien2", "password": "sotay-demo"})
    assert other.get(f"/notes/export?{RANGE}&fmt=pdf").status_code == 200
