"""The one search index: built by the migration as the app builds it, kept in step with
every change, and never a way to read what one may not see."""

import importlib.util
import re
from datetime import timedelta
from pathlib import Path

from sqlalchemy import event, select, text

from handbook.admin.orgs import move_org
from handbook.admin.search import member_search
from handbook.extensions import db
from handbook.meetings.access import visible_meetings
from handbook.meetings.models import AgendaItem, Meeting, MinutesOpinion
from handbook.models_base import utcnow
from handbook.search.models import SearchEntry
from handbook.search.registry import source_named, sources
from handbook.vietnamese import parse_query
from tests import notes_factories as nf
from tests.conftest import text_of
from tests.meetings import factories as mf
from tests.test_admin_import import CELL, _csv, _upload

KINDS_OF_0009 = {"section", "agenda", "minutes", "note", "member"}


def _entries(kinds=KINDS_OF_0009) -> set[tuple]:
    """The entries of `kinds` (by default those 0009 built; later kinds came with their own tables)."""
    return set(db.session.execute(select(SearchEntry.id, SearchEntry.kind, SearchEntry.ref_id, SearchEntry.title,
                                         SearchEntry.body, SearchEntry.ref, SearchEntry.facets)
                                  .where(SearchEntry.kind.in_(kinds))).all())


def _migration():
    path = Path(__file__).parents[1] / "migrations" / "versions" / "0009_search_index.py"
    spec = importlib.util.spec_from_file_location("idx_migration", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _source(name):
    return source_named(name)


def test_the_migration_builds_the_entries_the_app_keeps(world, make):
    nf.note_world(world)
    make.user("khoa", cell=world["cell2"], full_name="Đinh Văn Khóa", active=False, holds_leadership_post=True,
              card_number="93000777", phone="0912000777")
    mf.meeting(world["cell1"], status="draft", title="Họp nháp chưa công bố")
    # Opinions in the minutes came with a later migration that made their table empty, so the
    # entries 0009 builds are those of minutes without them; the app drops them from the index
    # as it drops the rows.
    for opinion in db.session.scalars(select(MinutesOpinion)):
        db.session.delete(opinion)
    db.session.commit()
    kept = _entries()
    assert {kind for _id, kind, *_rest in kept} == KINDS_OF_0009
    db.session.execute(text("DELETE FROM search_entry"))
    for statement in _migration()._backfill(db.engine.dialect.name):
        db.session.execute(text(statement))
    db.session.commit()
    assert _entries() == kept
    auth_hits = _source("library")(world["users"]["dangvien"], parse_query("neu guong"), 20)
    assert auth_hits  # and the full-text side was rebuilt with them


def test_a_note_is_found_by_its_owner_only_whatever_it_says(world):
    owner, other = world["users"]["dangvien"], world["users"]["dangvien2"]
    meeting = nf.meeting(world["cell1"])
    # Words that look like the index's facets must stay words of the text.
    nf.note(owner, meeting=meeting, body=f"Riêng tư zebra _u{other.id} u{other.id} a{world['cell1'].id} pub")
    for words in ("zebra", f"u{other.id}", "pub"):
        terms = parse_query(words)
        assert _source("notes")(other, terms, 20) == []
        assert all("zebra" not in hit.snippet for source in sources() for hit in source.search(other, terms, 20))
    assert [h.kind for h in _source("notes")(owner, parse_query("zebra"), 20)] == ["Ghi chép của tôi"]
    assert _source("meetings")(owner, parse_query("zebra"), 20) == []


def test_meeting_search_sees_exactly_the_meetings_visible_meetings_allows(world, make):
    make.user("capuy_co_so", role="admin", role_org=world["base"])
    mf.meeting(world["cell1"], status="draft", items=("Kiểm tra nội bộ",))
    mf.meeting(world["cell2"], status="published", items=("Kiểm tra nội bộ",))
    mf.meeting(world["cell2"], status="cancelled", items=("Kiểm tra nội bộ",))
    for meeting in db.session.scalars(select(Meeting)):
        meeting.items.append(AgendaItem(position=99, title="Mục chung kiemtrachung"))
    db.session.commit()
    from handbook.auth.models import User

    for user in db.session.scalars(select(User)):
        expected = set(db.session.scalars(visible_meetings(user).with_only_columns(Meeting.id)))
        hits = _source("meetings")(user, parse_query("kiemtrachung"), 1000)
        assert {int(re.search(r"/meetings/(\d+)", h.url).group(1)) for h in hits} == expected, user.username


def test_meeting_search_reads_every_meeting_however_old(world):
    cell = world["cell1"]
    oldest = mf.meeting(cell, status="closed", title="Họp xưa về đê điều", starts_in=timedelta(days=-5000))
    db.session.add_all(Meeting(cell_id=cell.id, title=f"Họp {n}", starts_at=utcnow() - timedelta(days=n),
                               status="closed") for n in range(1, 520))
    db.session.commit()
    hits = _source("meetings")(world["users"]["dangvien"], parse_query("de dieu"), 20)
    assert [h.url.rsplit("/", 1)[1] for h in hits] == [str(oldest.id)]


def test_a_meeting_entry_names_its_kind_and_meeting_without_being_read(world):
    from handbook.meetings.minutes.models import Minutes
    from handbook.search.index import meeting_of

    held = mf.meeting(world["cell1"], status="closed", starts_in=timedelta(days=-9000))
    db.session.add(Minutes(meeting_id=held.id, status="final", conclusions="Kết luận"))
    db.session.commit()
    mf.meeting(world["cell2"], status="published", starts_in=timedelta(days=9000))
    stored = db.session.execute(select(SearchEntry.id, SearchEntry.kind, SearchEntry.ref_id)
                                .where(SearchEntry.kind.in_(("agenda", "minutes")))).all()
    assert {"agenda", "minutes"} <= {kind for _id, kind, _ref in stored}
    assert all(meeting_of(entry_id) == (kind, ref_id) for entry_id, kind, ref_id in stored)


def test_a_search_finding_only_agendas_reads_no_minutes(world):
    mf.meeting(world["cell1"], status="published", items=("Bàn việc đê điều",))
    seen = []

    def record(conn, cursor, statement, *rest):
        seen.append(" ".join(statement.split()))

    event.listen(db.engine, "before_cursor_execute", record)
    try:
        hits = _source("meetings")(world["users"]["dangvien"], parse_query("de dieu"), 20)
    finally:
        event.remove(db.engine, "before_cursor_execute", record)
    assert [h.kind for h in hits] == ["Chương trình họp"]
    assert "Bàn việc <mark>đê</mark> <mark>điều</mark>" in hits[0].snippet
    assert not [s for s in seen if "FROM minutes" in s or "SELECT id, kind, ref_id" in s], seen


def test_rescheduling_and_editing_an_agenda_keeps_one_entry_per_meeting(world):
    meeting = mf.meeting(world["cell1"], status="published", items=("Bầu tổ trưởng",))
    meeting.starts_at = meeting.starts_at + timedelta(days=3)
    meeting.items[0].title = "Bầu tổ phó"
    db.session.commit()
    member = world["users"]["dangvien"]
    assert _source("meetings")(member, parse_query("to truong"), 20) == []
    assert len(_source("meetings")(member, parse_query("to pho"), 20)) == 1
    assert db.session.scalar(select(SearchEntry.id).where(SearchEntry.kind == "agenda",
                                                          SearchEntry.ref_id == meeting.id)) is not None
    db.session.delete(meeting)
    db.session.commit()
    assert db.session.scalars(select(SearchEntry).where(SearchEntry.ref_id == meeting.id,
                                                        SearchEntry.kind.in_(("agenda", "minutes")))).all() == []


def test_a_moved_cell_takes_its_members_and_meetings_to_the_new_subtree(world, make):
    other_base = make.org("Đảng bộ cơ sở khác", "base", world["bloc"])
    admin = make.user("capuy_khac", role="admin", role_org=other_base)
    mf.meeting(world["cell2"], status="published", items=("Chuyển sinh hoạt đảng",))
    assert member_search(other_base, "hoang minh dat", "active", False, "").count() == 0
    move_org(world["cell2"], other_base, actor=world["users"]["capuy"])
    db.session.commit()
    assert member_search(other_base, "hoang minh dat", "active", False, "").count() == 1
    assert len(_source("meetings")(admin, parse_query("chuyen sinh hoat"), 20)) == 1


def test_members_imported_from_a_file_are_found(client, auth, world):
    auth.login("capuy")
    preview = _upload(client, _csv(f"Vũ Văn Nam,93100001,0913100001,01/02/1980,Nam,03/02/2005,03/02/2006,,{CELL}"))
    token = re.search(r'name="token" value="([^"]+)"', preview.get_data(as_text=True)).group(1)
    client.post("/admin/import/confirm", data={"token": token})
    assert "Vũ Văn Nam" in text_of(client.get("/admin/members?q=vu van nam"))
    assert "Vũ Văn Nam" in text_of(client.get("/admin/members?q=0913100001"))


def test_member_search_applies_every_filter_to_the_matches(client, auth, world):
    auth.login("capuy")
    page = text_of(client.get("/admin/members?q=nguyen&role=secretary"))
    assert "Nguyễn Thị Bích" in page and "1 đảng viên" in page
    assert "0 đảng viên" in text_of(client.get("/admin/members?q=nguyen&role=deputy"))
    assert "0 đảng viên" in text_of(client.get("/admin/members?q=nguyen&status=inactive"))
    assert "0 đảng viên" in text_of(client.get("/admin/members?q=***"))


def test_many_matches_are_listed_in_name_order_and_counted(client, auth, world, make):
    for name in ("Nguyễn Văn Ba", "Nguyễn Thị Ánh", "Nguyễn Văn An"):
        make.user(cell=world["cell2"], full_name=name)
    auth.login("capuy")
    page = text_of(client.get("/admin/members?q=nguyen"))
    assert "4 đảng viên" in page  # the three, and the demo's Nguyễn Thị Bích
    assert page.index("Nguyễn Thị Ánh") < page.index("Nguyễn Thị Bích") < page.index("Nguyễn Văn An") \
        < page.index("Nguyễn Văn Ba")


def test_the_article_picker_follows_a_renumbered_document(client, auth, world):
    section = mf.section()
    meeting = mf.meeting(world["cell1"])
    section.document.number = "77-QĐi/TW"
    db.session.commit()
    auth.login("bithu")
    url = f"/meetings/{meeting.id}/items/{meeting.items[0].id}/sections"
    assert "Trách nhiệm nêu gương" in client.get(url, query_string={"q": "77 qdi"}, headers=mf.HTMX).get_data(
        as_text=True)
    assert "Trách nhiệm nêu gương" not in client.get(url, query_string={"q": "99 qdi"}, headers=mf.HTMX).get_data(
        as_text=True)


def test_a_phrase_read_on_newest_first_finds_what_the_index_finds(world, monkeypatch):
    """A phrase with few matches in the newest window reads on below it (ranking.READ_ON)
    instead of asking the GIN index: the same meetings, newest first, words in their order."""
    import handbook.search.ranking as ranking

    cell = world["cell1"]
    made = []
    for n in range(12):
        item = "Xây dựng Đảng trong sạch" if n % 3 == 0 else "Dựng lại nhà văn hoá, xây tường rào"
        made.append(mf.meeting(cell, status="closed", title=f"Họp số {n}", starts_in=timedelta(days=-30 * (n + 1)),
                               items=(item,)))
    admin = world["users"]["capuy"]
    expected = [str(m.id) for n, m in enumerate(made) if n % 3 == 0]  # newest first, as made
    found = _source("meetings")(admin, parse_query('"xay dung"'), 20)
    assert [h.url.rsplit("/", 1)[1] for h in found] == expected
    monkeypatch.setattr(ranking, "WINDOW", 3)  # one match in the newest window: read on
    monkeypatch.setattr(ranking, "RARE", 1.0)
    found = _source("meetings")(admin, parse_query('"xay dung"'), 3)
    assert [h.url.rsplit("/", 1)[1] for h in found] == expected[:3]
