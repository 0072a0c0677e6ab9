"""The secretary's agenda: templates, items with htmx, linking sections, the preview, light markdown."""

import re
from datetime import timedelta

from handbook.extensions import db
from handbook.meetings.agenda.standard import REGULAR
from handbook.models_base import utcnow
from handbook.timefmt import to_vn
from tests.conftest import text_of
from tests.meetings.factories import HTMX, fresh, meeting, meetings_of, section


def local(dt):
    return to_vn(dt).strftime("%Y-%m-%dT%H:%M")


def new_form(**overrides):
    starts = utcnow() + timedelta(days=10)
    data = {"kind": "regular", "title": "Sinh hoạt tháng", "template": "regular", "starts_at": local(starts),
            "ends_at": local(starts + timedelta(minutes=120)), "location": "Phòng họp"}
    data.update(overrides)
    return data


def test_secretary_creates_from_the_standard_monthly_template(client, auth, world):
    auth.login("bithu")
    before = len(meetings_of(world["cell1"]))
    response = client.post("/meetings/new", data=new_form())
    assert response.status_code == 302
    created = max(meetings_of(world["cell1"]), key=lambda m: m.id)
    assert len(meetings_of(world["cell1"])) == before + 1
    assert created.status == "draft" and created.duration_minutes == 120
    assert [i.title for i in created.items] == [t for t, *_ in REGULAR]


def test_thematic_template_names_the_author_as_presenter(client, auth, world):
    auth.login("bithu")
    client.post("/meetings/new", data=new_form(kind="thematic", template="thematic", paper_author="Phạm Thị Hương"))
    created = max(meetings_of(world["cell1"]), key=lambda m: m.id)
    assert created.kind == "thematic" and created.paper_author == "Phạm Thị Hương"
    assert created.items[1].presenter == "Phạm Thị Hương"


def test_copy_last_month_copies_items_and_links(client, auth, world):
    sec = section()
    last = meeting(world["cell1"], starts_in=timedelta(days=40), status="published", items=("Mục A", "Mục B"))
    from handbook.meetings.models import AgendaLink

    db.session.add(AgendaLink(item_id=last.items[0].id, section_id=sec.id))
    db.session.commit()
    auth.login("bithu")
    client.post("/meetings/new", data=new_form(template="copy", starts_at=local(utcnow() + timedelta(days=50)),
                                               ends_at=local(utcnow() + timedelta(days=50, hours=2))))
    created = max(meetings_of(world["cell1"]), key=lambda m: m.id)
    assert [i.title for i in created.items] == ["Mục A", "Mục B"]
    assert [link.section_id for link in created.items[0].links] == [sec.id]


def test_bad_new_meeting_input_is_refused_with_a_message_and_kept(client, auth, world):
    auth.login("bithu")
    count = len(meetings_of(world["cell1"]))
    past = utcnow() - timedelta(days=1)
    cases = [
        (new_form(title=""), "Vui lòng nhập tên buổi họp."),
        (new_form(starts_at=local(past), ends_at=local(past + timedelta(hours=2))), "Thời gian bắt đầu đã qua"),
        (new_form(ends_at=local(utcnow() + timedelta(days=9))), "Giờ kết thúc phải sau giờ bắt đầu."),
    ]
    for data, message in cases:
        response = client.post("/meetings/new", data={**data, "location": "Nhà văn hóa thôn"})
        assert response.status_code == 400
        assert message in text_of(response)
        assert "Nhà văn hóa thôn" in response.get_data(as_text=True)
    assert len(meetings_of(world["cell1"])) == count


def test_member_cannot_touch_the_agenda(client, auth, world):
    m = meeting(world["cell1"])
    auth.login("dangvien")
    assert client.post("/meetings/new", data=new_form()).status_code == 404
    assert client.post(f"/meetings/{m.id}/items", data={"title": "X", "seq": m.edit_seq}).status_code == 404
    assert client.post(f"/meetings/{m.id}/publish", data={"confirm": "y"}).status_code == 404
    assert client.get(f"/meetings/{m.id}").status_code == 404  # drafts are the leaders' only
    assert fresh(m.id).status == "draft" and len(fresh(m.id).items) == 3


def test_other_cell_and_admin_visibility(client, auth, world):
    draft = meeting(world["cell1"])
    published = meeting(world["cell1"], status="published", title="Họp riêng chi bộ một")
    auth.login("dangvien3")
    assert client.get(f"/meetings/{published.id}").status_code == 404
    assert "Họp riêng chi bộ một" not in text_of(client.get("/meetings"))
    auth.logout()
    auth.login("capuy")
    assert client.get(f"/meetings/{published.id}").status_code == 200
    assert client.get(f"/meetings/{draft.id}").status_code == 404
    assert client.get(f"/meetings/{published.id}/edit").status_code == 404


def test_items_are_added_moved_and_removed_with_htmx(client, auth, world):
    m = meeting(world["cell1"])
    auth.login("bithu")
    response = client.post(f"/meetings/{m.id}/items", headers=HTMX,
                           data={"new-title": "Kết nạp đảng viên mới", "new-planned_minutes": "15",
                                 "new-seq": m.edit_seq})
    assert response.status_code == 200 and "<html" not in response.get_data(as_text=True)
    assert "Kết nạp đảng viên mới" in response.get_data(as_text=True)
    # A new item goes before the closing one, not after it.
    assert [i.title for i in fresh(m.id).items] == ["Khai mạc", "Thảo luận", "Kết nạp đảng viên mới", "Bế mạc"]
    m = fresh(m.id)
    added = m.items[2]
    client.post(f"/meetings/{m.id}/items/{added.id}/move", headers=HTMX, data={"direction": "up", "seq": m.edit_seq})
    assert [i.title for i in fresh(m.id).items] == ["Khai mạc", "Kết nạp đảng viên mới", "Thảo luận", "Bế mạc"]
    m = fresh(m.id)
    client.post(f"/meetings/{m.id}/items/{m.items[0].id}/delete", headers=HTMX, data={"seq": m.edit_seq})
    items = fresh(m.id).items
    assert [i.title for i in items] == ["Kết nạp đảng viên mới", "Thảo luận", "Bế mạc"]
    assert [i.position for i in items] == [1, 2, 3]


def test_a_new_item_goes_where_the_secretary_asks(client, auth, world):
    m = meeting(world["cell1"])
    first = m.items[0]
    auth.login("bithu")
    page = client.get(f"/meetings/{m.id}/edit").get_data(as_text=True)
    assert "Trước mục “Bế mạc”" in page and f'value="{first.id}"' in page
    client.post(f"/meetings/{m.id}/items", headers=HTMX,
                data={"new-title": "Sau khai mạc", "new-after": str(first.id), "new-seq": m.edit_seq})
    m = fresh(m.id)
    client.post(f"/meetings/{m.id}/items", headers=HTMX,
                data={"new-title": "Cuối cùng", "new-after": "end", "new-seq": m.edit_seq})
    assert [i.title for i in fresh(m.id).items] == ["Khai mạc", "Sau khai mạc", "Thảo luận", "Bế mạc", "Cuối cùng"]
    assert [i.position for i in fresh(m.id).items] == [1, 2, 3, 4, 5]


def test_the_add_item_form_has_ids_of_its_own(client, auth, world):
    m = meeting(world["cell1"])
    auth.login("bithu")
    page = client.get(f"/meetings/{m.id}/edit").get_data(as_text=True)
    assert '<label for="new-title">Nội dung</label>' in page and 'id="new-title"' in page
    assert '<label for="title">Tên buổi họp</label>' in page and page.count('id="title"') == 1


def test_empty_item_title_is_refused(client, auth, world):
    m = meeting(world["cell1"])
    auth.login("bithu")
    response = client.post(f"/meetings/{m.id}/items", headers=HTMX,
                           data={"new-title": " ", "new-presenter": "Đ/c Hương", "new-seq": m.edit_seq})
    assert "Vui lòng nhập nội dung mục." in text_of(response)
    assert "Đ/c Hương" in response.get_data(as_text=True)
    assert len(fresh(m.id).items) == 3


def test_sections_are_found_without_accents_and_linked(client, auth, world):
    sec = section()
    hidden = section(org_id=world["cell2"].id, slug="rieng-chi-bo-2", anchor="dieu-1")
    m = meeting(world["cell1"], status="published")
    auth.login("bithu")
    found = client.get(f"/meetings/{m.id}/items/{m.items[1].id}/sections?q=trach nhiem neu guong", headers=HTMX)
    assert "Trách nhiệm nêu gương" in found.get_data(as_text=True)
    refused = client.post(f"/meetings/{m.id}/items/{m.items[1].id}/links", headers=HTMX,
                          data={"section_id": hidden.id})
    assert refused.status_code == 404
    client.post(f"/meetings/{m.id}/items/{m.items[1].id}/links", headers=HTMX, data={"section_id": sec.id})
    auth.logout()
    auth.login("dangvien")
    page = client.get(f"/meetings/{m.id}").get_data(as_text=True)
    assert 'href="/library/quy-dinh-thu#dieu-3"' in page


def test_preview_shows_the_members_view(client, auth, world):
    m = meeting(world["cell1"])
    auth.login("bithu")
    page = text_of(client.get(f"/meetings/{m.id}/preview"))
    assert "Xem trước" in page and "Khai mạc" in page and "Đăng ký tham dự" not in page


def test_item_descriptions_allow_light_markdown_and_nothing_dangerous(client, auth, world):
    m = meeting(world["cell1"], status="published")
    auth.login("bithu")
    client.post(f"/meetings/{m.id}/items/{m.items[0].id}", headers=HTMX, data={
        "title": "Khai mạc", "seq": m.edit_seq,
        "description": "**Thu đảng phí**\n\n<script>alert(1)</script>\n\n[xem](javascript:alert(1))"})
    html = client.get(f"/meetings/{m.id}").get_data(as_text=True)
    assert "<strong>Thu đảng phí</strong>" in html
    assert "<script>alert" not in html and "href=\"javascript" not in html


def test_item_edits_by_htmx_keep_the_details_form_current(client, auth, world):
    m = meeting(world["cell1"])
    auth.login("bithu")
    response = client.post(f"/meetings/{m.id}/items", headers=HTMX, data={"title": "Mục thêm", "seq": m.edit_seq})
    assert f'id="details-seq" value="{fresh(m.id).edit_seq}" hx-swap-oob="true"' in response.get_data(as_text=True)


def test_sections_are_found_by_article_word_and_number_as_the_hint_shows(client, auth, world):
    m = meeting(world["cell1"])
    auth.login("bithu")
    found = client.get(f"/meetings/{m.id}/items/{m.items[1].id}/sections?q=dieu 3 08-QĐi", headers=HTMX)
    results = re.findall(r"</button>\s*([^<]+?)\s*</form>", found.get_data(as_text=True))
    assert results and results[0].startswith("08-QĐi/TW — 3 "), results


def test_the_article_picker_reads_as_much_for_ten_results_as_for_one(client, auth, world):
    # Each result names its document: read with the sections, not once per result.
    from sqlalchemy import event

    from handbook.library.models import Document, Section

    for n in range(11):  # ten documents on one word, and one alone on another
        word = "Tiếp dân" if n == 10 else "Hòa giải"
        document = Document(number=f"{90 + n}-QĐi/TW", doc_type="Quy định", title=word, slug=f"van-ban-{n}")
        document.sections.append(Section(position=1, level="dieu", number="Điều 1", heading=f"{word} cơ sở",
                                         text=f"{word} định kỳ.", anchor="dieu-1"))
        db.session.add(document)
    db.session.commit()
    m = meeting(world["cell1"])
    auth.login("bithu")
    url = f"/meetings/{m.id}/items/{m.items[1].id}/sections"

    def statements(query: str) -> tuple[int, int]:
        seen = []
        record = lambda *args: seen.append(args[2])  # noqa: E731
        event.listen(db.engine, "before_cursor_execute", record)
        try:
            found = client.get(url, query_string={"q": query}, headers=HTMX).get_data(as_text=True)
        finally:
            event.remove(db.engine, "before_cursor_execute", record)
        return found.count("QĐi/TW — Điều"), len(seen)

    client.get(url, query_string={"q": "hoa giai"}, headers=HTMX)
    ten, one = statements("hoa giai"), statements("tiep dan")
    assert ten[0] == 10 and one[0] == 1
    assert ten[1] == one[1], (ten, one)
