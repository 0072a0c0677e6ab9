"""Study programmes: a committee sets one for its subtree; members inside it (and only they) see
it, read its documents and hand in a thu hoạch; the committee reads completion per cell and who
has not finished; a thu hoạch is read by its member, the cell's secretary and the committees
above, never by another member; a stale save keeps both texts; search finds programme titles,
never a thu hoạch; a study session is a meeting the meetings feature plans."""

from datetime import timedelta

from sqlalchemy import func, select

from handbook.editing.models import TextConflict
from handbook.extensions import db
from handbook.library.models import Document
from handbook.meetings.models import Meeting
from handbook.study import progress
from handbook.study.models import Harvest, Programme, ProgrammeSession
from handbook.study.programmes import today
from tests.conftest import text_of, text_saved

TITLE = "Học tập chuyên đề Chỉ thị 01 và Quy định 08 năm 2026"
DOCS = ("08-qdi-tw", "101-qd-tw")  # neither marked studied in the demo


def _doc(slug: str) -> Document:
    return db.session.scalar(select(Document).where(Document.slug == slug))


def _set(client, auth, who: str, org, **extra):
    auth.login(who)
    data = {"title": TITLE, "org_id": str(org.id), "starts_on": str(today() - timedelta(days=1)),
            "ends_on": str(today() + timedelta(days=30)), "items": [f"d-{_doc(slug).id}" for slug in DOCS], **extra}
    response = client.post("/study/new", data=data)
    auth.logout()
    return response


def _programme() -> Programme | None:
    db.session.expire_all()
    return db.session.scalar(select(Programme).where(Programme.title == TITLE))


def _write_and_submit(client, text: str, programme: Programme) -> None:
    assert client.post(f"/study/{programme.id}/thu-hoach", data={"body": text, "version": "0"}).status_code == 302
    assert client.post(f"/study/{programme.id}/thu-hoach/nop").status_code == 302


def test_a_programme_for_a_subtree_counts_completion_from_reads_and_thu_hoach(client, auth, world, make):
    outside_cell = make.org("Chi bộ ngoài khối", "cell", world["bloc"])
    make.user("ngoai", cell=outside_cell, full_name="Đinh Văn Ngoài")
    assert _set(client, auth, "capuy", world["base"]).status_code == 302
    programme = _programme()
    assert [item.document.slug for item in programme.items] == list(DOCS)

    auth.login("ngoai")  # outside the base organisation: not asked, cannot open it
    assert TITLE not in text_of(client.get("/"))
    assert client.get(f"/study/{programme.id}").status_code == 404
    auth.logout()

    auth.login("dangvien")
    home = text_of(client.get("/"))
    assert TITLE in home and "Đã học 0/2 văn bản" in home
    for slug in DOCS:
        client.post(f"/library/{slug}/studied")
    assert "Đã học 2/2 văn bản" in text_of(client.get("/study"))
    _write_and_submit(client, "Tôi sẽ làm gương trong công việc.", programme)
    assert TITLE not in text_of(client.get("/"))  # finished: the home card leaves
    auth.logout()

    auth.login("dangvien2")  # read one document, wrote nothing
    client.post(f"/library/{DOCS[0]}/studied")
    auth.logout()

    rows = {row.cell.id: row for row in progress.completion(programme, programme.org)}
    assert outside_cell.id not in rows
    cell1 = rows[world["cell1"].id].count(2)
    assert cell1 == {"members": 3, "read": 1, "submitted": 1, "finished": 1}  # bithu, dangvien, dangvien2
    assert rows[world["cell2"].id].count(2) == {"members": 1, "read": 0, "submitted": 0, "finished": 0}

    auth.login("capuy")
    page = text_of(client.get(f"/study/{programme.id}/tien-do"))
    assert "1/4 đảng viên đã hoàn thành" in page
    unfinished = page.split("Chưa hoàn thành")[1].split("Bài thu hoạch đã nộp")[0]
    assert "Phạm Thị Hương" in unfinished and "Hoàng Minh Đạt" in unfinished and "Lê Văn Đức" not in unfinished
    assert "Đinh Văn Ngoài" not in page


def test_leaders_only_programme_skips_other_members(client, auth, world):
    assert _set(client, auth, "capuy", world["base"], leaders_only="y").status_code == 302
    programme = _programme()
    members = {m.username for m in progress.audience(programme, programme.org)}
    assert members == {"bithu"}
    auth.login("dangvien")
    assert client.get(f"/study/{programme.id}").status_code == 404


def test_a_thu_hoach_is_never_read_by_another_member(client, auth, world):
    assert _set(client, auth, "bithu", world["cell1"]).status_code == 302
    programme = _programme()
    auth.login("dangvien")
    assert client.post(f"/study/{programme.id}/thu-hoach", data={"body": "Bản nháp riêng", "version": "0"}
                       ).status_code == 302
    auth.logout()
    draft = db.session.scalar(select(Harvest).where(Harvest.programme_id == programme.id))
    auth.login("bithu")  # a draft is its member's alone, even for the secretary
    assert client.get(f"/study/thu-hoach/{draft.id}").status_code == 404
    auth.logout()
    auth.login("dangvien")
    assert client.post(f"/study/{programme.id}/thu-hoach/nop").status_code == 302
    auth.logout()
    for who, status in (("dangvien2", 404), ("dangvien3", 404), ("bithu", 200), ("capuy", 200), ("dangvien", 200)):
        auth.login(who)
        response = client.get(f"/study/thu-hoach/{draft.id}")
        assert response.status_code == status, who
        assert ("Bản nháp riêng" in text_of(response)) == (status == 200)
        auth.logout()


def test_a_cell_secretary_cannot_set_a_programme_for_another_cell(client, auth, world):
    auth.login("bithu")
    before = db.session.scalar(select(func.count(Programme.id)))
    response = client.post("/study/new", data={"title": TITLE, "org_id": str(world["cell2"].id),
                                               "starts_on": str(today()), "ends_on": str(today() + timedelta(days=5)),
                                               "items": f"d-{_doc(DOCS[0]).id}"})
    assert response.status_code == 422
    assert "Hãy chọn một tổ chức đảng thuộc phạm vi của đồng chí." in text_of(response)
    assert TITLE in response.get_data(as_text=True)  # what was typed is still there
    assert db.session.scalar(select(func.count(Programme.id))) == before


def test_bad_input_gets_a_vietnamese_message_and_changes_nothing(client, auth, world):
    auth.login("bithu")
    cases = [({"items": []}, "Hãy chọn ít nhất một văn bản"),
             ({"items": "d-999999"}, "Có mục không còn trong thư viện"),
             ({"items": "x-1"}, "Có mục không còn trong thư viện"),
             ({"ends_on": str(today() - timedelta(days=40)), "starts_on": str(today() - timedelta(days=50))},
              "Ngày kết thúc đã qua"),
             ({"ends_on": "ngày mai"}, "Ngày không hợp lệ"),
             ({"starts_on": str(today() + timedelta(days=5)), "ends_on": str(today())}, "Ngày kết thúc phải sau")]
    for change, message in cases:
        data = {"title": TITLE, "org_id": str(world["cell1"].id), "starts_on": str(today()),
                "ends_on": str(today() + timedelta(days=5)), "items": f"d-{_doc(DOCS[0]).id}", **change}
        response = client.post("/study/new", data=data)
        assert response.status_code == 422 and message in text_of(response), change
    assert _programme() is None


def test_a_stale_thu_hoach_save_keeps_both_texts(client, auth, world):
    """The thu hoạch is in the shared editor: a stale Save shows both texts and the choice; a stale
    autosave is answered like any save (200, the event, the words), the text sent kept aside."""
    assert _set(client, auth, "bithu", world["cell1"]).status_code == 302
    programme = _programme()
    auth.login("dangvien")
    url = f"/study/{programme.id}/thu-hoach"
    assert client.post(url, data={"body": "Bản viết trên điện thoại", "version": "0"}).status_code == 302
    stale = client.post(url, data={"body": "Bản viết trên máy tính", "version": "0"})
    assert stale.status_code == 409
    box = stale.get_data(as_text=True)
    assert "Bản viết trên điện thoại" in box and "Bản viết trên máy tính" in box
    assert "Giữ cả hai bản" in text_of(stale)
    db.session.expire_all()
    stored = db.session.scalar(select(Harvest).where(Harvest.programme_id == programme.id))
    assert stored.body == "Bản viết trên điện thoại" and stored.version == 1
    autosave = client.post(url, data={"body": "Bản thứ ba", "version": "0"}, headers={"HX-Request": "true"})
    assert autosave.status_code == 200 and text_saved(autosave) == {"version": 1, "status": "conflict"}
    assert "vừa được lưu từ máy khác" in text_of(autosave)
    db.session.expire_all()
    assert [c.texts for c in db.session.scalars(select(TextConflict).where(TextConflict.kind == "harvest"))] == [
        {"body": "Bản thứ ba"}]  # the same phone's later autosave follows its typing in the same copy


def test_a_submitted_thu_hoach_takes_no_choice_of_texts(client, auth, world):
    assert _set(client, auth, "bithu", world["cell1"]).status_code == 302
    programme = _programme()
    auth.login("dangvien")
    url = f"/study/{programme.id}/thu-hoach"
    client.post(url, data={"body": "Một", "version": "0"}, headers={"HX-Request": "true"})
    client.post(url, data={"body": "Hai", "version": "0"}, headers={"HX-Request": "true"})
    conflict = db.session.scalar(select(TextConflict.id).where(TextConflict.kind == "harvest"))
    assert client.post(f"{url}/nop", data={}).status_code == 302
    chosen = client.post(f"{url}/conflicts/{conflict}", data={"choice": "mine", "version": "2"}, follow_redirects=True)
    assert "đã nộp lúc" in text_of(chosen)
    db.session.expire_all()
    assert db.session.scalar(select(Harvest.body).where(Harvest.programme_id == programme.id)) == "Một"


def test_search_finds_a_programme_title_and_never_a_thu_hoach(client, auth, world):
    assert _set(client, auth, "capuy", world["base"]).status_code == 302
    programme = _programme()
    auth.login("dangvien")
    _write_and_submit(client, "Bài thu hoạch nói về xelanhtrongdiemchuan.", programme)
    found = text_of(client.get("/search?q=chuyen+de+Chi+thi+01"))
    # The hit names what the programme asks to study, in its order, and the days it runs.
    numbers = ", ".join(_doc(slug).number for slug in DOCS)
    days = f"{programme.starts_on:%d/%m/%Y} — {programme.ends_on:%d/%m/%Y}"
    assert TITLE in found and numbers in found and days in found, found
    assert "Không tìm thấy kết quả" in text_of(client.get("/search?q=xelanhtrongdiemchuan"))
    auth.logout()
    for who in ("bithu", "capuy"):
        auth.login(who)
        assert "Không tìm thấy kết quả" in text_of(client.get("/search?q=xelanhtrongdiemchuan"))
        auth.logout()


def test_a_study_session_is_a_meeting_the_meetings_feature_plans(client, auth, world):
    from handbook.models_base import utcnow
    from handbook.timefmt import to_vn

    assert _set(client, auth, "capuy", world["base"]).status_code == 302
    programme = _programme()
    auth.login("bithu")
    starts = to_vn(utcnow()) + timedelta(days=9)
    response = client.post(f"/study/{programme.id}/buoi-hoc", data={
        "cell_id": str(world["cell1"].id), "starts_at": f"{starts:%Y-%m-%dT%H:%M}", "duration": "120",
        "location": "Phòng họp tầng 2"})
    assert response.status_code == 302 and "/meetings/" in response.headers["Location"]
    session = db.session.scalar(select(ProgrammeSession).where(ProgrammeSession.programme_id == programme.id))
    meeting = db.session.get(Meeting, session.meeting_id)
    assert meeting.kind == "study" and meeting.kind_label == "Học tập nghị quyết"
    assert meeting.status == "draft" and meeting.cell_id == world["cell1"].id
    assert "Quán triệt nội dung văn bản cần học" in [item.title for item in meeting.items]
    assert meeting.title in text_of(client.get(f"/study/{programme.id}"))
    past = client.post(f"/study/{programme.id}/buoi-hoc", data={
        "cell_id": str(world["cell1"].id), "starts_at": "2020-01-01T08:00", "duration": "90"})
    assert past.status_code == 422
    other = client.post(f"/study/{programme.id}/buoi-hoc", data={
        "cell_id": str(world["cell2"].id), "starts_at": f"{starts:%Y-%m-%dT%H:%M}", "duration": "90"})
    assert other.status_code == 422 and "Hãy chọn chi bộ mà đồng chí phụ trách" in text_of(other)


def test_the_open_programme_documents_go_into_the_offline_pack(client, auth, world):
    auth.login("dangvien")  # the demo's programme asks for Chỉ thị 01 and Chỉ thị 05
    urls = [entry["url"] for entry in client.get("/offline/pack").get_json()["entries"]]
    assert "/library/01-ct-tw" in urls and "/library/05-ct-tw" in urls
