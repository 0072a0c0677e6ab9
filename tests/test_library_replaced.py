"""A replaced document's reader says so and links to the one in force; the one in force lists
what it replaced; admins mark replacements on the document's edit form."""

import pytest
from sqlalchemy import select

from handbook.audit import AuditEntry
from handbook.extensions import db
from handbook.library.models import Document
from tests.conftest import text_of
from tests.library_factories import import_text, regulation_text


def _document(slug: str) -> Document:
    return db.session.scalar(select(Document).where(Document.slug == slug))


def _form(document: Document, **changes) -> dict:
    data = {"number": document.number, "doc_type": document.doc_type, "issuer": document.issuer,
            "issued_on": document.issued_on.isoformat() if document.issued_on else "",
            "issued_year": str(document.issued_year or ""), "title": document.title, "status": document.status,
            "replaced_by": str(document.replaced_by_id or 0)}
    return {**data, **changes}


def test_the_reader_of_a_replaced_document_links_to_the_one_in_force(client, auth, world):
    auth.login("dangvien")
    response = client.get("/library/124-qd-tw")
    html, said = response.get_data(as_text=True), text_of(response)
    assert "Văn bản này đã được thay thế bởi Quy định 366-QĐ/TW" in said
    notice = html[html.index("Văn bản này đã được thay thế"):]
    assert notice.index('href="/library/366-qd-tw"') < notice.index("</div>")
    assert "Hiệu lực Hết hiệu lực" in said and "Văn bản đang có hiệu lực" not in said

    # The one in force says what it replaced, and is not itself marked replaced.
    response = client.get("/library/366-qd-tw")
    html, said = response.get_data(as_text=True), text_of(response)
    assert "Thay thế Quy định 124-QĐ/TW" in said and 'href="/library/124-qd-tw"' in html
    assert "đã được thay thế" not in said and "Hiệu lực Còn hiệu lực" in said
    for old, new in (("24-qd-tw", "294-QĐ/TW"), ("25-hd-btctw", "43-HD/BTCTW"), ("342-qd-tw", "01-QĐ/TW")):
        assert f"đã được thay thế bởi {new}" in text_of(client.get(f"/library/{old}")).replace("Quy định ", "") \
            .replace("Hướng dẫn ", ""), old
    listed = text_of(client.get("/library?status=expired"))
    assert "Quy định 124-QĐ/TW" in listed and "thay bằng 366-QĐ/TW" in listed and "Quy định 366-QĐ/TW" not in listed


def test_a_later_replacement_is_named_as_the_one_in_force_at_once(client, auth, world):
    newer = import_text(regulation_text(articles=3, number="400-QĐ/TW"))
    auth.login("dangvien")
    first = client.get("/library/124-qd-tw")
    tag = first.headers["ETag"]
    auth.logout()
    auth.login("capuy")
    response = client.post("/library/366-qd-tw/edit", data=_form(_document("366-qd-tw"), replaced_by=str(newer.id)))
    assert response.status_code == 302
    auth.logout()
    auth.login("dangvien")
    # The old rule's page changed although its own row did not: a phone's copy is not kept.
    again = client.get("/library/124-qd-tw", headers={"If-None-Match": tag})
    assert again.status_code == 200
    said = text_of(again)
    assert "đã được thay thế bởi Quy định 366-QĐ/TW" in said
    assert f"Văn bản đang có hiệu lực: {newer.doc_type} 400-QĐ/TW" in said
    assert f'href="/library/{newer.slug}"' in again.get_data(as_text=True)
    assert "Thay thế Quy định 366-QĐ/TW" in text_of(client.get(f"/library/{newer.slug}"))


def test_the_admin_marks_a_document_replaced_on_its_edit_form(client, auth, world):
    old = import_text(regulation_text(articles=3, number="5-QĐ/ĐUK"), issuer="Đảng ủy Khối")
    new = import_text(regulation_text(articles=3, number="6-QĐ/ĐUK"), issuer="Đảng ủy Khối")
    auth.login("capuy")
    page = client.get(f"/library/{old.slug}")
    assert f'href="/library/{old.slug}/edit"' in page.get_data(as_text=True)
    form = client.get(f"/library/{old.slug}/edit").get_data(as_text=True)
    assert f'<option value="{new.id}">' in form and f'<option value="{old.id}">' not in form
    response = client.post(f"/library/{old.slug}/edit", data=_form(old, replaced_by=str(new.id), issuer="Đảng ủy"))
    assert response.status_code == 302
    db.session.expire_all()
    old = db.session.get(Document, old.id)
    assert old.replaced_by_id == new.id and old.status == "expired" and old.issuer == "Đảng ủy"
    entry = db.session.scalar(select(AuditEntry).where(AuditEntry.action == "document.edited"))
    assert entry.target_id == old.id and "được thay thế bởi 6-QĐ/ĐUK" in entry.summary
    assert "Đã lưu thông tin văn bản" in text_of(client.get(f"/library/{old.slug}"))
    # Taking the mark off: the reader no longer sends members elsewhere.
    response = client.post(f"/library/{old.slug}/edit", data=_form(old, replaced_by="0", status="active"))
    assert response.status_code == 302
    said = text_of(client.get(f"/library/{old.slug}"))
    assert "đã được thay thế" not in said and "Còn hiệu lực" in said


@pytest.mark.parametrize(("changes", "message"), [
    ({"replaced_by": "{124}"}, "đã được văn bản đang sửa thay thế"),  # 124 is replaced by 366: no loop
    ({"issued_year": "abc"}, "Năm phải là một số"),
    ({"issued_on": "2023-13-40"}, "Ngày không hợp lệ"),
    ({"issued_on": "2023-10-04", "issued_year": "2022"}, "Năm ban hành phải trùng"),
    ({"number": "124-QĐ/TW"}, "Đã có văn bản khác số hiệu 124-QĐ/TW"),
    ({"replaced_by": "abc"}, "Lựa chọn không hợp lệ"),
    ({"title": ""}, "Hãy nhập trích yếu"),
])
def test_the_edit_form_refuses_bad_input_and_changes_nothing(client, auth, world, changes, message):
    changes = {k: v.replace("{124}", str(_document("124-qd-tw").id)) for k, v in changes.items()}
    auth.login("capuy")
    before = _document("366-qd-tw")
    before = (before.number, before.title, before.issued_year, before.replaced_by_id, before.status)
    response = client.post("/library/366-qd-tw/edit", data=_form(_document("366-qd-tw"), **changes))
    assert response.status_code == 200 and message in text_of(response)
    db.session.expire_all()
    after = _document("366-qd-tw")
    assert (after.number, after.title, after.issued_year, after.replaced_by_id, after.status) == before


def test_only_admins_of_its_scope_edit_a_document(client, auth, world, make):
    base = make.org("Đảng bộ Sở Tài chính", "base", world["bloc"])
    make.user("quantri2", cell=make.org("Chi bộ Kế toán", "cell", base), role="admin", role_org=base)
    own = import_text(regulation_text(articles=3, number="8-QĐ/ĐUS"), org_id=base.id)
    auth.login("quantri2")
    # System-wide documents are the top-level committee's, even to mark them replaced.
    assert client.get("/library/366-qd-tw/edit").status_code == 404
    response = client.post("/library/124-qd-tw/edit", data=_form(_document("124-qd-tw"), replaced_by="0"))
    assert response.status_code == 404
    assert "Sửa thông tin" not in text_of(client.get("/library/366-qd-tw"))
    assert "Nhập toàn văn" not in text_of(client.get("/library/366-qd-tw"))
    assert client.get(f"/library/{own.slug}/edit").status_code == 200
    db.session.expire_all()
    assert _document("124-qd-tw").replaced_by.slug == "366-qd-tw"


def test_a_replacement_the_reader_may_not_see_is_not_named(client, auth, world):
    restricted = import_text(regulation_text(articles=3, number="9-QĐ/CB"), org_id=world["cell1"].id)
    old = import_text(regulation_text(articles=3, number="7-QĐ/ĐUK"))
    old.replaced_by_id, old.status = restricted.id, "expired"
    db.session.commit()
    auth.login("dangvien3")  # cell 2: may read the old rule, not cell 1's
    response = client.get(f"/library/{old.slug}")
    said = text_of(response)
    assert "Văn bản này đã được thay thế." in said and "9-QĐ/CB" not in said
    assert restricted.slug not in response.get_data(as_text=True)
    assert "9-QĐ/CB" not in text_of(client.get("/library?status=expired"))
    auth.logout()
    auth.login("dangvien")
    assert "đã được thay thế bởi Quy định 9-QĐ/CB" in text_of(client.get(f"/library/{old.slug}"))
    assert "thay bằng 9-QĐ/CB" in text_of(client.get("/library?status=expired"))


def test_a_document_newly_marked_replaced_elsewhere_shows_on_its_replacements_revisit(client, auth, world):
    """The one in force lists what it replaced: a document marked replaced by it on another server
    (a plain connection, raw SQL) changes that page although the page's own row did not."""
    newer = import_text(regulation_text(articles=3, number="400-QĐ/TW"))
    auth.login("dangvien")
    first = client.get(f"/library/{newer.slug}")
    assert "Thay thế" not in text_of(first)
    old_id = _document("366-qd-tw").id
    with db.engine.begin() as other_server:
        other_server.execute(Document.__table__.update().where(Document.__table__.c.id == old_id)
                             .values(replaced_by_id=newer.id))
    again = client.get(f"/library/{newer.slug}", headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 200
    assert "Thay thế Quy định 366-QĐ/TW" in text_of(again)
    # And back: no longer replaced, the list is gone on the next revisit too.
    with db.engine.begin() as other_server:
        other_server.execute(Document.__table__.update().where(Document.__table__.c.id == old_id)
                             .values(replaced_by_id=None))
    last = client.get(f"/library/{newer.slug}", headers={"If-None-Match": again.headers["ETag"]})
    assert last.status_code == 200 and "Thay thế Quy định 366-QĐ/TW" not in text_of(last)
