"""Notes on library sections, the notebook page, search over one's own notes, the home panel."""

from datetime import UTC, datetime

from flask import render_template
from sqlalchemy import select

from handbook.extensions import db
from handbook.notes.models import Note
from handbook.notes.queries import anchors_with_notes
from handbook.notes.search import search_notes
from handbook.vietnamese import parse_query
from tests import notes_factories as nf
from tests.conftest import text_of


def test_member_writes_a_note_on_a_section(client, auth, world):
    section = nf.section()
    auth.login("dangvien")
    url = f"/library/{section.document.slug}/sections/{section.anchor}/note"
    page = client.get(url)
    assert page.status_code == 200 and "Đảng viên phải gương mẫu." in text_of(page)
    client.post(url, data={"body": "Liên hệ bản thân", "version": "0"}, headers={"HX-Request": "true"})
    note = db.session.scalar(select(Note).where(Note.section_id.is_not(None)))
    assert note.section_id == section.id and note.meeting_id is None and note.body == "Liên hệ bản thân"
    assert anchors_with_notes(world["users"]["dangvien"], section.document) == {"dieu-3"}
    assert anchors_with_notes(world["users"]["dangvien2"], section.document) == set()


def test_reader_fragment_marks_sections_with_a_note(app, world):
    section = nf.section()
    with app.test_request_context():
        marked = render_template("notes/_section_note_link.html", document=section.document, section=section,
                                 mark={"anchors": {"dieu-3"}})
        plain = render_template("notes/_section_note_link.html", document=section.document, section=section,
                                mark={"anchors": set()})
    assert "has-note" in marked and "Xem ghi chú của tôi" in marked
    assert "has-note" not in plain and f"/library/{section.document.slug}/sections/dieu-3/note" in plain


def test_section_of_a_document_for_another_organisation_answers_404(client, auth, world):
    section = nf.section(org=world["cell2"])
    url = f"/library/{section.document.slug}/sections/{section.anchor}/note"
    auth.login("dangvien")
    assert client.get(url).status_code == 404
    assert client.post(url, data={"body": "x", "version": "0"}).status_code == 404
    auth.logout()
    auth.login("dangvien3")
    assert client.get(url).status_code == 200
    assert client.get(f"/library/{section.document.slug}/sections/khong-co/note").status_code == 404


def test_notebook_lists_notes_by_meeting_date_and_filters_by_year(client, auth, world):
    member = world["users"]["dangvien"]
    old = nf.meeting(world["cell1"], title="Họp năm ngoái", starts_at=datetime(2025, 12, 31, 18, 0, tzinfo=UTC))
    new = nf.meeting(world["cell1"], title="Họp tháng Ba", starts_at=datetime(2026, 3, 5, 1, 0, tzinfo=UTC))
    nf.note(member, meeting=old, body="Ghi chép cũ")  # 1 Jan 2026 in Vietnam
    nf.note(member, meeting=new, body="Ghi chép mới")
    nf.note(member, section=nf.section(), body="Ghi chú văn bản")
    older = nf.meeting(world["cell1"], title="Họp năm 2024", starts_at=datetime(2024, 6, 1, 1, 0, tzinfo=UTC))
    nf.note(member, meeting=older, body="Ghi chép 2024")
    auth.login("dangvien")
    page = text_of(client.get("/notes"))
    assert page.index("Họp tháng Ba") < page.index("Họp năm ngoái")
    assert "Ghi chú văn bản" in page
    only_2026 = text_of(client.get("/notes?year=2026"))
    assert "Họp năm ngoái" in only_2026 and "Họp tháng Ba" in only_2026
    assert "Họp năm 2024" not in only_2026
    assert "Họp tháng Ba" not in text_of(client.get("/notes?year=2024"))


def test_search_finds_only_ones_own_notes_without_accents(world):
    n = nf.note_world(world)
    nf.note(world["users"]["dangvien2"], meeting=n["meeting"], body="Bí mật của Hương")
    hits = search_notes(world["users"]["dangvien"], parse_query("bi mat"))
    assert [h.title for h in hits] == [n["meeting_note"].context_title]
    assert "<mark>Bí</mark> <mark>mật</mark>" in str(hits[0].snippet)
    assert search_notes(world["users"]["dangvien3"], parse_query("bi mat")) == []
    assert search_notes(world["users"]["dangvien"], parse_query("dieu 3"))[0].url.endswith("/dieu-3/note")
    assert search_notes(world["users"]["dangvien"], parse_query("a_b")) == []  # LIKE wildcards are literal


def test_home_panel_shows_recent_note_titles_not_text(client, auth, world):
    n = nf.note_world(world)
    auth.login("dangvien")
    page = text_of(client.get("/"))
    assert "Ghi chép gần đây" in page and n["meeting"].title in page
    assert "Bí mật của Đức" not in page
    auth.logout()
    auth.login("dangvien2")
    assert "Ghi chép gần đây" not in text_of(client.get("/"))


def test_reader_offers_a_note_on_each_article_and_marks_the_noted_one(client, auth, world):
    auth.login("dangvien")
    url = "/library/08-qdi-tw/sections/dieu-3/note"
    client.post(url, data={"body": "Liên hệ bản thân về nêu gương", "version": "0"})
    page = client.get("/library/08-qdi-tw").get_data(as_text=True)
    assert f'href="{url}"' in page and "Xem ghi chú của tôi" in page
    assert page.count("✎ Ghi chú") >= 1  # the other articles offer a new note
    auth.logout()
    auth.login("dangvien2")
    assert "Xem ghi chú của tôi" not in client.get("/library/08-qdi-tw").get_data(as_text=True)
