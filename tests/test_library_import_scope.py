"""Who may overwrite which library document, what the audit log shows, and where members'
notes go when a document gets a new text."""

import io

import pytest
from sqlalchemy import select

from handbook.audit import AuditEntry
from handbook.extensions import db
from handbook.library.extract import ImportError_
from handbook.library.importer import ImportRequest, import_document
from handbook.library.models import Document, Section
from handbook.notes.models import Note
from tests.conftest import text_of
from tests.library_factories import import_text, regulation_text

FORGED = regulation_text(articles=2, number="08-QĐi/TW").replace("Trách nhiệm", "Nội dung giả mạo")


@pytest.fixture
def branch(make, world):
    """Another base organisation under the bloc, with its own admin and cell."""
    base = make.org("Đảng bộ Sở Tài chính", "base", world["bloc"])
    cell = make.org("Chi bộ Kế toán", "cell", base)
    admin = make.user("quantri2", cell=cell, role="admin", role_org=base)
    return {"base": base, "cell": cell, "admin": admin}


def _post(client, text, number, on_duplicate="", org_id="0"):
    return client.post("/library/import", data={
        "file": (io.BytesIO(text.encode()), "van-ban.txt"), "number": number, "on_duplicate": on_duplicate,
        "org_id": org_id}, content_type="multipart/form-data")


def _as(auth, username):
    auth.logout()
    assert auth.login(username).status_code == 302


def _dieu3():
    return db.session.scalar(select(Section).join(Document).where(Document.slug == "08-qdi-tw",
                                                                   Section.anchor == "dieu-3"))


@pytest.mark.parametrize("on_duplicate", ["replace", "version"])
def test_a_branch_admin_cannot_overwrite_a_system_wide_document(client, auth, world, branch, on_duplicate):
    original = _dieu3().text
    _as(auth, "quantri2")
    response = _post(client, FORGED, "08-QĐi/TW", on_duplicate, org_id="0")
    assert response.status_code == 200  # "Toàn hệ thống" is not among a branch admin's choices
    assert "Lựa chọn không hợp lệ" in text_of(response) and "Toàn hệ thống" not in text_of(response)
    # Into their own branch a central number is refused: the system-wide document is untouched.
    response = _post(client, FORGED, "08-QĐi/TW", on_duplicate, org_id=str(branch["base"].id))
    db.session.expire_all()
    system_wide = db.session.scalar(select(Document).where(Document.slug == "08-qdi-tw"))
    assert system_wide.status == "active" and system_wide.org_id is None
    assert _dieu3().text == original
    _as(auth, "dangvien")
    assert "Nội dung giả mạo" not in text_of(client.get("/library/08-qdi-tw"))


def test_a_branch_admin_cannot_take_another_branchs_restricted_document(client, auth, world, branch):
    import_text(regulation_text(number="5-QĐ/ĐUS"), org_id=world["base"].id)
    _as(auth, "quantri2")
    response = _post(client, FORGED, "5-QĐ/ĐUS", "replace", org_id=str(branch["base"].id))
    # The number is not confirmed: the branch gets its own document, the other stays where it was.
    assert "Đã có văn bản số hiệu" not in text_of(response)
    theirs = db.session.scalars(select(Document).where(Document.number == "5-QĐ/ĐUS").order_by(Document.id)).all()
    assert [d.org_id for d in theirs] == [world["base"].id, branch["base"].id]
    _as(auth, "dangvien")
    assert client.get(f"/library/{theirs[0].slug}").status_code == 200


def test_duplicate_message_only_for_documents_the_admin_manages(client, auth, world, branch):
    import_text(regulation_text(number="6-QĐ/ĐUS"), org_id=world["base"].id)
    _as(auth, "quantri2")
    response = _post(client, regulation_text(number="6-QĐ/ĐUS"), "6-QĐ/ĐUS", "", org_id=str(branch["base"].id))
    assert "Đã có văn bản số hiệu" not in text_of(response)
    _as(auth, "capuy")
    response = _post(client, regulation_text(number="6-QĐ/ĐUS"), "6-QĐ/ĐUS", "", org_id=str(world["base"].id))
    assert "Đã có văn bản số hiệu 6-QĐ/ĐUS" in text_of(response)


def test_the_top_level_admin_may_replace_a_system_wide_document(client, auth, world):
    _as(auth, "capuy")
    response = _post(client, regulation_text(number="08-QĐi/TW"), "08-QĐi/TW", "replace")
    assert response.status_code == 302
    assert "Trách nhiệm số 3" in _dieu3().heading


def test_every_import_and_replacement_is_in_the_audit_log_of_the_subtrees_it_touches(client, auth, world, branch):
    _as(auth, "quantri2")
    _post(client, regulation_text(number="7-QĐ/ĐUS"), "7-QĐ/ĐUS", org_id=str(branch["base"].id))
    _as(auth, "capuy")
    # The demo's 08-QĐi/TW is a summary: its text is filled in first, then replaced.
    _post(client, regulation_text(number="08-QĐi/TW"), "08-QĐi/TW", "replace")
    _post(client, regulation_text(number="08-QĐi/TW"), "08-QĐi/TW", "replace")
    entries = db.session.scalars(select(AuditEntry).where(AuditEntry.action.startswith("document."))).all()
    assert {(e.action, e.org_id) for e in entries} == {("document.imported", branch["base"].id),
                                                       ("document.filled", None), ("document.replaced", None)}
    # The branch admin sees their own import and the system-wide change their members read…
    _as(auth, "quantri2")
    log = text_of(client.get("/admin/audit"))
    assert "7-QĐ/ĐUS" in log and "08-QĐi/TW: thay nội dung" in log
    # …and the admin of the other base sees the system-wide change, not the branch's import.
    _as(auth, "capuy")
    other = db.session.get(type(world["base"]), world["base"].id)
    log = text_of(client.get(f"/admin/audit?org={other.id}"))
    assert "08-QĐi/TW: thay nội dung" in log and "7-QĐ/ĐUS" not in log


def test_a_new_version_is_logged_for_the_old_documents_organisation(app, world):
    old = import_text(regulation_text(number="9-QĐ/ĐUS"), org_id=world["base"].id)
    import_text(regulation_text(number="9-QĐ/ĐUS"), org_id=world["cell1"].id, on_duplicate="version")
    rows = {(e.action, e.org_id, e.target_id) for e in db.session.scalars(select(AuditEntry))}
    assert ("document.superseded", world["base"].id, old.id) in rows


def _note_on(user, section, body="Ý kiến của tôi về điều này"):
    note = Note(owner_id=user.id, section_id=section.id, context_title="x", body=body, version=1)
    db.session.add(note)
    db.session.commit()
    return note


def test_notes_follow_their_article_into_a_new_version_and_are_told_where_it_is_gone(client, auth, world):
    old = import_text(regulation_text(number="10-QĐ/ĐUS"))
    by_anchor = {s.anchor: s for s in old.sections}
    member = world["users"]["dangvien"]
    kept = _note_on(member, by_anchor["dieu-3"])
    clause = _note_on(world["users"]["dangvien2"], by_anchor["dieu-4-khoan-3"])
    gone = _note_on(member, by_anchor["dieu-5"])
    new = import_document(ImportRequest(
        filename="v2.txt", data=regulation_text(number="10-QĐ/ĐUS", drop=(5,)).replace(
            "3. ", "3.  ").encode(), on_duplicate="version"))
    db.session.expire_all()
    new_anchors = {s.id: s.anchor for s in new.sections}
    assert new_anchors[db.session.get(Note, kept.id).section_id] == "dieu-3"
    assert new_anchors[db.session.get(Note, clause.id).section_id] == "dieu-4-khoan-3"
    stayed = db.session.get(Note, gone.id)
    assert stayed.section_id == by_anchor["dieu-5"].id  # still readable on the old version
    assert "Điều 5 không còn trong văn bản 10-QĐ/ĐUS" in stayed.notice
    _as(auth, "dangvien")
    assert "Điều 5 không còn trong văn bản 10-QĐ/ĐUS" in text_of(client.get("/notes"))


def test_a_replacement_reattaches_notes_by_article_and_keeps_the_others_with_a_notice(client, auth, world):
    document = import_text(regulation_text(number="11-QĐ/ĐUS"))
    by_anchor = {s.anchor: s for s in document.sections}
    member = world["users"]["dangvien"]
    point = _note_on(member, by_anchor["dieu-3-khoan-2-diem-b"])
    gone = _note_on(member, by_anchor["dieu-7"])
    # The new text drops Điều 7 and every point b) of Điều 3.
    text = regulation_text(number="11-QĐ/ĐUS", drop=(7,))
    text = "\n".join(line for line in text.splitlines() if not line.startswith("b) ")) + "\n"
    import_document(ImportRequest(filename="v2.txt", data=text.encode(), on_duplicate="replace"))
    db.session.expire_all()
    moved = db.session.get(Note, point.id)
    assert moved.section.anchor == "dieu-3" and moved.notice == ""
    orphan = db.session.get(Note, gone.id)
    assert orphan.section_id is None and orphan.body == "Ý kiến của tôi về điều này"
    assert "Điều 7 không còn trong văn bản 11-QĐ/ĐUS" in orphan.notice
    _as(auth, "dangvien")
    assert "Điều 7 không còn trong văn bản 11-QĐ/ĐUS" in text_of(client.get(f"/notes/{orphan.id}/history"))


def test_the_command_line_still_imports_system_wide(app):
    document = import_text(regulation_text(number="12-QĐ/TW"))
    assert document.org_id is None


def test_a_branch_admin_cannot_publish_system_wide_through_the_service(app, world, branch):
    with pytest.raises(ImportError_, match="cấp cao nhất"):
        import_document(ImportRequest(filename="a.txt", data=regulation_text().encode()), actor=branch["admin"])
    with pytest.raises(ImportError_, match="phạm vi"):
        import_document(ImportRequest(filename="a.txt", data=regulation_text().encode(), org_id=world["base"].id),
                        actor=branch["admin"])


@pytest.mark.parametrize("typed,in_file", [
    ("05-CT/TW", "12-QĐ/ĐUK"),  # typed on the form (slug would be 05-ct-tw-2 beside the Centre's)
    ("", "42-HD/BTCTW"),  # read from the file's header: the Central Organisation Commission's
    ("05-ct / tw", "12-QĐ/ĐUK"),  # another spelling of the same number
])
def test_a_branch_admin_cannot_publish_a_document_under_a_central_number(client, auth, world, branch, typed, in_file):
    _as(auth, "quantri2")
    response = _post(client, regulation_text(number=in_file), typed, org_id=str(branch["base"].id))
    assert response.status_code == 200
    assert f"Số hiệu {typed or in_file} là của cơ quan Trung ương" in text_of(response)
    assert db.session.scalar(select(Document).where(Document.org_id == branch["base"].id)) is None
    # The branch's own numbers are still its to publish.
    response = _post(client, regulation_text(number="3-QĐ/ĐUS"), "3-QĐ/ĐUS", org_id=str(branch["base"].id))
    assert response.status_code == 302


def test_the_top_level_admin_may_publish_a_central_document_for_a_branch(client, auth, world, branch):
    _as(auth, "capuy")
    response = _post(client, regulation_text(number="42-HD/BTCTW"), "", org_id=str(branch["base"].id))
    assert response.status_code == 302
    document = db.session.scalar(select(Document).where(Document.number == "42-HD/BTCTW"))
    assert document.org_id == branch["base"].id
