"""What the app knows of a member's year, for the self-review: meetings attended of those held,
absences with their reasons, required documents studied, the resolution's tasks done on time.
Read through the meetings' and the library's public modules only."""

from dataclasses import asdict, dataclass, field
from datetime import datetime

from sqlalchemy import select

from handbook.extensions import db
from handbook.library import study
from handbook.meetings import tasks
from handbook.meetings.models import Attendance, Meeting
from handbook.meetings.status import Status
from handbook.timefmt import from_vn, to_vn, vn_date

HELD = (Status.HELD.value, Status.CLOSED.value)


@dataclass
class YearFacts:
    held: int = 0
    attended: int = 0
    excused: list[str] = field(default_factory=list)  # "05/03/2025: đi công tác"
    unexcused: int = 0
    required: int = 0
    studied: int = 0
    tasks_done: int = 0
    tasks_total: int = 0

    def as_dict(self) -> dict:
        return asdict(self)


def year_bounds(year: int) -> tuple[datetime, datetime]:
    """The year in Vietnam time, as UTC instants."""
    return from_vn(datetime(year, 1, 1)), from_vn(datetime(year + 1, 1, 1))


def facts_for(user, year: int) -> YearFacts:
    facts = YearFacts()
    if user.cell_id is not None:
        start, end = year_bounds(year)
        held = db.session.execute(
            select(Meeting.id, Meeting.starts_at).where(Meeting.cell_id == user.cell_id, Meeting.status.in_(HELD),
                                                        Meeting.starts_at >= start, Meeting.starts_at < end)).all()
        facts.held = len(held)
        when = {row.id: row.starts_at for row in held}
        marks = db.session.execute(select(Attendance.meeting_id, Attendance.status, Attendance.reason).where(
            Attendance.user_id == user.id, Attendance.meeting_id.in_(list(when) or [0]))).all()
        for meeting_id, status, reason in sorted(marks, key=lambda m: when[m.meeting_id]):
            if status == "present":
                facts.attended += 1
            elif status == "excused":
                facts.excused.append(f"{vn_date(to_vn(when[meeting_id]))}: {reason or 'có lý do'}")
            else:
                facts.unexcused += 1
    due_this_year = {a.document_id for a in study.assignments_for(user) if a.due_on and a.due_on.year == year}
    facts.required = len(due_this_year)
    facts.studied = len(due_this_year & study.studied_ids(user))
    facts.tasks_done, facts.tasks_total = tasks.done_on_time(user, year)
    return facts


def prefill(facts: YearFacts) -> dict[str, str]:
    """The self-review's first text for the parts the figures speak to; the member edits it."""
    absences = "; ".join(facts.excused) if facts.excused else "không có"
    return {
        "political": f"Học tập các văn bản được giao: đã học {facts.studied}/{facts.required} văn bản bắt buộc.",
        "discipline": (f"Dự {facts.attended}/{facts.held} buổi sinh hoạt chi bộ. Vắng có lý do: {absences}. "
                       f"Vắng không lý do: {facts.unexcused}."),
        "tasks": f"Nhiệm vụ chi bộ giao theo nghị quyết: hoàn thành đúng hạn {facts.tasks_done}/{facts.tasks_total}.",
    }
