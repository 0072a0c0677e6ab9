"""The one search box: every source answers, each only with what the searcher may see."""

from tests.conftest import text_of


def kinds(response) -> set[str]:
    page = text_of(response)
    return {kind for kind in ("Văn bản", "Chương trình họp", "Ghi chép của tôi") if kind in page}


def test_member_finds_library_agenda_and_own_note_without_accents(client, auth, world):
    auth.login("dangvien")
    response = client.get("/search?q=neu guong")
    assert response.status_code == 200
    assert kinds(response) >= {"Văn bản", "Ghi chép của tôi"}
    assert "<mark>" in response.get_data(as_text=True)


def test_another_member_never_sees_someone_elses_note(client, auth, world):
    auth.login("dangvien2")
    assert "Ghi chép của tôi" not in text_of(client.get("/search?q=tu kiem diem"))
    auth.logout()
    auth.login("dangvien")
    assert "Ghi chép của tôi" in text_of(client.get("/search?q=tu kiem diem"))


def test_member_of_another_cell_does_not_find_cell_one_agendas(client, auth, world):
    from sqlalchemy import select

    from handbook.extensions import db
    from handbook.meetings.models import Meeting

    cell1 = set(db.session.scalars(select(Meeting.id).where(Meeting.cell_id == world["cell1"].id)))
    auth.login("dangvien3")
    page = client.get("/search?q=sinh hoat chi bo").get_data(as_text=True)
    assert "Chương trình họp" in page  # their own cell's agendas
    assert not any(f'/meetings/{mid}"' in page or f"/meetings/{mid}#" in page for mid in cell1)


def test_one_source_cannot_crowd_out_the_others(app, monkeypatch):
    from markupsafe import Markup

    from handbook.search import registry, routes

    def loud(user, terms, limit):
        return [registry.SearchHit("A", f"a{i}", "/a", Markup(""), rank=100.0 + i) for i in range(limit)]

    def quiet(user, terms, limit):
        return [registry.SearchHit("B", "b0", "/b", Markup(""), rank=0.01)]

    monkeypatch.setattr(routes, "sources", lambda: [registry.SearchSource(0, "loud", loud),
                                                    registry.SearchSource(1, "quiet", quiet)])
    hits = routes.run_search(None, "anything")
    assert [h.title for h in hits[:2]] == ["a19", "b0"] or [h.title for h in hits[:2]] == ["b0", "a19"]


def test_a_members_meetings_read_by_id_find_what_the_facets_find(app, world, monkeypatch):
    # On PostgreSQL a member's (or a secretary's) meeting search reads their own cells'
    # entries by id; it must find exactly what the facets alone find, drafts included for
    # the cell's leaders only. (SQLite always goes by the facets.)
    from handbook.auth.models import User
    from handbook.extensions import db
    from handbook.meetings import search as meeting_search
    from handbook.vietnamese import parse_query
    from tests.meetings import factories as mf

    mf.meeting(world["cell1"], status="draft", title="Họp nháp sinh hoạt", items=("Sinh hoạt chuyên đề",))
    mf.meeting(world["cell1"], status="published", title="Họp công bố sinh hoạt", items=("Sinh hoạt chi bộ",))
    mf.meeting(world["cell2"], status="published", title="Chi bộ hai sinh hoạt", items=("Sinh hoạt",))

    def found(username, query):
        user = db.session.scalar(db.select(User).where(User.username == username))
        with app.test_request_context():
            return [(hit.kind, hit.url) for hit in meeting_search.search_meetings(user, parse_query(query), 20)]

    results = {}
    for username in ("dangvien", "bithu", "dangvien3", "capuy"):
        for query in ("sinh hoat", "hop nhap", "chi bo hai"):
            results[(username, query)] = found(username, query)
    monkeypatch.setattr(meeting_search, "own_meeting_cells", lambda user: None)
    for (username, query), hits in results.items():
        assert found(username, query) == hits, (username, query)
    # And what they find is right: the draft for its secretary only, each cell its own.
    assert results[("bithu", "hop nhap")] and not results[("dangvien", "hop nhap")]
    assert results[("dangvien3", "chi bo hai")] and not results[("dangvien", "chi bo hai")]
    assert results[("dangvien", "sinh hoat")]
