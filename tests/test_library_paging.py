"""The paged reader: how a document is split, ?trang= / ?muc=, the next-page fragment, and
the member's marks (bookmarks, notes, reading position) on pages other than the first."""

import re

from sqlalchemy import select

from handbook.extensions import db
from handbook.library.paging import CHILDREN, HEADINGS, PAGE_BUDGET, OutlineEntry, _cost, build_layout, layout_for
from tests import notes_factories as nf
from tests.library_factories import long_document
from tests.test_load_queries import statements

HX = {"HX-Request": "true"}


def outline(*specs) -> list[OutlineEntry]:
    """("dieu", size), ... -> entries with anchors s0, s1, ..."""
    return [OutlineEntry(i, i, level, str(i), "", f"s{i}", size) for i, (level, size) in enumerate(specs)]


def page_levels(layout) -> list[list[str]]:
    return [[e.level for e in layout.entries(n)] for n in range(1, layout.page_count + 1)]


def test_a_short_document_is_one_page():
    layout = build_layout(outline(("dieu", 300), ("khoan", 200), ("dieu", 300)))
    assert layout.pages == [(0, 3)] and set(layout.page_of.values()) == {1}
    assert build_layout([]).page_count == 1


def test_articles_stay_whole_and_headings_open_the_page_of_what_follows():
    big = PAGE_BUDGET // 4
    layout = build_layout(outline(
        ("dieu", big), ("khoan", 100), ("dieu", big), ("khoan", big), ("diem", 100),
        ("chuong", 40), ("muc", 40), ("dieu", big), ("khoan", 10),
        ("dieu", 5 * PAGE_BUDGET),  # longer than a page: a page of its own
        ("dieu", 100),
    ))
    assert page_levels(layout) == [
        ["dieu", "khoan", "dieu", "khoan", "diem"],
        ["chuong", "muc", "dieu", "khoan"],
        ["dieu"],
        ["dieu"],
    ]


def test_a_chapter_shares_a_page_that_is_less_than_half_full_and_trailing_headings_close_the_last():
    assert build_layout(outline(("dieu", 100), ("chuong", 10), ("dieu", 100))).pages == [(0, 3)]
    assert build_layout(outline(("dieu", 100), ("chuong", 10))).pages == [(0, 2)]


def test_a_long_document_is_split_within_budget_every_section_once_in_order(world):
    document = long_document()
    layout = layout_for(document)
    assert 20 <= layout.page_count <= 40
    # Contiguous ranges covering the outline: every section on exactly one page, order kept.
    assert layout.pages[0][0] == 0 and layout.pages[-1][1] == len(layout.outline)
    assert all(a[1] == b[0] and a[0] < a[1] for a, b in zip(layout.pages, layout.pages[1:], strict=False))
    for n in range(1, layout.page_count + 1):
        entries = layout.entries(n)
        assert entries[0].level not in CHILDREN  # no article split from its clauses
        if n < layout.page_count:
            assert entries[-1].level not in HEADINGS  # a chapter heading never ends a page
        assert sum(_cost(e) for e in entries) <= PAGE_BUDGET
    assert layout.page_of["dieu-1"] == 1 and layout.page_of["dieu-200-khoan-2"] == layout.page_count


def test_trang_and_muc_choose_the_page(client, auth, world):
    document = long_document()
    layout = layout_for(document)
    url = f"/library/{document.slug}"
    auth.login("dangvien")
    first = client.get(url).get_data(as_text=True)
    assert 'id="dieu-1"' in first and 'id="dieu-200"' not in first
    assert first.count("<li class=\"toc-dieu\">") == 200  # the full contents on every page
    third = client.get(f"{url}?trang=3").get_data(as_text=True)
    on_three = [e.anchor for e in layout.entries(3) if e.level == "dieu"]
    assert re.findall(r'<section id="(dieu-\d+)"', third) == on_three
    assert 'href="?trang=2">← Trang trước</a>' in third and 'href="?trang=4">Trang sau →</a>' in third
    page = layout.page_of["dieu-150"]
    held = client.get(f"{url}?muc=dieu-150-khoan-2").get_data(as_text=True)
    assert 'id="dieu-150-khoan-2"' in held and f"Trang {page}/{layout.page_count}" in held
    # Unknown anchors open page 1; pages that do not exist are 404, never a 500.
    assert 'id="dieu-1"' in client.get(f"{url}?muc=khong-co").get_data(as_text=True)
    for bad in (str(layout.page_count + 1), "0", "-1", "abc", "99999999999999999999"):
        assert client.get(f"{url}?trang={bad}").status_code == 404, bad
    assert client.get(f"{url}?trang={layout.page_count}").status_code == 200


def test_contents_and_neighbour_links_carry_the_page(client, auth, world):
    document = long_document()
    layout = layout_for(document)
    auth.login("dangvien")
    html = client.get(f"/library/{document.slug}").get_data(as_text=True)
    assert f'href="?trang={layout.page_of["dieu-100"]}#dieu-100"' in html and 'href="#dieu-1"' in html
    last = [e for e in layout.entries(1) if e.level == "dieu"][-1]
    following = f"dieu-{int(last.number) + 1}"
    block = html[html.index(f'id="{last.anchor}"'):]
    assert f'href="?trang=2#{following}" rel="next"' in block


def test_the_next_page_fragment(client, auth, world):
    document = long_document()
    layout = layout_for(document)
    auth.login("dangvien")
    fragment = client.get(f"/library/{document.slug}/trang/2", headers=HX).get_data(as_text=True)
    assert "<html" not in fragment and "Mục lục" not in fragment
    assert re.findall(r'<section id="(dieu-\d+)"', fragment) == [e.anchor for e in layout.entries(2)
                                                                 if e.level == "dieu"]
    assert (f'hx-get="/library/{document.slug}/trang/3" hx-trigger="revealed" hx-swap="outerHTML"'
            in fragment)
    assert "Trang trước" not in fragment  # the page above it is already there
    last = client.get(f"/library/{document.slug}/trang/{layout.page_count}", headers=HX).get_data(as_text=True)
    assert 'id="dieu-200"' in last and "hx-get" not in last.split('id="dieu-200"')[1]
    for bad in (0, layout.page_count + 1):
        assert client.get(f"/library/{document.slug}/trang/{bad}", headers=HX).status_code == 404


def test_restricted_long_document_is_404_on_every_page_for_others(client, auth, world):
    document = long_document(slug="quy-dinh-chi-bo", org=world["cell1"])
    auth.login("dangvien3")
    assert client.get(f"/library/{document.slug}?trang=2").status_code == 404
    assert client.get(f"/library/{document.slug}/trang/2", headers=HX).status_code == 404


def test_marks_work_on_later_pages(client, auth, world):
    document = long_document()
    layout = layout_for(document)
    slug, page = document.slug, layout.page_of["dieu-120"]
    marked, noted = [e.anchor for e in layout.entries(page) if e.level == "dieu"][:2]
    auth.login("dangvien")
    back = client.post(f"/library/{slug}/bookmark/{marked}")
    assert back.headers["Location"].endswith(f"/library/{slug}?muc={marked}#{marked}")
    section = next(s for s in document.sections if s.anchor == noted)
    nf.note(world["users"]["dangvien"], section=section, body="Ghi chú")
    assert client.post(f"/library/{slug}/position", data={"anchor": "dieu-120"}).status_code == 204
    first = client.get(f"/library/{slug}").get_data(as_text=True)
    assert re.search(rf'href="\?trang={page}#dieu-120">Đọc tiếp: Điều 120\.', first)
    for html in (client.get(f"/library/{slug}?trang={page}").get_data(as_text=True),
                 client.get(f"/library/{slug}/trang/{page}", headers=HX).get_data(as_text=True)):
        first_tools, second_tools = html[html.index(f'id="{marked}"'):].split(f'id="{noted}"', 1)
        assert "★ Bỏ đánh dấu" in first_tools and "Xem ghi chú của tôi" not in first_tools
        assert "Xem ghi chú của tôi" in second_tools.split("</section>")[0]


def test_a_page_reads_only_its_own_texts_and_the_outline_once(client, auth, world):
    document = long_document()
    slug = document.slug
    layout_for(document)  # what an earlier visitor left in this worker
    auth.login("dangvien")
    for url in (f"/library/{slug}?trang=5", f"/library/{slug}/trang/6"):
        with statements() as seen:
            assert client.get(url, headers=HX).status_code == 200
        texts = [s for s in seen if "section.text" in s]
        assert texts and all("section.position BETWEEN" in s for s in texts), texts
    # Re-importing moves updated_at: the layout is built again from the new outline.
    from handbook.library.importer import sync_sections
    from handbook.library.models import Document
    from handbook.library.structure import parse
    from tests.library_factories import long_regulation_text

    document = db.session.scalar(select(Document).where(Document.slug == slug))
    sync_sections(document, parse(long_regulation_text(20, document.number)))
    db.session.commit()
    assert client.get(f"/library/{slug}").get_data(as_text=True).count("<li class=\"toc-dieu\">") == 20
