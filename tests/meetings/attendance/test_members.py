"""Members: the list, reading, RSVP, check-in; the secretary's attendance list and overview."""

from datetime import timedelta

from sqlalchemy import event, func, insert, select

from handbook.extensions import db
from handbook.meetings.models import Attendance, Notification, ReadReceipt, Rsvp
from handbook.search.registry import source_named
from handbook.vietnamese import parse_query
from tests.conftest import text_of
from tests.meetings.attendance.checkin import open_checkin
from tests.meetings.factories import HTMX, fresh, meeting


def count(model, **where):
    query = select(func.count()).select_from(model)
    for key, value in where.items():
        query = query.where(getattr(model, key) == value)
    return db.session.scalar(query)


def test_list_shows_upcoming_and_past_of_the_members_cell(client, auth, world):
    meeting(world["cell1"], status="published", title="Họp tháng sau")
    meeting(world["cell1"], status="closed", title="Họp tháng trước", starts_in=timedelta(days=-30))
    meeting(world["cell2"], status="published", title="Họp của chi bộ hai")
    auth.login("dangvien")
    page = text_of(client.get("/meetings"))
    upcoming, past = page.split("Đã qua")
    assert "Họp tháng sau" in upcoming and "Họp tháng trước" in past
    assert "Họp của chi bộ hai" not in page


def test_opening_a_published_agenda_records_a_read_receipt_once(client, auth, world):
    m = meeting(world["cell1"], status="published")
    auth.login("dangvien")
    client.get(f"/meetings/{m.id}")
    client.get(f"/meetings/{m.id}")
    assert count(ReadReceipt, meeting_id=m.id) == 1
    auth.logout()
    auth.login("capuy")  # an admin above the cell reads without counting as a member
    client.get(f"/meetings/{m.id}")
    assert count(ReadReceipt, meeting_id=m.id) == 1


def test_rsvp_attend_and_absent_with_required_reason(client, auth, world):
    m = meeting(world["cell1"], status="published")
    auth.login("dangvien")
    response = client.post(f"/meetings/{m.id}/rsvp", data={"answer": "no", "reason": ""})
    assert response.status_code == 400 and "Vui lòng ghi lý do vắng." in text_of(response)
    assert count(Rsvp, meeting_id=m.id) == 0
    response = client.post(f"/meetings/{m.id}/rsvp", headers=HTMX, data={"answer": "no", "reason": "Đi công tác"})
    assert "Đi công tác" in text_of(response)
    client.post(f"/meetings/{m.id}/rsvp", data={"answer": "yes"})
    rsvp = db.session.scalar(select(Rsvp).where(Rsvp.meeting_id == m.id))
    assert rsvp.attending and rsvp.reason == ""


def test_the_same_answer_landing_twice_at_once_is_kept_once(client, auth, world):
    """A phone's outbox sends a queued answer when the signal returns, and may send it twice at
    once: the other copy's row lands between this request's look and its write."""
    m = meeting(world["cell1"], status="published")
    member = world["users"]["dangvien"]
    auth.login("dangvien")

    landed = []

    def the_other_copy_first(conn, cursor, statement, *rest):
        if statement.lstrip().upper().startswith("INSERT INTO RSVP") and not landed:
            landed.append(True)
            with db.engine.begin() as other:
                other.execute(insert(Rsvp).values(meeting_id=m.id, user_id=member.id, attending=True, reason=""))

    event.listen(db.engine, "before_cursor_execute", the_other_copy_first)
    try:
        response = client.post(f"/meetings/{m.id}/rsvp", headers=HTMX, data={"answer": "no", "reason": "Đi khám bệnh"})
    finally:
        event.remove(db.engine, "before_cursor_execute", the_other_copy_first)
    assert landed
    assert response.status_code == 200 and "Đi khám bệnh" in text_of(response)
    db.session.expire_all()
    rows = db.session.scalars(select(Rsvp).where(Rsvp.meeting_id == m.id)).all()
    assert [(r.user_id, r.attending, r.reason) for r in rows] == [(member.id, False, "Đi khám bệnh")]


def test_rsvp_to_another_cells_meeting_is_404(client, auth, world):
    m = meeting(world["cell2"], status="published")
    auth.login("dangvien")
    assert client.post(f"/meetings/{m.id}/rsvp", data={"answer": "yes"}).status_code == 404


def test_attendance_list_is_prefilled_from_rsvps(client, auth, world):
    m = meeting(world["cell1"], status="published", starts_in=timedelta(minutes=-10))
    db.session.add(Rsvp(meeting_id=m.id, user_id=world["users"]["dangvien2"].id, attending=False, reason="Ốm"))
    db.session.commit()
    auth.login("bithu")
    page = client.get(f"/meetings/{m.id}/attendance").get_data(as_text=True)
    assert 'value="Ốm"' in page
    ids = {u: world["users"][u].id for u in ("bithu", "dangvien", "dangvien2")}
    bad = client.post(f"/meetings/{m.id}/attendance", data={
        f"status-{ids['bithu']}": "present", f"status-{ids['dangvien']}": "excused", f"reason-{ids['dangvien']}": "",
        f"status-{ids['dangvien2']}": "excused", f"reason-{ids['dangvien2']}": "Ốm"})
    assert bad.status_code == 400 and "Vui lòng ghi lý do vắng." in text_of(bad)
    assert count(Attendance, meeting_id=m.id) == 0
    client.post(f"/meetings/{m.id}/attendance", data={
        f"status-{ids['bithu']}": "present", f"status-{ids['dangvien']}": "absent",
        f"status-{ids['dangvien2']}": "excused", f"reason-{ids['dangvien2']}": "Ốm"})
    rows = db.session.scalars(select(Attendance).where(Attendance.meeting_id == m.id))
    marks = {a.user_id: (a.status, a.reason) for a in rows}
    assert marks == {ids["bithu"]: ("present", ""), ids["dangvien"]: ("absent", ""),
                     ids["dangvien2"]: ("excused", "Ốm")}
    assert fresh(m.id).status == "held"


def test_check_in_with_the_code_during_the_meeting(client, auth, world):
    m = meeting(world["cell1"], status="published", starts_in=timedelta(minutes=-5))
    auth.login("bithu")
    client.post(f"/meetings/{m.id}/checkin/open")
    code = fresh(m.id).checkin_code
    assert code and len(code) == 6
    assert code in client.get(f"/meetings/{m.id}/attendance").get_data(as_text=True)
    auth.logout()
    auth.login("dangvien")
    assert "Mã điểm danh" in text_of(client.get(f"/meetings/{m.id}"))
    wrong = client.post(f"/meetings/{m.id}/checkin", data={"code": "x" + code[1:]})
    assert wrong.status_code == 400 and "Mã điểm danh không đúng." in text_of(wrong)
    assert count(Attendance, meeting_id=m.id) == 0
    assert client.post(f"/meetings/{m.id}/checkin", data={"code": code}).status_code == 302
    row = db.session.scalar(select(Attendance).where(Attendance.meeting_id == m.id))
    assert row.status == "present" and row.checked_in_by_self


def test_check_in_outside_the_window_and_too_many_attempts(client, auth, world):
    m = meeting(world["cell1"], status="published", starts_in=timedelta(days=2))
    code = open_checkin(client, auth, m)
    early = client.post(f"/meetings/{m.id}/checkin", data={"code": code})
    assert early.status_code == 400 and "chưa mở hoặc đã hết giờ" in text_of(early)
    statuses = [client.post(f"/meetings/{m.id}/checkin", data={"code": "000000"}).status_code for _ in range(6)]
    assert statuses[-1] == 429
    assert count(Attendance, meeting_id=m.id) == 0


def test_overview_shows_reads_rsvps_and_check_ins(client, auth, world):
    m = meeting(world["cell1"], status="published")
    auth.login("dangvien")
    client.get(f"/meetings/{m.id}")
    client.post(f"/meetings/{m.id}/rsvp", data={"answer": "no", "reason": "Về quê"})
    auth.logout()
    auth.login("bithu")
    page = text_of(client.get(f"/meetings/{m.id}/overview"))
    assert "Đã đọc chương trình 1" in page and "Báo vắng 1" in page and "Vắng: Về quê" in page


def test_bell_counts_unread_notifications_and_the_list_clears_it(client, auth, world):
    m = meeting(world["cell1"])
    auth.login("bithu")
    client.post(f"/meetings/{m.id}/publish", data={"confirm": "y"})
    auth.logout()
    auth.login("dangvien")
    home = client.get("/").get_data(as_text=True)
    assert 'class="badge">1<' in home
    listing = text_of(client.get("/notifications"))
    assert "Chương trình họp đã công bố" in listing
    assert count(Notification, read_at=None, user_id=world["users"]["dangvien"].id) == 0
    assert 'class="badge"' not in client.get("/").get_data(as_text=True)


def test_bell_counts_each_members_own_unread_notifications(client, auth, world):
    # The count is one statement built once and bound per member: one member reading their
    # notifications leaves another's count as it was, in the same process.
    m = meeting(world["cell1"])
    auth.login("bithu")
    client.post(f"/meetings/{m.id}/publish", data={"confirm": "y"})
    auth.logout()
    auth.login("dangvien2")
    assert 'class="badge">1<' in client.get("/").get_data(as_text=True)
    auth.logout()
    auth.login("dangvien")
    client.get("/notifications")
    assert 'class="badge"' not in client.get("/").get_data(as_text=True)
    auth.logout()
    auth.login("dangvien2")
    assert 'class="badge">1<' in client.get("/").get_data(as_text=True)


def test_home_panel_shows_the_next_meeting(client, auth, world):
    auth.login("dangvien")
    page = text_of(client.get("/"))
    assert "Buổi họp tới" in page and "Sinh hoạt chi bộ định kỳ tháng" in page


def test_search_finds_agendas_only_for_those_who_may_see_them(world):
    meeting(world["cell1"], status="published", items=("Kết nạp đảng viên mới",))
    source = source_named("meetings")
    terms = parse_query("ket nap dang vien")
    assert [h.kind for h in source(world["users"]["dangvien"], terms, 10)] == ["Chương trình họp"]
    assert source(world["users"]["dangvien3"], terms, 10) == []
    assert len(source(world["users"]["capuy"], terms, 10)) == 1


def test_search_finds_final_minutes(world):
    source = source_named("meetings")
    hits = source(world["users"]["dangvien"], parse_query("nghi quyet thang toi"), 10)
    assert any(h.kind == "Biên bản họp" and "#bien-ban" in h.url for h in hits)


def opened(hits) -> list[str]:
    """What each hit opens: the meeting id, with the #anchor if any."""
    return [h.url.rsplit("/meetings/", 1)[1] for h in hits]


def test_search_matches_an_items_presenter_or_description_and_hides_drafts_from_members(world):
    from handbook.meetings.models import AgendaItem

    published = meeting(world["cell1"], status="published", title="Họp tháng có khách")
    published.items.append(AgendaItem(position=9, title="Góp ý", presenter="Đồng chí Hoàng Văn Thụ",
                                       description="Bàn về **phong trào thi đua** của khối phố"))
    draft = meeting(world["cell1"], status="draft", title="Họp nháp", items=("Phong trào thi đua chưa công bố",))
    db.session.commit()
    source = source_named("meetings")
    member, secretary = world["users"]["dangvien"], world["users"]["bithu"]
    by_presenter = source(member, parse_query("hoang van thu"), 10)
    assert opened(by_presenter) == [f"{published.id}"]
    assert "<mark>Hoàng</mark>" in by_presenter[0].snippet
    assert opened(source(member, parse_query("khoi pho"), 10)) == [f"{published.id}"]
    # The draft matches too, but only its cell's leaders may see it.
    assert opened(source(member, parse_query("phong trao thi dua"), 10)) == [f"{published.id}"]
    assert set(opened(source(secretary, parse_query("phong trao thi dua"), 10))) == {f"{published.id}", f"{draft.id}"}


def test_search_finds_minutes_only_once_final(world):
    from handbook.meetings.models import Minutes

    held = meeting(world["cell1"], status="held", title="Họp đã xong", starts_in=timedelta(days=-2))
    minutes = Minutes(meeting_id=held.id, status="draft", conclusions="Thống nhất trồng cây xanh ở sân đình.")
    db.session.add(minutes)
    db.session.commit()
    source = source_named("meetings")
    terms = parse_query("trong cay xanh")
    assert source(world["users"]["dangvien"], terms, 10) == []
    minutes.status = "final"
    db.session.commit()
    hits = source(world["users"]["dangvien"], terms, 10)
    assert [h.kind for h in hits] == ["Biên bản họp"] and opened(hits) == [f"{held.id}#bien-ban"]
    assert "<mark>cây</mark>" in hits[0].snippet


def test_a_receipt_stored_by_a_parallel_request_is_not_an_error(world, monkeypatch):
    """Two first openings at once: the other request stored the receipt after this one
    looked, so this one's insert meets the unique pair and must do nothing, not fail."""
    from handbook.meetings.attendance.service import _record_read

    m = meeting(world["cell1"], status="published")
    user_id = world["users"]["dangvien"].id
    with db.engine.begin() as other:
        other.execute(ReadReceipt.__table__.insert().values(meeting_id=m.id, user_id=user_id, read_at=m.starts_at))
    original = db.session.scalar

    def missed_once(statement, *args, **kwargs):  # this request looked before the other stored it
        return None if "read_receipt" in str(statement) else original(statement, *args, **kwargs)

    monkeypatch.setattr(db.session, "scalar", missed_once)
    assert _record_read(m.id, user_id) is True
    monkeypatch.undo()
    assert count(ReadReceipt, meeting_id=m.id) == 1


def test_search_finds_what_a_speaker_said_in_final_minutes(world):
    from handbook.meetings.models import Minutes, MinutesOpinion

    held = meeting(world["cell1"], status="held", title="Họp có ý kiến", starts_in=timedelta(days=-2))
    minutes = Minutes(meeting_id=held.id, status="draft", conclusions="Thống nhất.")
    db.session.add(minutes)
    db.session.flush()
    db.session.add(MinutesOpinion(minutes_id=minutes.id, item_id=held.items[0].id, speaker_name="Lê Văn Đức",
                                  text="Đề nghị sửa đường liên thôn trước mùa mưa."))
    db.session.commit()
    source = source_named("meetings")
    terms = parse_query("duong lien thon")
    assert source(world["users"]["dangvien"], terms, 10) == []
    minutes.status = "final"
    db.session.commit()
    assert opened(source(world["users"]["dangvien"], terms, 10)) == [f"{held.id}#bien-ban"]
