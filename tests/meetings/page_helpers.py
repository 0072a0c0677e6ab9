"""A cell's last meeting with two tasks (one owned by dangvien, one the whole cell's) and this
month's meeting, whose agenda reviews them."""

from datetime import timedelta

from handbook.extensions import db
from handbook.meetings.models import Task
from handbook.meetings.tasks import service as tasks
from tests.meetings.factories import meeting


def review_setup(world):
    last = meeting(world["cell1"], status="held", starts_in=timedelta(days=-28), title="Họp tháng trước")
    owner = world["users"]["dangvien"]
    db.session.add_all([
        Task(meeting_id=last.id, cell_id=world["cell1"].id, title="Hoàn thành báo cáo quý", owner_id=owner.id,
             due_on=tasks.today() + timedelta(days=3)),
        Task(meeting_id=last.id, cell_id=world["cell1"].id, title="Dọn dẹp phòng truyền thống",
             due_on=tasks.today() + timedelta(days=1)),
    ])
    db.session.commit()
    return meeting(world["cell1"], status="published", starts_in=timedelta(days=4), title="Họp tháng này",
                   items=("Khai mạc", "Đánh giá kết quả thực hiện nhiệm vụ tháng trước", "Bế mạc"))
