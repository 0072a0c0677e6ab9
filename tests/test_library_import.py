"""Importing documents: each file type, structure detection, bad input, re-import."""

import io
import re
import unicodedata
from datetime import date

import pytest
from sqlalchemy import func, select

from handbook.extensions import db
from handbook.library.extract import MAX_BYTES, MSG_TOO_BIG, ImportError_
from handbook.library.importer import ImportRequest, import_document
from handbook.library.messages import EMPTY as MSG_EMPTY
from handbook.library.messages import WRONG_TYPE as MSG_TYPE
from handbook.library.models import Bookmark, Document, Section
from tests.conftest import text_of
from tests.library_factories import import_text, regulation_text


def _anchors(document) -> set[str]:
    return {s.anchor for s in document.sections}


def _check_regulation(document):
    assert document.number == "12-QĐ/ĐUK"
    assert document.doc_type == "Quy định"
    assert document.issued_on == date(2024, 2, 3)
    assert document.title == "về trách nhiệm nêu gương của đảng viên trong cơ quan"
    articles = [s for s in document.sections if s.level == "dieu"]
    assert len(articles) == 40
    assert {"dieu-1", "dieu-3", "dieu-3-khoan-2", "dieu-3-khoan-2-diem-a", "dieu-40", "chuong-i", "chuong-iv"} \
        <= _anchors(document)
    dieu3 = next(s for s in articles if s.anchor == "dieu-3")
    assert dieu3.heading == "Trách nhiệm số 3 của đảng viên"
    chuong = next(s for s in document.sections if s.anchor == "chuong-i")
    assert chuong.heading == "NHỮNG QUY ĐỊNH NHÓM 1"
    assert dieu3.parent.anchor == "chuong-i"
    khoan = next(s for s in document.sections if s.anchor == "dieu-3-khoan-2")
    assert khoan.parent_id == dieu3.id and khoan.text


def test_txt_and_md_import_detect_structure(app):
    _check_regulation(import_text(regulation_text()))
    md = import_text(regulation_text(number="13-QĐ/ĐUK"), filename="quy-dinh.md")
    assert sum(1 for s in md.sections if s.level == "dieu") == 40


def test_docx_import(app):
    from docx import Document as Docx

    doc = Docx()
    for line in regulation_text().splitlines():
        doc.add_paragraph(line)
    buffer = io.BytesIO()
    doc.save(buffer)
    _check_regulation(import_document(ImportRequest(filename="quy-dinh.docx", data=buffer.getvalue())))


def _pdf_from_html(body: str) -> bytes:
    from weasyprint import HTML

    return HTML(string=f'<html lang="vi"><meta charset="utf-8"><body>{body}</body></html>').write_pdf()


def test_pdf_import_keeps_vietnamese_syllables_whole(app):
    paragraphs = "".join(f"<p>{line}</p>" for line in regulation_text().splitlines() if line)
    document = import_document(ImportRequest(filename="quy-dinh.pdf", data=_pdf_from_html(paragraphs)))
    _check_regulation(document)
    text = " ".join(s.text for s in document.sections)
    assert text == unicodedata.normalize("NFC", text)
    # Every syllable comes out whole: none split around a combining mark, none unknown.
    source_words = set(re.findall(r"\w+", regulation_text().lower()))
    assert set(re.findall(r"\w+", text.lower())) <= source_words
    assert {"nêu", "gương", "đảng", "kỷ", "luật", "phẩm", "chỉnh", "đốn"} <= set(re.findall(r"\w+", text.lower()))


def test_directive_without_articles_uses_numbered_sections(app):
    text = "Số 7-CT/TU\nCHỈ THỊ\nvề học tập\n1. Mục đích\nNội dung một.\n2. Yêu cầu\nNội dung hai.\n"
    document = import_text(text)
    assert document.doc_type == "Chỉ thị"
    assert [s.anchor for s in document.sections if s.level == "plain"][-2:] == ["muc-so-1", "muc-so-2"]


@pytest.mark.parametrize("filename,data,message", [
    ("trong.txt", b"   \n", MSG_EMPTY),
    ("trong.docx", b"", MSG_EMPTY),
    ("tep.exe", b"MZ....", MSG_TYPE),
    ("lon.txt", b"a" * (MAX_BYTES + 1), MSG_TOO_BIG),
])
def test_bad_files_are_refused_with_a_message(app, filename, data, message):
    with pytest.raises(ImportError_) as error:
        import_document(ImportRequest(filename=filename, data=data, number="1-QĐ/TW"))
    assert str(error.value) == message
    assert db.session.scalar(select(func.count(Document.id))) == 0


def test_scanned_pdf_without_text_layer(app):
    pdf = _pdf_from_html('<div class="scan"></div>')
    with pytest.raises(ImportError_) as error:
        import_document(ImportRequest(filename="scan.pdf", data=pdf, number="1-QĐ/TW"))
    assert str(error.value) == "PDF này không có lớp chữ — hãy dùng bản có thể chọn chữ"
    assert db.session.scalar(select(func.count(Section.id))) == 0


def test_duplicate_number_offers_replace_or_new_version(app):
    first = import_text(regulation_text())
    with pytest.raises(ImportError_) as error:
        import_text(regulation_text())
    assert "12-QĐ/ĐUK" in str(error.value) and "phiên bản mới" in str(error.value)
    assert db.session.scalar(select(func.count(Document.id))) == 1
    second = import_text(regulation_text(), on_duplicate="version")
    db.session.refresh(first)
    assert first.status == "expired" and first.replaced_by_id == second.id and second.slug != first.slug


def test_reimport_keeps_bookmarks_on_surviving_anchors(app, make):
    user = make.user()
    document = import_text(regulation_text())
    sections = {s.anchor: s for s in document.sections}
    kept_id = sections["dieu-3"].id
    db.session.add_all([Bookmark(user_id=user.id, section_id=kept_id),
                        Bookmark(user_id=user.id, section_id=sections["dieu-40"].id)])
    db.session.commit()
    import_text(regulation_text(drop=(40,), extra={3: "Nội dung mới của điều ba."}), on_duplicate="replace")
    db.session.expire_all()
    document = db.session.get(Document, document.id)
    assert "dieu-40" not in _anchors(document)
    bookmarks = list(db.session.scalars(select(Bookmark)))
    assert [b.section_id for b in bookmarks] == [kept_id]
    assert bookmarks[0].section.text == "Nội dung mới của điều ba."


def test_cli_import(app, tmp_path):
    path = tmp_path / "quy-dinh.txt"
    path.write_text(regulation_text(), encoding="utf-8")
    runner = app.test_cli_runner()
    result = runner.invoke(args=["import-document", str(path), "--number", "99-QĐ/ĐUK", "--type", "Quy định",
                                 "--issuer", "Đảng ủy Khối", "--date", "01/03/2024"])
    assert result.exit_code == 0, result.output
    document = db.session.scalar(select(Document).where(Document.number == "99-QĐ/ĐUK"))
    assert document.issuer == "Đảng ủy Khối" and document.issued_on == date(2024, 3, 1)
    again = runner.invoke(args=["import-document", str(path), "--number", "99-QĐ/ĐUK"])
    assert again.exit_code != 0 and "Đã có văn bản" in again.output


def test_upload_form_for_committee_admin(client, auth, world):
    auth.login("capuy")
    data = {"file": (io.BytesIO(regulation_text().encode()), "quy-dinh.txt"), "org_id": "0", "on_duplicate": ""}
    response = client.post("/library/import", data=data, content_type="multipart/form-data")
    assert response.status_code == 302
    document = db.session.scalar(select(Document).where(Document.number == "12-QĐ/ĐUK"))
    assert document.original_filename == "quy-dinh.txt" and document.original_path
    bad = {"file": (io.BytesIO(b""), "trong.txt"), "org_id": "0", "number": "5-QĐ/ĐUK"}
    response = client.post("/library/import", data=bad, content_type="multipart/form-data")
    assert response.status_code == 200
    page = text_of(response)
    assert MSG_EMPTY in page and "5-QĐ/ĐUK" in response.get_data(as_text=True)
