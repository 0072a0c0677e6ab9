"""A reader visit reads the document and everything of the member's on it in one statement
(library/visit.py), finding the document by a slug's id kept as a hint, and keeps each page's
marks drawn per document version and the marks' contexts (library/reader.py). Each change below
is written straight into the database, as another server would: the next visit shows it."""

from sqlalchemy import select, text

from handbook.extensions import db
from handbook.library.models import Document, Section
from handbook.models_base import utcnow
from tests.conftest import text_of

PATH = "/library/08-qdi-tw"


def _ids(anchor: str = "dieu-3") -> tuple[int, int]:
    return db.session.execute(select(Document.id, Section.id).join(Section).where(
        Document.slug == "08-qdi-tw", Section.anchor == anchor)).one()


def _another() -> tuple[int, str]:
    """Another document every member reads, with a text of its own."""
    return db.session.execute(select(Document.id, Document.slug).where(
        Document.slug != "08-qdi-tw", Document.org_id.is_(None), Document.replaced_by_id.is_(None))
        .order_by(Document.id)).first()


def _write(sql: str, **values) -> None:
    db.session.execute(text(sql), values)
    db.session.commit()


def test_a_slug_renamed_elsewhere_is_looked_up_again(client, auth, world):
    auth.login("dangvien")
    assert client.get(PATH).status_code == 200  # the slug's id is now kept
    document_id, _ = _ids()
    other_id, _ = _another()
    _write("UPDATE document SET slug = 'quy-dinh-08' WHERE id = :id", id=document_id)
    assert client.get(PATH).status_code == 404
    assert "Quy định 08-QĐi/TW" in text_of(client.get("/library/quy-dinh-08"))
    # Another document takes the old slug: the kept id names the wrong one and is not believed.
    _write("UPDATE document SET slug = '08-qdi-tw' WHERE id = :id", id=other_id)
    page = client.get(PATH)
    assert page.status_code == 200 and "Quy định 08-QĐi/TW" not in text_of(page)
    assert 'data-reader-url="/library/08-qdi-tw"' in page.get_data(as_text=True)


def test_a_note_written_elsewhere_marks_its_article_and_leaves_with_it(client, auth, world):
    auth.login("dangvien")
    assert "Xem ghi chú của tôi" not in client.get(PATH).get_data(as_text=True)
    _, section_id = _ids()
    _write("INSERT INTO note (owner_id, section_id, context_title, notice, body, version, created_at, updated_at) "
           "VALUES (:u, :s, 'Điều 3', '', 'Ghi chú', 1, :at, :at)",
           u=world["users"]["dangvien"].id, s=section_id, at=utcnow())
    assert client.get(PATH).get_data(as_text=True).count("Xem ghi chú của tôi") == 1
    auth.logout()
    auth.login("dangvien2")  # the same page, other marks: kept apart
    assert "Xem ghi chú của tôi" not in client.get(PATH).get_data(as_text=True)
    auth.logout()
    auth.login("dangvien")
    _write("UPDATE note SET body = '' WHERE section_id = :s", s=section_id)
    assert "Xem ghi chú của tôi" not in client.get(PATH).get_data(as_text=True)


def test_the_offline_mark_and_the_place_written_elsewhere_show(client, auth, world):
    auth.login("dangvien")
    first = client.get(PATH).get_data(as_text=True)
    assert "Đã tải về máy" not in first and "Đọc tiếp" not in first
    document_id, _ = _ids()
    member = world["users"]["dangvien"].id
    _write("INSERT INTO offline_mark (user_id, document_id, created_at) VALUES (:u, :d, :at)",
           u=member, d=document_id, at=utcnow())
    _write("INSERT INTO reading_position (user_id, document_id, anchor, updated_at) VALUES (:u, :d, 'dieu-3', :at)",
           u=member, d=document_id, at=utcnow())
    page = text_of(client.get(PATH))
    assert "Đã tải về máy" in page and "Đọc tiếp: Điều 3" in page
    assert "Đã tải về máy" in text_of(client.get("/library"))


def test_a_document_replaced_elsewhere_is_named_by_its_replacement(client, auth, world):
    auth.login("dangvien")
    newer, slug = _another()
    assert "Thay thế" not in text_of(client.get(f"/library/{slug}"))
    document_id, _ = _ids()
    _write("UPDATE document SET replaced_by_id = :n WHERE id = :id", n=newer, id=document_id)
    assert "Thay thế Quy định 08-QĐi/TW" in text_of(client.get(f"/library/{slug}"))
