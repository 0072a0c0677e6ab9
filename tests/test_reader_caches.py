"""The reader's text is drawn once per document version and page (library/reader_body.py), the
member's marks on each visit: a change written straight into the database — as another worker
or server would, with no request of this one seeing it — shows on the next visit, and a revisit
is never told 304 over it."""

from sqlalchemy import select, text

from handbook.extensions import db
from handbook.library.models import Document, Section
from handbook.models_base import utcnow
from tests.conftest import text_of

PATH = "/library/08-qdi-tw"


def _section_id(anchor: str) -> int:
    return db.session.scalar(select(Section.id).join(Document).where(Document.slug == "08-qdi-tw",
                                                                        Section.anchor == anchor))


def test_an_article_rewritten_in_the_database_reaches_the_reader(client, auth, world):
    auth.login("dangvien")
    first = client.get(PATH)
    assert "nói đi đôi với làm, gương mẫu" not in text_of(first)
    db.session.execute(text("UPDATE section SET text = 'Đảng viên nói đi đôi với làm, gương mẫu.' WHERE id = :id"),
                       {"id": _section_id("dieu-3")})
    db.session.commit()
    again = client.get(PATH, headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 200 and "nói đi đôi với làm, gương mẫu" in text_of(again)
    assert "nói đi đôi với làm, gương mẫu" in text_of(client.get(PATH))  # and from the kept text


def test_a_bookmark_made_on_another_worker_shows_on_the_next_visit(client, auth, world):
    auth.login("dangvien")
    first = client.get(PATH)
    assert "★ Bỏ đánh dấu" not in first.get_data(as_text=True)
    db.session.execute(text("INSERT INTO bookmark (user_id, section_id, created_at) VALUES (:u, :s, :at)"),
                       {"u": world["users"]["dangvien"].id, "s": _section_id("dieu-3"), "at": utcnow()})
    db.session.commit()
    again = client.get(PATH, headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 200
    html = again.get_data(as_text=True)
    assert html.count("★ Bỏ đánh dấu") == 1
    bookmark_form = html.split('action="/library/08-qdi-tw/bookmark/dieu-3"')[1].split("</form>")[0]
    assert "★ Bỏ đánh dấu" in bookmark_form


def test_one_members_marks_never_reach_another(client, auth, world):
    """The text is shared; the bookmark and the note link beside an article are the member's."""
    auth.login("dangvien")
    client.post(f"{PATH}/bookmark/dieu-3")
    client.post(f"{PATH}/sections/dieu-3/note", data={"body": "Ghi chú riêng", "version": 0})
    mine = client.get(PATH).get_data(as_text=True)
    assert "★ Bỏ đánh dấu" in mine and "Xem ghi chú của tôi" in mine
    auth.logout()
    auth.login("dangvien2")
    theirs = client.get(PATH).get_data(as_text=True)
    assert "★ Bỏ đánh dấu" not in theirs and "Xem ghi chú của tôi" not in theirs
    assert theirs.count('name="csrf_token"') == mine.count('name="csrf_token"')
