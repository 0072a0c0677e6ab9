"""Model cells: a committee registers a cell with targets and sees where it stands on what the
app measures; bad input is refused with a sentence and nothing stored."""

import re
from datetime import timedelta

from sqlalchemy import func, select

from handbook.extensions import db
from handbook.meetings.models import Attendance
from handbook.year.access import this_year
from handbook.year.models import ModelCell
from tests.conftest import text_of
from tests.meetings.factories import meeting

YEAR = this_year()
FORM = {"start_year": str(YEAR), "end_year": str(YEAR + 2), "meetings_target": "100", "quality_target": "85",
        "good_target": "80", "criteria": "Đoàn kết tốt"}


def test_a_committee_registers_a_cell_and_sees_its_standing(client, auth, world):
    m = meeting(world["cell2"], status="held", starts_in=-timedelta(hours=3))
    db.session.add(Attendance(meeting_id=m.id, user_id=world["users"]["dangvien3"].id, status="present"))
    db.session.commit()
    auth.login("capuy")
    page = client.post("/year/model-cells", data={**FORM, "cell_id": str(world["cell2"].id)}, follow_redirects=True)
    text = text_of(page)
    assert "Đã đăng ký Chi bộ Văn phòng Sở" in text
    # Cell 2's own standing (cell 1, registered by the demo, is listed too, with its own figures):
    # every meeting held this year, the demo's and this one, had everyone present.
    own = text.split("Chi bộ Văn phòng Sở Giai đoạn")[1].split("Giai đoạn")[0].split("Đăng ký chi bộ kiểu mẫu")[0]
    assert "Tháng có sinh hoạt chi bộ" in own
    assert re.search(r"Dự họp trên 85%, không vắng không lý do (\d+)/\1 buổi \(100%\)", own)
    assert f"Đảng viên hoàn thành tốt nhiệm vụ trở lên (năm {YEAR - 1})" in own  # the demo's closed year
    assert "Đoàn kết tốt" in own


def test_bad_registrations_are_refused(client, auth, world, make):
    auth.login("capuy")
    before = db.session.scalar(select(func.count(ModelCell.id)))
    outside = make.org("Chi bộ nơi khác", "cell")
    for data, sentence in (({**FORM, "cell_id": str(outside.id)}, "Hãy chọn một chi bộ thuộc đơn vị"),
                           ({**FORM, "cell_id": str(world["cell2"].id), "end_year": str(YEAR - 1)},
                            "Giai đoạn không hợp lệ"),
                           ({**FORM, "cell_id": str(world["cell2"].id), "good_target": "120"}, "từ 0 đến 100"),
                           ({**FORM, "cell_id": str(world["cell1"].id), "start_year": str(YEAR - 1)},
                            "đã đăng ký chi bộ kiểu mẫu")):
        response = client.post("/year/model-cells", data=data)
        assert response.status_code == 422 and sentence in text_of(response)
    assert db.session.scalar(select(func.count(ModelCell.id))) == before
