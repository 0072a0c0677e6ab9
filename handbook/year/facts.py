"""What the app knows of a member's year, for the self-review: meetings attended of those held,
absences with their reasons, the required documents due that year and those studied, the
resolution's tasks that have fallen due and those done on time. Read through the meetings' and
the library's public modules only. Every figure is told in one style of sentence, the same on
the page, in the paper's first text and in print."""

from dataclasses import asdict, dataclass, field
from datetime import date, datetime

from sqlalchemy import select

from handbook.extensions import db
from handbook.library import study
from handbook.meetings import tasks
from handbook.meetings.models import Attendance, Meeting
from handbook.meetings.status import Status
from handbook.timefmt import from_vn, to_vn, vn_date
from handbook.year import settings

HELD = (Status.HELD.value, Status.CLOSED.value)


@dataclass
class YearFacts:
    year: int = 0
    held: int = 0
    attended: int = 0
    excused: list[str] = field(default_factory=list)  # "05/03/2025: đi công tác"
    unexcused: int = 0
    required: int = 0  # required documents due in the year (or assigned in it without a date)
    studied: int = 0
    later: list[str] = field(default_factory=list)  # assigned by the year's end, due after it
    tasks_on_time: int = 0
    tasks_late: int = 0
    tasks_not_due: int = 0  # not counted until their date passes
    tasks_next_due: str = ""

    def as_dict(self) -> dict:
        return asdict(self)


def year_bounds(year: int) -> tuple[datetime, datetime]:
    """The year in Vietnam time, as UTC instants."""
    return from_vn(datetime(year, 1, 1)), from_vn(datetime(year + 1, 1, 1))


def _meetings(facts: YearFacts, user, year: int) -> None:
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


def _study(facts: YearFacts, user, year: int) -> None:
    """The year's required documents are those due in it; one given without a date counts in the
    year it was given. One given by the year's end but due later is named apart, so the member
    sees it is not forgotten."""
    studied = study.studied_ids(user)
    due, later = set(), {}
    for a in study.assignments_for(user):
        given = to_vn(a.created_at).year if a.created_at else year
        if (a.due_on and a.due_on.year == year) or (a.due_on is None and given == year):
            due.add(a.document_id)
        elif a.due_on and a.due_on.year > year and given <= year and a.document_id not in later:
            state = "đã học" if a.document_id in studied else "chưa học"
            later[a.document_id] = f"{a.document.doc_type} {a.document.number} (hạn {vn_date(a.due_on)}, {state})"
    facts.required, facts.studied = len(due), len(due & studied)
    facts.later = [text for doc_id, text in later.items() if doc_id not in due]


def facts_for(user, year: int, on: date | None = None) -> YearFacts:
    facts = YearFacts(year=year)
    if user.cell_id is not None:
        _meetings(facts, user, year)
    _study(facts, user, year)
    record = tasks.year_tasks(user, year, on or settings.today())
    facts.tasks_on_time, facts.tasks_late, facts.tasks_not_due = record.on_time, record.late, record.not_due
    facts.tasks_next_due = vn_date(record.next_due) if record.next_due else ""
    return facts


def task_figures(user, year: int) -> dict:
    """Only the tasks' figures (one query), for what an autosave answers."""
    record = tasks.year_tasks(user, year, settings.today())
    return {"tasks_on_time": record.on_time, "tasks_late": record.late}


def _times(count: int) -> str:
    return f"{count} buổi" if count else "không buổi nào"


def lines(facts: dict) -> dict[str, list[str]]:
    """The figures as sentences, by the self-review's part they speak to. Takes the stored form
    (a dict) too, as frozen at submission — papers from before this wording included."""
    excused, unexcused = facts.get("excused", []), facts.get("unexcused", 0)
    held, attended = facts.get("held", 0), facts.get("attended", 0)
    meetings = [f"Dự {attended}/{held} buổi sinh hoạt chi bộ đã tổ chức." if held
                else "Chưa có buổi sinh hoạt chi bộ nào được tổ chức trong năm.",
                f"Vắng có lý do: {_times(len(excused))}" + (f" ({'; '.join(excused)})." if excused else "."),
                f"Vắng không lý do: {_times(unexcused)}."]
    year = facts.get("year") or ""
    required, studied = facts.get("required", 0), facts.get("studied", 0)
    reading = [f"Văn bản bắt buộc có hạn trong năm {year}: " + (f"đã học {studied}/{required}." if required
                                                                  else "không có.")]
    if facts.get("later"):
        reading.append(f"Đã giao, hạn sang năm sau: {'; '.join(facts['later'])}.")
    on_time = facts.get("tasks_on_time", facts.get("tasks_done", 0))
    counted = on_time + facts.get("tasks_late", 0) if "tasks_late" in facts else facts.get("tasks_total", 0)
    work = ["Nhiệm vụ chi bộ giao đã tới hạn: " + (f"hoàn thành đúng hạn {on_time}/{counted}." if counted
                                                     else "chưa có.")]
    if facts.get("tasks_not_due"):
        work.append(f"Chưa tới hạn nên chưa tính: {facts['tasks_not_due']} nhiệm vụ "
                    f"(hạn gần nhất {facts['tasks_next_due']}).")
    return {"political": reading, "discipline": meetings, "tasks": work}


def prefill(facts: YearFacts) -> dict[str, str]:
    """The self-review's first text for the parts the figures speak to; the member edits it."""
    return {part: " ".join(sentences) for part, sentences in lines(facts.as_dict()).items()}
