"""Uploads are bounded by what they unpack to: a .docx's parts, a PDF's pages, the text taken
out, one section and one document. Each refusal has a message and changes nothing."""

import io
import zipfile

import pytest
from sqlalchemy import func, select

import handbook.library.extract as extract
from handbook.extensions import db
from handbook.library.extract import ImportError_
from handbook.library.importer import MAX_SECTION_CHARS, ImportRequest, import_document
from handbook.library.models import Document
from tests.conftest import text_of
from tests.library_factories import regulation_text


def _docx_bytes(extra_parts: dict[str, bytes] | None = None) -> bytes:
    from docx import Document as Docx

    doc = Docx()
    for line in regulation_text(articles=4).splitlines():
        doc.add_paragraph(line)
    buffer = io.BytesIO()
    doc.save(buffer)
    if not extra_parts:
        return buffer.getvalue()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            target.writestr(item, extra_parts.pop(item.filename, None) or source.read(item.filename))
        for name, data in extra_parts.items():
            target.writestr(name, data)
    return out.getvalue()


def never_parsed(monkeypatch):
    """python-docx must not even open a refused file (it loads every part into memory)."""
    import docx

    def refuse(*args, **kwargs):
        raise AssertionError("the file was parsed")

    monkeypatch.setattr(docx, "Document", refuse)


def _import(filename, data):
    return import_document(ImportRequest(filename=filename, data=data, number="1-QĐ/TW"))


def _refused(filename, data, message):
    with pytest.raises(ImportError_) as error:
        _import(filename, data)
    assert str(error.value) == message
    assert db.session.scalar(select(func.count(Document.id))) == 0


def test_a_docx_whose_image_unpacks_too_large_is_refused_before_parsing(app, monkeypatch):
    bomb = _docx_bytes({"word/media/image1.png": b"\0" * (extract.MAX_DOCX_UNPACKED + 1)})
    assert len(bomb) < 1024 * 1024  # small on the wire
    never_parsed(monkeypatch)
    _refused("bom.docx", bomb, extract.MSG_DOCX_UNPACKED)


def test_a_docx_whose_body_unpacks_too_large_is_refused_before_parsing(app, monkeypatch):
    body = b"<w:document>" + b" " * (extract.MAX_DOCX_XML + 1) + b"</w:document>"
    bomb = _docx_bytes({"word/document.xml": body})
    never_parsed(monkeypatch)
    _refused("bom.docx", bomb, extract.MSG_DOCX_UNPACKED)


def test_a_docx_with_too_many_parts_is_refused_before_parsing(app, monkeypatch):
    many = _docx_bytes({f"customXml/item{i}.xml": b"<a/>" for i in range(extract.MAX_DOCX_PARTS)})
    never_parsed(monkeypatch)
    _refused("nhieu.docx", many, extract.MSG_DOCX_PARTS)


def test_an_ordinary_docx_still_imports(app):
    assert len(_import("quy-dinh.docx", _docx_bytes()).sections) > 4


def test_a_pdf_with_too_many_pages_is_refused_before_its_text_is_read(app, monkeypatch):
    from weasyprint import HTML

    pdf = HTML(string='<p>Điều 1. Một</p><p style="break-before: page">Điều 2. Hai</p>'
                      '<p style="break-before: page">Điều 3. Ba</p>').write_pdf()
    monkeypatch.setattr(extract, "MAX_PDF_PAGES", 2)
    monkeypatch.setattr(extract, "MSG_PDF_PAGES", "quá 2 trang")
    _refused("dai.pdf", pdf, "quá 2 trang")


def test_too_much_text_is_refused(app, monkeypatch):
    monkeypatch.setattr(extract, "MAX_TEXT_CHARS", 5_000)
    _refused("dai.txt", regulation_text(articles=40).encode(), extract.MSG_TOO_MUCH_TEXT)


def test_one_oversized_section_is_refused_with_its_name(client, auth, world):
    text = regulation_text(articles=3, extra={2: "Nội dung rất dài. " * (MAX_SECTION_CHARS // 18 + 10)})
    before = db.session.scalar(select(func.count(Document.id)))
    auth.login("capuy")
    response = client.post("/library/import", data={
        "file": (io.BytesIO(text.encode()), "dai.txt"), "number": "1-QĐ/TW", "org_id": "0"},
        content_type="multipart/form-data")
    assert response.status_code == 200
    assert "Điều 2 dài" in text_of(response) and "quá giới hạn 100.000 ký tự cho một mục" in text_of(response)
    assert db.session.scalar(select(func.count(Document.id))) == before


def test_too_many_sections_are_refused(app, monkeypatch):
    import handbook.library.importer as importer

    monkeypatch.setattr(importer, "MAX_SECTIONS", 20)
    with pytest.raises(ImportError_, match=r"^Văn bản có hơn [\d.]+ mục \(điều, khoản, điểm\)\. Hãy tách"):
        _import("nhieu.txt", regulation_text(articles=10).encode())
