"""The self-review's figures as a member reads them in December: the required documents of the
year (and those due after it named apart, not a bare "0/0"), tasks counted only once due, one
style of sentence; and submitting offered as soon as the paper has text, autosave alone."""

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select

from handbook.extensions import db
from handbook.library.models import Document, StudyAssignment
from handbook.meetings.models import Attendance, Task
from handbook.timefmt import from_vn
from handbook.year import settings
from handbook.year.access import this_year
from tests.conftest import text_of
from tests.meetings.factories import HTMX, meeting
from tests.year_factories import REVIEW

YEAR = this_year()
DECEMBER = date(YEAR, 12, 6)


@pytest.fixture
def december(monkeypatch):
    monkeypatch.setattr(settings, "today", lambda: DECEMBER)


def test_figures_name_the_documents_and_tasks_of_the_year_in_one_style(client, auth, world, make, december):
    cell = make.org(kind="cell")
    member = make.user("thang12", cell=cell, full_name="Mai Văn Thắng")
    q08 = db.session.scalar(select(Document).where(Document.slug == "08-qdi-tw"))
    # Given this year, due on 5 January: the home page lists it; the year's figures must say why
    # it is not counted instead of "0/0".
    db.session.add(StudyAssignment(document_id=q08.id, org_id=cell.id, due_on=date(YEAR + 1, 1, 5),
                                   created_at=from_vn(datetime(YEAR, 12, 1))))
    held = meeting(cell, status="held", starts_in=-timedelta(days=1))
    held.starts_at = from_vn(datetime(YEAR, 11, 4, 8))
    db.session.add(Attendance(meeting_id=held.id, user_id=member.id, status="present"))
    for due, status, done in ((date(YEAR, 11, 20), "done", date(YEAR, 11, 18)),  # on time
                              (date(YEAR, 12, 20), "in_progress", None)):  # not due until 20/12
        db.session.add(Task(meeting_id=held.id, cell_id=cell.id, title="Việc", owner_id=member.id, due_on=due,
                            status=status, done_on=done))
    db.session.commit()
    auth.login("thang12")
    page = text_of(client.get(f"/year/{YEAR}/review"))
    facts = page[page.index("Số liệu sổ tay ghi nhận"):page.index("Tự động lưu khi gõ")]
    assert f"Văn bản bắt buộc có hạn trong năm {YEAR}: không có." in facts
    assert f"Đã giao, hạn sang năm sau: Quy định 08-QĐi/TW (hạn 05/01/{YEAR + 1}, chưa học)." in facts
    assert "0/0" not in facts
    assert "Nhiệm vụ chi bộ giao đã tới hạn: hoàn thành đúng hạn 1/1." in facts
    assert f"Chưa tới hạn nên chưa tính: 1 nhiệm vụ (hạn gần nhất 20/12/{YEAR})." in facts
    assert "Dự 1/1 buổi sinh hoạt chi bộ đã tổ chức." in facts
    assert "Vắng có lý do: không buổi nào. Vắng không lý do: không buổi nào." in facts
    # The paper's first text says the same, in the same words.
    assert page.count("Vắng có lý do: không buổi nào. Vắng không lý do: không buổi nào.") == 2


def test_an_absence_reads_like_the_others(client, auth, world, make, december):
    cell = make.org(kind="cell")
    member = make.user("vang", cell=cell)
    held = meeting(cell, status="held", starts_in=-timedelta(days=1))
    held.starts_at = from_vn(datetime(YEAR, 10, 4, 8))
    db.session.add(Attendance(meeting_id=held.id, user_id=member.id, status="excused", reason="đi công tác"))
    db.session.commit()
    auth.login("vang")
    page = text_of(client.get(f"/year/{YEAR}/review"))
    assert f"Vắng có lý do: 1 buổi (04/10/{YEAR}: đi công tác). Vắng không lý do: không buổi nào." in page


def test_submitting_is_offered_once_autosave_has_stored_text(client, auth, world):
    auth.login("dangvien")
    page = client.get(f"/year/{YEAR}/commitment").get_data(as_text=True)
    assert "Nộp bản cam kết cho chi bộ" not in page  # nothing stored yet
    saved = client.post(f"/year/{YEAR}/commitment", data={"body": "Học Quy định 08", "version": "0"}, headers=HTMX)
    answer = saved.get_data(as_text=True)
    assert saved.status_code == 200 and 'id="submit-paper" hx-swap-oob="true"' in answer
    assert "Nộp bản cam kết cho chi bộ" in answer
    emptied = client.post(f"/year/{YEAR}/commitment", data={"body": " ", "version": "1"}, headers=HTMX)
    assert "Nộp bản cam kết cho chi bộ" not in emptied.get_data(as_text=True)  # nothing to submit
    review = client.post(f"/year/{YEAR}/review", data={**REVIEW, "version": "0"}, headers=HTMX)
    assert "Nộp bản tự kiểm điểm" in review.get_data(as_text=True)
