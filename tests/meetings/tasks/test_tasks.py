"""The resolution's tasks: set in the minutes, shown as "Việc của tôi", kept up to date by their
owner or the secretary, and carried into next month's review item."""

from datetime import date, timedelta

from sqlalchemy import func, select

from handbook.extensions import db
from handbook.meetings.models import Notification, Task
from handbook.meetings.tasks import service as tasks
from handbook.timefmt import vn_date
from tests.conftest import text_of
from tests.meetings.factories import HTMX, meeting
from tests.meetings.minutes.test_minutes import complete, uid


def add(client, m, title, owner="", due=None):
    due = due or tasks.today() + timedelta(days=10)
    return client.post(f"/meetings/{m.id}/tasks", data={"task-title": title, "task-owner_id": owner,
                                                        "task-due_on": due.isoformat()})


def count(m) -> int:
    return db.session.scalar(select(func.count(Task.id)).where(Task.meeting_id == m.id))


def test_the_conclusion_gives_tasks_to_a_member_or_the_whole_cell(client, auth, world):
    m = meeting(world["cell1"], status="held", starts_in=timedelta(hours=-3))
    auth.login("bithu")
    client.get(f"/meetings/{m.id}/minutes")
    assert add(client, m, "Hoàn thiện hồ sơ chi bộ", owner=str(uid("dangvien2"))).status_code == 302
    assert add(client, m, "Tham gia hiến máu nhân đạo").status_code == 302
    page = text_of(client.get(f"/meetings/{m.id}/minutes"))
    assert "Hoàn thiện hồ sơ chi bộ — Phạm Thị Hương" in page and "Tham gia hiến máu nhân đạo — Cả chi bộ" in page
    told = db.session.scalars(select(Notification.message).where(Notification.user_id == uid("dangvien2"),
                                                                 Notification.kind == "task")).all()
    due = vn_date(tasks.today() + timedelta(days=10))
    assert told == [f"Đồng chí được giao nhiệm vụ: Hoàn thiện hồ sơ chi bộ (hạn {due})."]


def test_bad_tasks_are_told_and_change_nothing(client, auth, world):
    m = meeting(world["cell1"], status="held", starts_in=timedelta(hours=-3))
    auth.login("bithu")
    client.get(f"/meetings/{m.id}/minutes")
    past = add(client, m, "Việc đã quá hạn", due=tasks.today() - timedelta(days=1))
    assert past.status_code == 400 and "Hạn hoàn thành đã qua" in text_of(past)
    assert 'value="Việc đã quá hạn"' in past.get_data(as_text=True)  # nothing typed is lost
    stranger = add(client, m, "Việc của chi bộ khác", owner=str(uid("dangvien3")))
    assert stranger.status_code == 400 and "Người được giao phải là đảng viên của chi bộ" in text_of(stranger)
    nonsense = client.post(f"/meetings/{m.id}/tasks", data={"task-title": "Việc", "task-due_on": "mai"})
    assert nonsense.status_code == 400 and "Ngày không hợp lệ." in text_of(nonsense)
    assert count(m) == 0
    complete(client, auth, m)
    locked = add(client, m, "Việc thêm sau khi ký")
    assert locked.status_code == 404 and count(m) == 0  # a closed meeting's resolution is fixed


def test_my_tasks_on_the_home_page_and_their_owner_marks_them_done(client, auth, world):
    m = meeting(world["cell1"], status="held", starts_in=timedelta(hours=-3))
    auth.login("bithu")
    client.get(f"/meetings/{m.id}/minutes")
    add(client, m, "Viết bài thu hoạch", owner=str(uid("dangvien")))
    add(client, m, "Việc của cả chi bộ")
    add(client, m, "Việc của đồng chí Hương", owner=str(uid("dangvien2")))
    mine = db.session.scalar(select(Task).where(Task.title == "Viết bài thu hoạch"))
    auth.logout()
    auth.login("dangvien")
    home = text_of(client.get("/"))
    assert "Việc của tôi" in home and "Viết bài thu hoạch" in home and "Việc của cả chi bộ" in home
    assert "Việc của đồng chí Hương" not in home
    done = client.post(f"/meetings/tasks/{mine.id}/status", headers=HTMX, data={"status": "done"})
    # The state in a tag, the button a verb: no "Đã xong" tag beside a "Chưa xong" button.
    assert "Đã xong" in text_of(done) and "Đánh dấu chưa xong" in text_of(done)
    assert "Chưa xong" not in text_of(done)
    db.session.expire_all()
    assert db.session.get(Task, mine.id).done_on == tasks.today()
    assert "Viết bài thu hoạch" not in text_of(client.get("/"))
    whole_cell = db.session.scalar(select(Task.id).where(Task.title == "Việc của cả chi bộ"))
    refused = client.post(f"/meetings/tasks/{whole_cell}/status", data={"status": "done"})
    assert refused.status_code == 403 and "Chỉ đồng chí được giao" in text_of(refused)
    auth.logout()
    auth.login("bithu")  # the secretary updates any task of the cell
    assert client.post(f"/meetings/tasks/{whole_cell}/status", data={"status": "done"}).status_code == 302
    auth.logout()
    auth.login("dangvien3")
    assert client.post(f"/meetings/tasks/{mine.id}/status", data={"status": "in_progress"}).status_code == 404


def test_last_months_tasks_are_reviewed_at_the_next_meeting(client, auth, world):
    last = meeting(world["cell1"], status="held", starts_in=timedelta(days=-28), title="Họp tháng trước")
    auth.login("bithu")
    client.get(f"/meetings/{last.id}/minutes")
    add(client, last, "Hoàn thành báo cáo quý", owner=str(uid("dangvien")), due=tasks.today() + timedelta(days=3))
    add(client, last, "Dọn dẹp phòng truyền thống", due=tasks.today())
    complete(client, auth, last)
    late = db.session.scalar(select(Task).where(Task.title == "Dọn dẹp phòng truyền thống"))
    late.due_on = tasks.today() - timedelta(days=2)  # time has passed since
    db.session.commit()
    nxt = meeting(world["cell1"], status="published", starts_in=timedelta(days=4), title="Họp tháng này",
                  items=("Khai mạc", "Đánh giá kết quả thực hiện nhiệm vụ tháng trước", "Bế mạc"))
    auth.logout()
    auth.login("dangvien2")
    page = text_of(client.get(f"/meetings/{nxt.id}"))
    review = page.split("Bế mạc")[-1]  # the card after the agenda
    assert review.lstrip().startswith("10 phút Đánh giá kết quả thực hiện nhiệm vụ tháng trước")
    assert "Hoàn thành báo cáo quý Đang thực hiện Lê Văn Đức" in review
    assert "Dọn dẹp phòng truyền thống Quá hạn Cả chi bộ" in review
    auth.logout()
    auth.login("dangvien")
    mine = db.session.scalar(select(Task.id).where(Task.title == "Hoàn thành báo cáo quý"))
    client.post(f"/meetings/tasks/{mine}/status", data={"status": "done"})
    auth.logout()
    auth.login("bithu")
    builder = text_of(client.get(f"/meetings/{nxt.id}/minutes"))
    assert "Hoàn thành báo cáo quý — Lê Văn Đức" in builder and ": Đã xong" in builder


def test_tasks_done_on_time_per_member_and_year(world, make):
    member = make.user("viechan", cell=world["cell1"])
    m = meeting(world["cell1"], status="held", starts_in=timedelta(days=-40))
    year = date.today().year
    rows = [(date(year, 3, 10), date(year, 3, 9)), (date(year, 4, 10), date(year, 4, 12)),
            (date(year, 5, 10), None), (date(year - 1, 5, 10), date(year - 1, 5, 1))]
    for due, done in rows:
        db.session.add(Task(meeting_id=m.id, cell_id=m.cell_id, title="Việc", owner_id=member.id, due_on=due,
                            status="done" if done else "in_progress", done_on=done))
    db.session.commit()
    assert tasks.done_on_time(member, year) == (1, 3)
    assert tasks.done_on_time(member, year - 1) == (1, 1)
