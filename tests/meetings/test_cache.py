"""The meeting page's shared parts are rendered once per version: a member who opened the
agenda before a change sees the change on the next visit, and nothing of one reader's view
reaches another's."""

from datetime import timedelta

from tests.conftest import text_of
from tests.meetings.factories import HTMX, meeting
from tests.meetings.minutes.test_minutes import complete, sign
from tests.meetings.minutes.test_minutes import form as minutes_form


def as_member(client, auth, path):
    auth.logout()
    auth.login("dangvien")
    return text_of(client.get(path))


def test_an_item_edited_after_the_member_read_it_shows_the_new_text(client, auth, world):
    m = meeting(world["cell1"], status="published")
    item_id, seq = m.items[1].id, m.edit_seq
    assert "Thảo luận nghị quyết mới" not in as_member(client, auth, f"/meetings/{m.id}")
    auth.logout()
    auth.login("bithu")
    client.post(f"/meetings/{m.id}/items/{item_id}", headers=HTMX,
                data={"title": "Thảo luận nghị quyết mới", "seq": seq})
    page = as_member(client, auth, f"/meetings/{m.id}")
    assert "Thảo luận nghị quyết mới" in page and "Phiên bản 2" in page and "Thay đổi sau khi công bố" in page


def test_cancelling_after_the_member_read_it_shows_the_cancellation(client, auth, world):
    m = meeting(world["cell1"], status="published")
    assert "Buổi họp này đã bị hủy." not in as_member(client, auth, f"/meetings/{m.id}")
    auth.logout()
    auth.login("bithu")
    client.post(f"/meetings/{m.id}/cancel", data={"confirm": "y"})
    assert "Buổi họp này đã bị hủy." in as_member(client, auth, f"/meetings/{m.id}")


def test_minutes_appear_when_signed_and_change_when_revised(client, auth, world):
    m = meeting(world["cell1"], status="held", starts_in=timedelta(hours=-3))
    assert "Chi bộ hoàn thành nhiệm vụ." not in as_member(client, auth, f"/meetings/{m.id}")
    complete(client, auth, m)
    assert "Chi bộ hoàn thành nhiệm vụ." in as_member(client, auth, f"/meetings/{m.id}")
    auth.logout()
    auth.login("bithu")
    client.post(f"/meetings/{m.id}/minutes", data=minutes_form(m, conclusions="Kết luận đã sửa.", reason="Ghi sai"))
    page = as_member(client, auth, f"/meetings/{m.id}")
    assert "Bản 2 (sửa: Ghi sai) đang chờ" in page and "Kết luận đã sửa." not in page
    sign(client, auth, m, "bithu")
    sign(client, auth, m, "dangvien")
    page = as_member(client, auth, f"/meetings/{m.id}")
    assert "Kết luận đã sửa." in page and "đã sửa 1 lần" in page and "đang chờ" not in page


def test_the_secretarys_tools_never_reach_a_member_through_the_shared_parts(client, auth, world):
    m = meeting(world["cell1"], status="published")
    auth.login("bithu")
    assert "Soạn chương trình" in text_of(client.get(f"/meetings/{m.id}"))
    page = as_member(client, auth, f"/meetings/{m.id}")
    assert "Soạn chương trình" not in page and "Điểm danh" not in page
    assert "Đăng ký tham dự" in page  # and the member's own part is there
