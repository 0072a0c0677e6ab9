"""The account page reads the member's cell fresh and every card's facts in one statement
(auth/account.py), and its bookmarks by the library's rule with the member's cell asked inside
the statement (library/access.member_documents_clause). Changes are written on a plain
connection, as another server would, while this worker holds the login's copy."""

from sqlalchemy import select, text

from handbook.extensions import db
from handbook.library.models import Document, Section
from handbook.models_base import utcnow
from tests.conftest import text_of


def _on_plain_connection(sql: str, **values) -> None:
    with db.engine.begin() as connection:
        connection.execute(text(sql), values)


def test_a_cell_renamed_on_another_server_shows_on_the_next_visit(client, auth, world):
    auth.login("dangvien")
    assert "Chi bộ Phòng Công nghệ thông tin" in text_of(client.get("/account"))
    _on_plain_connection("UPDATE organization SET name = 'Chi bộ Chuyển đổi số' WHERE id = :id",
                         id=world["cell1"].id)
    page = text_of(client.get("/account"))
    assert "Chi bộ Chuyển đổi số" in page and "Phòng Công nghệ thông tin" not in page


def test_a_feed_address_made_on_another_server_shows(client, auth, world):
    auth.login("dangvien")
    assert "Thêm vào lịch" not in text_of(client.get("/account"))
    _on_plain_connection("INSERT INTO calendar_token (user_id, token, created_at) VALUES (:u, 'bi-mat-lich', :at)",
                         u=world["users"]["dangvien"].id, at=utcnow())
    page = client.get("/account").get_data(as_text=True)
    assert "Thêm vào lịch" in page and "/calendar/bi-mat-lich" in page.replace(".ics", "")


def test_bookmarks_follow_the_library_rule_for_the_members_own_cell(client, auth, world):
    """A document published for an organisation above the member's cell is theirs to read, one
    for a neighbouring cell is not: the bookmark shows only while the document is readable."""
    document_id, section_id = db.session.execute(select(Document.id, Section.id).join(Section).where(
        Document.slug == "08-qdi-tw", Section.anchor == "dieu-3")).one()
    _on_plain_connection("INSERT INTO bookmark (user_id, section_id, created_at) VALUES (:u, :s, :at)",
                         u=world["users"]["dangvien"].id, s=section_id, at=utcnow())
    auth.login("dangvien")
    for org, shown in ((None, True), (world["base"].id, True), (world["cell1"].id, True),
                       (world["cell2"].id, False), (world["bloc"].id, True)):
        _on_plain_connection("UPDATE document SET org_id = :org WHERE id = :id", org=org, id=document_id)
        assert ("(08-QĐi/TW)" in text_of(client.get("/account"))) is shown, org
