"""The secretary's rough edges, as a new user met them: attendance that presumed everyone
present, a publish warning far from its checkbox, a moved item out of view, and an audit log
that missed attendance, check-in codes and time changes."""

import re
from datetime import timedelta

from sqlalchemy import select

from handbook.audit import AuditEntry
from handbook.extensions import db
from handbook.meetings.models import Attendance, Rsvp
from tests.conftest import text_of
from tests.meetings.factories import HTMX, fresh, meeting


def checked(html: str, user_id: int) -> str | None:
    """The attendance choice ticked for a member on the page, or None."""
    found = re.search(rf'name="status-{user_id}" value="(\w+)" checked', html)
    return found.group(1) if found else None


def test_members_who_never_answered_start_unknown(client, auth, world):
    m = meeting(world["cell1"], status="published", starts_in=timedelta(minutes=-10))
    users = world["users"]
    db.session.add_all([Rsvp(meeting_id=m.id, user_id=users["dangvien"].id, attending=True),
                        Rsvp(meeting_id=m.id, user_id=users["dangvien2"].id, attending=False, reason="Ốm")])
    db.session.commit()
    auth.login("bithu")
    page = client.get(f"/meetings/{m.id}/attendance")
    html = page.get_data(as_text=True)
    assert checked(html, users["bithu"].id) is None  # never answered: nobody presumes her present
    assert checked(html, users["dangvien"].id) == "present" and checked(html, users["dangvien2"].id) == "excused"
    assert "Chưa điểm danh" in text_of(page)
    saved = client.post(f"/meetings/{m.id}/attendance", data={
        f"status-{users['dangvien'].id}": "present",
        f"status-{users['dangvien2'].id}": "excused", f"reason-{users['dangvien2'].id}": "Ốm"}, follow_redirects=True)
    assert "Còn 1 đồng chí chưa điểm danh." in text_of(saved)
    marks = dict(db.session.execute(select(Attendance.user_id, Attendance.status)
                                    .where(Attendance.meeting_id == m.id)).all())
    assert marks == {users["dangvien"].id: "present", users["dangvien2"].id: "excused"}
    logged = db.session.scalar(select(AuditEntry.summary).where(AuditEntry.action == "attendance.saved"))
    assert logged.endswith("có mặt 1, vắng có lý do 1, vắng không lý do 0, chưa điểm danh 1")


def test_check_in_codes_are_in_the_audit_log_without_the_code(client, auth, world):
    m = meeting(world["cell1"], status="published", starts_in=timedelta(minutes=-5))
    auth.login("bithu")
    client.post(f"/meetings/{m.id}/checkin/open")
    first = fresh(m.id).checkin_code
    client.post(f"/meetings/{m.id}/checkin/open")
    summaries = db.session.scalars(select(AuditEntry.summary).where(AuditEntry.action == "checkin.opened")
                                   .order_by(AuditEntry.id)).all()
    assert [s.split(": ")[1] for s in summaries] == ["mở điểm danh bằng mã", "đổi mã điểm danh"]
    assert not any(code in s for s in summaries for code in (first, fresh(m.id).checkin_code))


def test_a_refused_publish_is_told_at_its_checkbox_which_takes_the_focus(client, auth, world):
    m = meeting(world["cell1"], starts_in=timedelta(hours=10), duration=60)
    auth.login("bithu")
    response = client.post(f"/meetings/{m.id}/publish", data={})
    html = response.get_data(as_text=True)
    assert response.status_code == 400 and fresh(m.id).status == "draft"
    publish = html[html.index('id="cong-bo"'):]
    box = re.search(r'<input[^>]*id="confirm"[^>]*>', publish).group(0)
    assert " autofocus" in box and "publish-error" in box
    assert 'id="publish-error" role="alert">Vui lòng xác nhận cảnh báo trước khi công bố.' in publish
    assert "Vui lòng xác nhận cảnh báo" not in html[:html.index('id="cong-bo"')]  # not at the top


def test_a_moved_item_stays_in_view_with_its_button_focused(client, auth, world):
    m = meeting(world["cell1"])
    item = m.items[1]
    auth.login("bithu")
    answer = client.post(f"/meetings/{m.id}/items/{item.id}/move", headers=HTMX,
                         data={"direction": "up", "seq": m.edit_seq}).get_data(as_text=True)
    # htmx scrolls the moved item to the top after the swap and gives the focus back to the
    # button with the same id.
    assert f'hx-swap="outerHTML show:#item-{item.id}:top"' in answer and f'id="move-up-{item.id}"' in answer
    assert [i.title for i in fresh(m.id).items][0] == item.title
