"""The meeting page's per-version caches (meetings/page_record.py: whether the meeting has votes,
who signs its minutes, the review item's tasks) hold only while the database says nothing
changed: a change written straight into the database — as another worker or server would, with
no request of this one seeing it — shows on the member's next visit."""

import re
from datetime import timedelta

from sqlalchemy import insert, select, text

from handbook.extensions import db
from handbook.meetings.models import Attendance, Task
from handbook.meetings.votes.models import Vote
from tests.conftest import text_of
from tests.meetings.factories import meeting
from tests.meetings.page_helpers import review_setup


def test_a_task_changed_in_the_database_shows_on_the_next_visit(client, auth, world):
    nxt = review_setup(world)
    auth.login("dangvien")
    path = f"/meetings/{nxt.id}"
    page = text_of(client.get(path))
    assert "Hoàn thành báo cáo quý Đang thực hiện" in page
    db.session.execute(text("UPDATE task SET title = 'Báo cáo quý gửi Đảng ủy' WHERE title = 'Hoàn thành báo cáo quý'"))
    db.session.commit()
    page = text_of(client.get(path))
    assert "Báo cáo quý gửi Đảng ủy Đang thực hiện" in page and "Hoàn thành báo cáo quý" not in page
    db.session.execute(text("UPDATE task SET status = 'done', done_on = due_on "
                            "WHERE title = 'Báo cáo quý gửi Đảng ủy'"))
    db.session.commit()
    assert "Báo cáo quý gửi Đảng ủy Đã xong" in text_of(client.get(path))


def test_each_reader_gets_the_task_buttons_they_may_use(client, auth, world):
    """The rows are drawn once for everyone: the owner's own task and, for the secretary, every
    task carry the button; another member sees none (and the token is this login's)."""
    nxt = review_setup(world)
    path = f"/meetings/{nxt.id}"
    own, cells = "Đánh dấu đã xong: Hoàn thành báo cáo quý", "Đánh dấu đã xong: Dọn dẹp phòng truyền thống"
    auth.login("dangvien")
    owner_page = client.get(path).get_data(as_text=True)
    assert own in owner_page and cells not in owner_page and "\x00" not in owner_page
    auth.logout()
    auth.login("dangvien2")
    other_page = client.get(path).get_data(as_text=True)
    assert own not in other_page and cells not in other_page
    auth.logout()
    auth.login("bithu")
    secretary_page = client.get(path).get_data(as_text=True)
    assert own in secretary_page and cells in secretary_page
    # The row's form carries this login's token, the same as every other form of the page.
    tokens = set(re.findall(r'name="csrf_token" value="([^"]*)"', secretary_page))
    assert len(tokens) == 1 and "" not in tokens
    mine = db.session.scalar(select(Task.id).where(Task.title == "Hoàn thành báo cáo quý"))
    auth.logout()
    auth.login("dangvien")
    assert client.post(f"/meetings/tasks/{mine}/status", data={"status": "done"}).status_code in (200, 302)
    db.session.expire_all()
    assert db.session.get(Task, mine).status == "done"
    assert "Hoàn thành báo cáo quý Đã xong" in text_of(client.get(path))


def test_a_vote_opened_on_another_worker_shows_on_the_next_visit(client, auth, world):
    """A visit remembers the meeting has no votes (so asks nothing of them) only under the
    meeting's version: a vote inserted by a bare statement moves it."""
    m = meeting(world["cell1"], status="published", starts_in=timedelta(minutes=-10))
    db.session.add(Attendance(meeting_id=m.id, user_id=world["users"]["dangvien"].id, status="present"))
    db.session.commit()
    auth.login("dangvien")
    path = f"/meetings/{m.id}"
    assert "Đang biểu quyết" not in text_of(client.get(path))
    db.session.execute(insert(Vote).values(meeting_id=m.id, kind="resolution", question="Thông qua nghị quyết tháng",
                                           choices='["Tán thành", "Không tán thành"]'))
    db.session.commit()
    page = text_of(client.get(path))
    assert "Đang biểu quyết: Thông qua nghị quyết tháng" in page
