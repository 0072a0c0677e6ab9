"""The resolution's tasks: written into the conclusion of the minutes (what, who — a member or
the whole cell —, by when), kept up to date by their owner or the cell's secretary, carried
into next month's "Đánh giá kết quả thực hiện nhiệm vụ tháng trước" item, and listed under
"Việc của tôi" on the member's home page.

Public (other features call it through the package, tasks/__init__.py): `year_tasks(user,
year, today)`, the member's own tasks due that year — done by their date, late, not due yet —,
for the year's self-review and rating; `done_on_time(user, year)`, the first two as (done by
their date, counted).
"""

import functools
from datetime import date
from typing import NamedTuple

from sqlalchemy import bindparam, exists, inspect, or_, select

from handbook.auth.permissions import manages_cell_id
from handbook.domain import DomainError
from handbook.extensions import db
from handbook.meetings import messages as msg
from handbook.meetings.minutes.models import Minutes, MinutesStatus
from handbook.meetings.minutes.size import check_total, total_size
from handbook.meetings.models import AgendaItem, Meeting, NotificationKind
from handbook.meetings.notify import actor_id, notify_users
from handbook.meetings.status import Action, Status, check
from handbook.meetings.tasks.models import Task
from handbook.models_base import utcnow
from handbook.timefmt import to_vn, vn_date

STATUSES = ("in_progress", "done")
MY_TASKS_SHOWN = 10


def today() -> date:
    return to_vn(utcnow()).date()


def _minutes_final(meeting: Meeting) -> bool:
    return db.session.scalar(select(Minutes.status).where(Minutes.meeting_id == meeting.id)) == MinutesStatus.FINAL


def _check_room(meeting: Meeting, title: str) -> None:
    """The tasks print in the minutes: they count towards the minutes' cap (minutes/size.py)."""
    minutes = db.session.scalar(select(Minutes).where(Minutes.meeting_id == meeting.id))
    if minutes is not None:
        check_total(total_size(minutes, extra=len(title)), field="title")


def add_task(meeting: Meeting, *, title: str, owner, due_on: date) -> Task:
    """A task of the resolution; the owner, a member of the cell, is told."""
    check(meeting, Action.PLAN_TASKS)
    if _minutes_final(meeting):
        raise DomainError(msg.MINUTES_FINAL_LOCKED)
    title = " ".join((title or "").split())[:300]
    if not title:
        raise DomainError(msg.TASK_TITLE, field="title")
    if due_on < today():
        raise DomainError(msg.TASK_PAST_DUE, field="due_on")
    if owner is not None and (owner.cell_id != meeting.cell_id or not owner.active):
        raise DomainError(msg.TASK_OWNER_OTHER_CELL, field="owner_id")
    _check_room(meeting, title)
    task = Task(meeting_id=meeting.id, cell_id=meeting.cell_id, title=title, owner_id=getattr(owner, "id", None),
                due_on=due_on, status="in_progress", created_by_id=actor_id())
    db.session.add(task)
    if owner is not None:
        notify_users(meeting, [owner.id], NotificationKind.TASK,
                     msg.NOTIFY_TASK.format(title=title, due=vn_date(due_on)))
    return task


def remove_task(meeting: Meeting, task: Task) -> None:
    check(meeting, Action.PLAN_TASKS)
    if _minutes_final(meeting):
        raise DomainError(msg.MINUTES_FINAL_LOCKED)
    db.session.delete(task)


def can_update(user, task: Task) -> bool:
    """The member it is given to, or the cell's secretary and deputy (whole-cell tasks: they)."""
    return (task.owner_id is not None and task.owner_id == user.id) or manages_cell_id(user, task.cell_id)


def set_status(task: Task, user, status: str) -> None:
    if not can_update(user, task):
        raise DomainError(msg.TASK_NOT_YOURS, status=403)
    if status not in STATUSES:
        raise DomainError(msg.TASK_BAD_STATUS)
    task.status = status
    task.done_on = today() if status == "done" else None


def review_tasks(meeting: Meeting) -> list[Task]:
    """The tasks this meeting reviews: those set at the cell's previous meeting, and older ones
    still open or finished since it."""
    previous = db.session.execute(
        select(Meeting.id, Meeting.starts_at).where(
            Meeting.cell_id == meeting.cell_id, Meeting.status != Status.CANCELLED,
            Meeting.starts_at < meeting.starts_at).order_by(Meeting.starts_at.desc()).limit(1)).first()
    if previous is None:
        return []
    since = to_vn(previous.starts_at).date()
    return list(db.session.scalars(
        select(Task).join(Meeting, Meeting.id == Task.meeting_id)
        .where(Task.cell_id == meeting.cell_id, Meeting.starts_at < meeting.starts_at,
               or_(Task.meeting_id == previous.id, Task.status != "done", Task.done_on >= since))
        .order_by(Task.due_on, Task.id)))


def reviews_tasks(meeting: Meeting) -> bool:
    """Whether the agenda has a review item. Every member's visit to the meeting page asks,
    while the agenda itself comes rendered from the cache: one EXISTS then, rather than
    loading the items with their links and articles."""
    if "items" not in inspect(meeting).unloaded:
        return any(item.purpose == "review" for item in meeting.items)
    return bool(db.session.scalar(select(exists().where(
        AgendaItem.meeting_id == meeting.id, AgendaItem.purpose == "review"))))


class TaskLine(NamedTuple):
    """An open task as the home card shows it (meetings/_task_row.html reads it as a Task): its
    owner is the member or nobody (the whole cell), so it needs no load of its own."""

    id: int
    cell_id: int
    title: str
    owner_id: int | None
    due_on: date
    status: str
    done_on: date | None
    owner: object | None

    def state(self, today: date) -> str:
        return Task.state(self, today)  # the model's rule, read off these columns

    def state_label(self, today: date) -> str:
        return Task.state_label(self, today)


def my_tasks(user, limit: int = MY_TASKS_SHOWN) -> list[TaskLine]:
    """Open tasks given to the member, and to their whole cell, the soonest due first: plain
    columns on the session's connection (the ORM's rows cost more than the query)."""
    if user.cell_id is None:
        return []
    rows = db.session.connection().execute(_my_tasks(), {"user_id": user.id, "cell_id": user.cell_id,
                                                         "limit": limit})
    return [TaskLine(*row, user if row.owner_id is not None else None) for row in rows]


@functools.cache
def _my_tasks():
    # Built once and bound per member: every home page asks it, and building it cost more than
    # running it.
    mine = or_(Task.owner_id == bindparam("user_id"),
               (Task.owner_id.is_(None)) & (Task.cell_id == bindparam("cell_id")))
    return (select(Task.id, Task.cell_id, Task.title, Task.owner_id, Task.due_on, Task.status, Task.done_on)
            .where(mine, Task.status != "done").order_by(Task.due_on, Task.id).limit(bindparam("limit")))


class YearTasks(NamedTuple):
    """A member's tasks due in a year: done by their date; late (done after it, or past it and
    still open); not due yet (and not done), which count for nothing until their date passes."""

    on_time: int
    late: int
    not_due: int
    next_due: date | None  # the nearest date among those not due yet

    @property
    def counted(self) -> int:
        return self.on_time + self.late


def year_tasks(user, year: int, on: date | None = None) -> YearTasks:
    """The tasks given to `user` by name and due in `year`, as they stand on `on` (today)."""
    on = on or today()
    rows = db.session.execute(select(Task.status, Task.done_on, Task.due_on).where(
        Task.owner_id == user.id, Task.due_on >= date(year, 1, 1), Task.due_on <= date(year, 12, 31))).all()
    on_time = late = 0
    waiting: list[date] = []
    for status, done, due in rows:
        finished = status == "done" and done is not None
        if finished and done <= due:
            on_time += 1
        elif finished or due < on:
            late += 1
        else:
            waiting.append(due)
    return YearTasks(on_time, late, len(waiting), min(waiting, default=None))


def done_on_time(user, year: int) -> tuple[int, int]:
    """(done by their date, counted) of the tasks given to `user` by name and due in `year`."""
    record = year_tasks(user, year)
    return record.on_time, record.counted
