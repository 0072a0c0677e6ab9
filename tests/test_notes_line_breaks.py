"""Line breaks typed with Enter stay line breaks wherever a note is shown: the history page,
the printable notebook, the PDF, and the notebook list (which shows words, not "##")."""

from datetime import UTC, datetime

from handbook.library.extract import pdf_text
from handbook.markdown import render
from handbook.notes.text import excerpt
from tests import notes_factories as nf

THREE_LINES = "Dòng thứ nhất\nDòng thứ hai\nDòng thứ ba"


def _lines_of_pdf(data: bytes) -> list[str]:
    return [line.strip() for line in pdf_text(data).splitlines() if line.strip()]


def _note(world, body=THREE_LINES):
    meeting = nf.meeting(world["cell1"], title="Họp tháng Ba", starts_at=datetime(2026, 3, 5, 1, tzinfo=UTC))
    return nf.note(world["users"]["dangvien"], meeting=meeting, body=body)


def test_a_note_renders_each_typed_line_on_its_own_line():
    html = render(THREE_LINES, "note")
    assert html.count("<br>") == 2 and "Dòng thứ nhất<br>" in html


def test_history_and_print_keep_the_lines(client, auth, world):
    note = _note(world)
    auth.login("dangvien")
    history = client.get(f"/notes/{note.id}/history").get_data(as_text=True)
    assert "Dòng thứ nhất<br>\nDòng thứ hai<br>\nDòng thứ ba" in history
    printed = client.get("/notes/export?start=2026-03-01&end=2026-03-31&fmt=print").get_data(as_text=True)
    assert "Dòng thứ nhất<br>\nDòng thứ hai<br>\nDòng thứ ba" in printed


def test_pdf_keeps_the_lines(client, auth, world):
    _note(world)
    auth.login("dangvien")
    response = client.get("/notes/export?start=2026-03-01&end=2026-03-31&fmt=pdf")
    assert response.status_code == 200
    lines = _lines_of_pdf(response.data)
    start = lines.index("Dòng thứ nhất")
    assert lines[start:start + 3] == ["Dòng thứ nhất", "Dòng thứ hai", "Dòng thứ ba"]


def test_notebook_list_shows_words_and_lines_not_marks(client, auth, world):
    _note(world, body="## Ý kiến\n- **Một** việc\nDòng ba")
    auth.login("dangvien")
    page = client.get("/notes").get_data(as_text=True)
    assert "Ý kiến\nMột việc\nDòng ba" in page and "##" not in page


def test_excerpt_cuts_at_a_word():
    assert excerpt("một hai ba bốn", limit=9) == "một hai…"
