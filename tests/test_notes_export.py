"""Export of the notebook for a date range: a printable A4 page and a PDF with exact Vietnamese."""

import re
import unicodedata
from datetime import UTC, datetime

from handbook.library.extract import pdf_text
from tests import notes_factories as nf
from tests.conftest import text_of

NOTE = "Đồng chí Nguyễn Thị Bích quán triệt Quy định 08-QĐi/TW về trách nhiệm nêu gương của cán bộ, đảng viên."


def _pdf_text(data: bytes) -> str:
    """Text of every page, NFC, spaces folded: pdfium keeps Vietnamese syllables whole."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", pdf_text(data)))


def _setup(world):
    member = world["users"]["dangvien"]
    inside = nf.meeting(world["cell1"], title="Sinh hoạt chi bộ tháng Ba",
                        starts_at=datetime(2026, 3, 5, 1, tzinfo=UTC))
    outside = nf.meeting(world["cell1"], title="Họp tháng Mười", starts_at=datetime(2026, 10, 5, 1, tzinfo=UTC))
    nf.note(member, meeting=inside, body=f"## Ý kiến\n\n{NOTE}")
    nf.note(member, meeting=outside, body="Không nằm trong khoảng")


def test_printable_export_holds_meeting_agenda_and_note(client, auth, world):
    _setup(world)
    auth.login("dangvien")
    response = client.get("/notes/export?start=2026-03-01&end=2026-03-31&fmt=print")
    page = text_of(response)
    assert response.status_code == 200
    assert "Sinh hoạt chi bộ tháng Ba" in page and "Đánh giá công tác tháng" in page and NOTE in page
    assert "Không nằm trong khoảng" not in page


def test_pdf_export_contains_the_vietnamese_note_exactly(client, auth, world):
    _setup(world)
    auth.login("dangvien")
    response = client.get("/notes/export?start=2026-03-01&end=2026-03-31&fmt=pdf")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    assert "attachment" in response.headers["Content-Disposition"]
    text = _pdf_text(response.data)
    assert NOTE in text
    assert "Sinh hoạt chi bộ tháng Ba" in text and "Nhiệm vụ tháng tới" in text
    assert "Không nằm trong khoảng" not in text


def test_bad_range_is_explained(client, auth, world):
    auth.login("dangvien")
    response = client.get("/notes/export?start=2026-03-31&end=2026-03-01")
    assert response.status_code == 400 and "Ngày kết thúc phải sau ngày bắt đầu" in text_of(response)
    assert client.get("/notes/export?start=abc").status_code == 400
