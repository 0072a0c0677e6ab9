"""The 2026 starter set: loaded by the demo and a command as metadata and our summaries, "chưa có
toàn văn" until a committee imports the text, which fills the document instead of adding another."""

import io
import re

from sqlalchemy import func, select

from handbook.audit import AuditEntry
from handbook.extensions import db
from handbook.library.models import Document
from handbook.library.starter_set import STARTERS
from tests.conftest import text_of
from tests.library_factories import regulation_text


def _document(slug: str) -> Document:
    return db.session.scalar(select(Document).where(Document.slug == slug))


def _count() -> int:
    return db.session.scalar(select(func.count(Document.id)))


def test_the_demo_library_holds_the_starter_set_without_full_texts(client, auth, world):
    auth.login("dangvien")
    page = text_of(client.get("/library"))
    for name in ("Điều lệ Đảng", "Quy định 294-QĐ/TW", "Chỉ thị 50-CT/TW", "Hướng dẫn 42-HD/BTCTW",
                 "Quy định 339-QĐ/TW", "Quy định 366-QĐ/TW", "Hướng dẫn 43-HD/BTCTW", "Quy định 01-QĐ/TW",
                 "Chỉ thị 01-CT/TW", "Quy định 144-QĐ/TW", "Quy định 37-QĐ/TW", "Quy định 69-QĐ/TW",
                 "Quy định 264-QĐ/TW", "Nghị quyết 57-NQ/TW", "Nghị quyết 68-NQ/TW", "Quy định 338-QĐ/TW",
                 "Chỉ thị 51-CT/TW", "Quy định 08-QĐi/TW", "Kết luận 01-KL/TW"):
        assert name in page, name
    assert page.count("Chưa có toàn văn") == len(STARTERS)
    assert "Điều lệ Đảng Cộng sản Việt Nam" in page and "năm 2011" in page
    assert _count() == len(STARTERS)

    reader = client.get("/library/68-nq-tw")
    said = text_of(reader)
    assert "Chưa có toàn văn." in said and "không phải nguyên văn" in said
    assert "khu vực kinh tế tư nhân phát triển" in said  # the summary
    assert "Năm ban hành 2025" in said and "Ngày ban hành" not in said
    assert "Nhập toàn văn" not in said and "Sửa thông tin" not in said  # a member's reader
    # The outlines of the first five stay, with the anchors the demo meeting links to.
    assert 'id="dieu-3-khoan-2"' in client.get("/library/08-qdi-tw").get_data(as_text=True)


def test_the_committee_admin_is_shown_how_to_import_the_text(client, auth, world):
    auth.login("capuy")
    html = client.get("/library/366-qd-tw").get_data(as_text=True)
    assert 'href="/library/import?van_ban=366-qd-tw"' in html
    form = client.get("/library/import?van_ban=366-qd-tw").get_data(as_text=True)
    assert 'value="366-QĐ/TW"' in form and "Nhập toàn văn cho" in form


def test_the_command_loads_the_set_once_and_keeps_imported_texts(app):
    runner = app.test_cli_runner()
    first = runner.invoke(args=["load-starter-documents"])
    assert first.exit_code == 0, first.output
    assert f"thêm {len(STARTERS)}" in first.output and _count() == len(STARTERS)
    old, new = _document("124-qd-tw"), _document("366-qd-tw")
    assert old.status == "expired" and old.replaced_by_id == new.id
    stamps = dict(db.session.execute(select(Document.slug, Document.updated_at)).all())

    again = runner.invoke(args=["load-starter-documents"])
    assert again.exit_code == 0 and "thêm 0, cập nhật 0" in again.output
    db.session.expire_all()
    assert dict(db.session.execute(select(Document.slug, Document.updated_at)).all()) == stamps

    # A document still without its text follows the set; one whose text was imported is left alone.
    _document("57-nq-tw").title = "Tiêu đề cũ"
    imported = _document("59-nq-tw")
    imported.is_summary, imported.title = False, "Trích yếu chính thức"
    db.session.commit()
    third = runner.invoke(args=["load-starter-documents"])
    assert "cập nhật 1" in third.output and "59-NQ/TW" in third.output
    db.session.expire_all()
    assert _document("57-nq-tw").title.startswith("Về đột phá")
    assert _document("59-nq-tw").title == "Trích yếu chính thức"
    assert _count() == len(STARTERS)


def _import(client, number, org_id="0", on_duplicate=""):
    text = regulation_text(articles=4, number=number)
    return client.post("/library/import", data={
        "file": (io.BytesIO(text.encode()), "toan-van.txt"), "number": number, "org_id": org_id,
        "on_duplicate": on_duplicate}, content_type="multipart/form-data")


def test_importing_the_text_fills_the_document_held_as_metadata(client, auth, world):
    before = _count()
    auth.login("capuy")
    response = _import(client, "366-QĐ/TW")
    assert response.status_code == 302 and response.headers["Location"].endswith("/library/366-qd-tw")
    assert _count() == before  # filled, not doubled
    db.session.expire_all()
    document = _document("366-qd-tw")
    assert not document.is_summary and document.issuer == "Bộ Chính trị (khóa XIII)"
    assert {"dieu-1", "dieu-4"} <= {s.anchor for s in document.sections}
    assert "tom-tat" not in {s.anchor for s in document.sections}
    actions = db.session.scalars(select(AuditEntry.action).where(AuditEntry.target_type == "document",
                                                              AuditEntry.target_id == document.id)).all()
    assert actions == ["document.filled"]
    page = text_of(client.get("/library/366-qd-tw"))
    assert "Chưa có toàn văn" not in page and "Trách nhiệm số 3 của đảng viên" in page
    # The rule it replaced still links to it.
    assert "Quy định 124-QĐ/TW" in page

    # A replaced rule is filled too, and stays replaced.
    assert _import(client, "124-QĐ/TW", on_duplicate="version").status_code == 302
    db.session.expire_all()
    old = _document("124-qd-tw")
    assert not old.is_summary and old.status == "expired" and old.replaced_by.slug == "366-qd-tw"
    assert _count() == before


def test_members_find_the_summaries_of_documents_without_text(client, auth, world):
    auth.login("dangvien")
    html = client.get("/search?q=kinh+te+tu+nhan").get_data(as_text=True)
    assert 'href="/library/68-nq-tw#tom-tat"' in html
    html = client.get("/search?q=dang+phi").get_data(as_text=True)
    assert re.search(r'href="/library/01-qd-tw#tom-tat"', html)
