"""The secretary's agenda once it changes: publishing (late, with confirmation), versions members
are told of, a new date, two secretaries at once, cancelling."""

from datetime import timedelta

from sqlalchemy import func, select

from handbook.audit import AuditEntry
from handbook.extensions import db
from handbook.meetings.models import AgendaChange, Meeting, Notification, Rsvp
from handbook.timefmt import vn_datetime
from tests.conftest import text_of
from tests.meetings.agenda.test_agenda import local
from tests.meetings.factories import HTMX, fresh, meeting


def test_publishing_late_needs_confirmation(client, auth, world):
    m = meeting(world["cell1"], starts_in=timedelta(hours=10), duration=60)
    auth.login("bithu")
    edit = text_of(client.get(f"/meetings/{m.id}/edit"))
    assert "chưa đủ 1 ngày" in edit and "ít hơn 90 phút" in edit
    response = client.post(f"/meetings/{m.id}/publish", data={})
    assert response.status_code == 400 and fresh(m.id).status == "draft"
    response = client.post(f"/meetings/{m.id}/publish", data={"confirm": "y"})
    assert response.status_code == 302 and fresh(m.id).status == "published"
    assert db.session.scalar(select(AuditEntry).where(AuditEntry.action == "agenda.published")) is not None
    told = db.session.scalars(select(Notification.user_id).where(Notification.meeting_id == m.id)).all()
    assert set(told) == {world["users"]["dangvien"].id, world["users"]["dangvien2"].id}


def test_thematic_meeting_under_120_minutes_warns(world):
    from handbook.meetings.agenda.service import publish_warnings

    m = meeting(world["cell1"], kind="thematic", duration=100, starts_in=timedelta(days=3))
    assert publish_warnings(m) == ["Thời lượng dự kiến 100 phút, ít hơn 120 phút theo hướng dẫn."]


def test_editing_a_published_agenda_makes_a_version_members_are_told_of(client, auth, world):
    m = meeting(world["cell1"], status="published")
    auth.login("bithu")
    item = m.items[1]
    client.post(f"/meetings/{m.id}/items/{item.id}", headers=HTMX,
                data={"title": "Thảo luận nghị quyết", "seq": m.edit_seq})
    m = fresh(m.id)
    assert m.version == 2 and m.items[1].changed_in_version == 2
    assert db.session.scalar(select(AgendaChange.summary).where(AgendaChange.meeting_id == m.id))
    assert db.session.scalar(select(func.count()).select_from(Notification).where(Notification.kind == "changed")) == 2
    assert db.session.scalar(select(AuditEntry).where(AuditEntry.action == "agenda.changed")) is not None
    auth.logout()
    auth.login("dangvien")
    page = text_of(client.get(f"/meetings/{m.id}"))
    assert "Mới sửa" in page and "Phiên bản 2" in page


def test_changing_the_date_asks_first_then_resets_rsvps_and_tells_both_times(client, auth, world):
    m = meeting(world["cell1"], status="published")
    db.session.add(Rsvp(meeting_id=m.id, user_id=world["users"]["dangvien"].id, attending=True))
    db.session.commit()
    old = m.starts_at
    auth.login("bithu")
    starts = m.starts_at + timedelta(days=2)
    details = {"kind": "regular", "title": m.title, "starts_at": local(starts),
               "ends_at": local(starts + timedelta(hours=2)), "location": m.location, "seq": m.edit_seq}
    asked = client.post(f"/meetings/{m.id}/edit", data=details)
    html = asked.get_data(as_text=True)
    assert asked.status_code == 400 and "Đổi thời gian họp từ" in text_of(asked)
    assert 'name="confirm_time"' in html and "autofocus" in html and f'value="{local(starts)}"' in html
    assert fresh(m.id).starts_at == old
    response = client.post(f"/meetings/{m.id}/edit", data={**details, "confirm_time": "y"})
    assert response.status_code == 302
    m = fresh(m.id)
    assert m.starts_at == starts.replace(second=0, microsecond=0) and m.version == 2
    assert db.session.scalar(select(func.count()).select_from(Rsvp).where(Rsvp.meeting_id == m.id)) == 0
    told = db.session.scalar(select(Notification.message).where(
        Notification.user_id == world["users"]["dangvien"].id, Notification.kind == "rescheduled"))
    assert f"từ {vn_datetime(old)} sang {vn_datetime(m.starts_at)}" in told
    logged = db.session.scalar(select(AuditEntry.summary).where(AuditEntry.action == "meeting.rescheduled"))
    assert vn_datetime(old) in logged and vn_datetime(m.starts_at) in logged


def test_a_draft_changes_its_time_without_asking(client, auth, world):
    m = meeting(world["cell1"], status="draft")
    auth.login("bithu")
    starts = m.starts_at + timedelta(days=1)
    response = client.post(f"/meetings/{m.id}/edit", data={
        "kind": "regular", "title": m.title, "starts_at": local(starts), "ends_at": local(starts + timedelta(hours=2)),
        "location": m.location, "seq": m.edit_seq})
    assert response.status_code == 302 and fresh(m.id).starts_at == starts.replace(second=0, microsecond=0)


def test_second_secretary_is_told_the_agenda_changed_and_loses_nothing(client, auth, world):
    m = meeting(world["cell1"])
    stale_seq = m.edit_seq
    auth.login("bithu")
    client.post(f"/meetings/{m.id}/items/{m.items[0].id}", headers=HTMX,
                data={"title": "Khai mạc (sửa)", "seq": stale_seq})
    response = client.post(f"/meetings/{m.id}/items/{m.items[1].id}", headers=HTMX,
                           data={"title": "Thảo luận của người thứ hai", "seq": stale_seq})
    html = response.get_data(as_text=True)
    assert "vừa được người khác sửa" in html and "Thảo luận của người thứ hai" in html
    assert [i.title for i in fresh(m.id).items][:2] == ["Khai mạc (sửa)", "Thảo luận"]
    detail = client.post(f"/meetings/{m.id}/edit", data={
        "kind": "regular", "title": "Tên mới của người thứ hai", "starts_at": local(m.starts_at),
        "ends_at": local(m.ends_at), "location": "", "seq": stale_seq})
    assert detail.status_code == 409 and "Tên mới của người thứ hai" in detail.get_data(as_text=True)
    assert fresh(m.id).title == "Họp chi bộ thử"


def test_cancelling_keeps_the_record(client, auth, world):
    m = meeting(world["cell1"], status="published")
    auth.login("bithu")
    client.post(f"/meetings/{m.id}/cancel")
    assert fresh(m.id).status == "published"  # not without ticking the confirmation
    client.post(f"/meetings/{m.id}/cancel", data={"confirm": "y"})
    m = fresh(m.id)
    assert m.status == "cancelled" and m.cancelled_at is not None
    assert db.session.scalar(select(AuditEntry).where(AuditEntry.action == "meeting.cancelled")) is not None
    auth.logout()
    auth.login("dangvien")
    assert "Buổi họp này đã bị hủy." in text_of(client.get(f"/meetings/{m.id}"))
    assert db.session.get(Meeting, m.id) is not None
