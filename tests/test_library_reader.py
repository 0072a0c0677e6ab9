"""Reader, list filters, bookmarks, reading position, 'đã học' and required study."""

import re
from datetime import date

from sqlalchemy import select

from handbook.extensions import db
from handbook.library.models import Document, StudyAssignment, StudyMark
from handbook.library.starter_set import STARTERS
from tests.conftest import text_of
from tests.library_factories import import_text, regulation_text


def test_demo_starter_library(client, auth, world):
    auth.login("dangvien")
    page = text_of(client.get("/library"))
    for number in ("05-CT/TW", "08-QĐi/TW", "101-QĐ/TW", "01-KL/TW", "21-KL/TW"):
        assert number in page
    assert "Chưa có toàn văn" in page
    response = client.get("/library/08-qdi-tw")
    html = response.get_data(as_text=True)
    assert 'id="dieu-3"' in html and 'id="dieu-3-khoan-2"' in html
    assert "Tóm tắt" in text_of(response)
    world["users"]  # seeding twice changes nothing
    from handbook.demo import seed_demo

    before = db.session.scalar(select(db.func.count(Document.id)))
    assert before == len(STARTERS)  # the quizzes' Charter is the starter set's, not a second one
    seed_demo()
    assert db.session.scalar(select(db.func.count(Document.id))) == before


def test_reader_of_a_40_article_regulation(client, auth, world):
    import_text(regulation_text())
    auth.login("dangvien")
    response = client.get("/library/12-qd-duk")
    html = response.get_data(as_text=True)
    # Paged by chapter (ten articles each); across the pages every article shows exactly once, in order.
    shown = re.findall(r'<section id="(dieu-\d+)"', html)
    for n in (2, 3, 4):
        page = client.get(f"/library/12-qd-duk?trang={n}").get_data(as_text=True)
        shown += re.findall(r'<section id="(dieu-\d+)"', page)
    assert shown == [f"dieu-{n}" for n in range(1, 41)]
    assert client.get("/library/12-qd-duk?trang=5").status_code == 404
    assert '<details class="card toc opens">' in html and 'href="?trang=2#chuong-ii"' in html
    # Previous / next article links inside Điều 3.
    dieu3 = html[html.index('id="dieu-3"'):html.index('id="dieu-4"')]
    assert 'href="#dieu-2" rel="prev"' in dieu3 and 'href="#dieu-4" rel="next"' in dieu3
    assert "12/2024" not in text_of(response) and "03/02/2024" in text_of(response)


def test_list_filters(client, auth, world):
    import_text(regulation_text(), issuer="Đảng ủy Khối")
    auth.login("dangvien")
    page = text_of(client.get("/library?type=Quy+định&year=2024"))
    assert "12-QĐ/ĐUK" in page and "08-QĐi/TW" not in page
    page = text_of(client.get("/library?issuer=Đảng+ủy+Khối"))
    assert "12-QĐ/ĐUK" in page and "05-CT/TW" not in page
    page = text_of(client.get("/library?status=expired"))
    assert "12-QĐ/ĐUK" not in page
    assert client.get("/library?year=abc&status=zzz").status_code == 200


def test_bookmarks_and_reading_position(client, auth, world):
    auth.login("dangvien")
    assert client.post("/library/08-qdi-tw/bookmark/dieu-3").status_code == 302
    page = text_of(client.get("/account"))
    assert "Điều 3. Nội dung nêu gương (08-QĐi/TW)" in page
    response = client.post("/library/08-qdi-tw/bookmark/dieu-3", headers={"HX-Request": "true"})
    assert "Đánh dấu" in response.get_data(as_text=True) and "<html" not in response.get_data(as_text=True)
    assert "Nội dung nêu gương" not in text_of(client.get("/account"))
    assert client.post("/library/08-qdi-tw/position", data={"anchor": "dieu-4"}).status_code == 204
    assert client.post("/library/08-qdi-tw/position", data={"anchor": "nope"}).status_code == 400
    assert "Đọc tiếp: Điều 4. Trách nhiệm của người đứng đầu" in text_of(client.get("/library/08-qdi-tw"))
    auth.logout()
    auth.login("dangvien2")
    assert "Đọc tiếp" not in text_of(client.get("/library/08-qdi-tw"))


def test_required_study_from_assignment_to_studied(client, auth, world):
    q05 = db.session.scalar(select(Document).where(Document.slug == "05-ct-tw"))
    auth.login("bithu")
    page = client.get("/library/05-ct-tw/study")
    assert str(world["cell2"].id) not in re.findall(r'<option value="(\d+)"', page.get_data(as_text=True))
    bad = client.post("/library/05-ct-tw/study", data={"org_id": str(world["cell2"].id), "due_on": "2030-01-01"})
    assert "Lựa chọn không hợp lệ" in text_of(bad)
    assert bad.status_code == 200 and db.session.scalar(
        select(StudyAssignment).where(StudyAssignment.document_id == q05.id)) is None
    response = client.post("/library/05-ct-tw/study", data={"org_id": str(world["cell1"].id), "due_on": "2030-01-31"})
    assert response.status_code == 302
    auth.logout()

    auth.login("dangvien")
    home = text_of(client.get("/"))
    assert "Văn bản cần học" in home and "05-CT/TW" in home and "31/01/2030" in home
    assert "Cần học" in text_of(client.get("/library"))
    client.post("/library/05-ct-tw/studied")
    assert db.session.scalar(select(StudyMark).where(StudyMark.document_id == q05.id)) is not None
    assert "05-CT/TW" not in text_of(client.get("/"))
    auth.logout()

    auth.login("dangvien3")  # another cell: not asked
    assert "05-CT/TW" not in text_of(client.get("/"))
    auth.logout()

    auth.login("bithu")
    page = client.get("/library/05-ct-tw/study").get_data(as_text=True)
    done = page[page.index('class="list study-done"'):]
    todo = page[page.index('class="list study-todo"'):page.index('class="list study-done"')]
    assert "Lê Văn Đức" in done and "Phạm Thị Hương" in todo and "Hoàng Minh Đạt" not in page


def test_admin_assigns_to_a_subtree(client, auth, world):
    auth.login("capuy")
    response = client.post("/library/08-qdi-tw/study", data={"org_id": str(world["base"].id), "due_on": "2030-02-01"})
    assert response.status_code == 302
    auth.logout()
    auth.login("dangvien3")
    assert "08-QĐi/TW" in text_of(client.get("/"))
    assert date(2030, 2, 1) in {a.due_on for a in db.session.scalars(select(StudyAssignment))}


def test_reader_draws_only_the_marks_other_features_offer(client, auth, world):
    """The reader knows nothing of notes: with no receiver on reader_marks it still reads,
    bookmarks and all, just without the notebook's links."""
    from handbook.signals import reader_marks

    auth.login("dangvien")
    with reader_marks.muted():
        alone = client.get("/library/08-qdi-tw").get_data(as_text=True)
    marked = client.get("/library/08-qdi-tw").get_data(as_text=True)
    assert 'id="dieu-3"' in alone and "bookmark" in alone and "note-link" not in alone
    assert 'href="/library/08-qdi-tw/sections/dieu-3/note"' in marked
