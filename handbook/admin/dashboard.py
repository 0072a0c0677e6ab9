"""Dashboard figures per cell and month, from a handful of aggregate queries (never one per cell).

A month lists the cells that existed in it, under the names they bore then: a cell merged away
keeps its own row (and meetings) until the merge, the survivor's row starts counting it from
then, so no cell and no meeting is counted twice (handbook/orgs/__init__.py)."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import and_, case, exists, func, select

from handbook.auth.models import User
from handbook.collation import vi_order
from handbook.extensions import db
from handbook.library.models import StudyAssignment, StudyMark
from handbook.meetings import quality as meeting_quality
from handbook.meetings import status
from handbook.meetings.models import Attendance, Meeting, ReadReceipt
from handbook.orgs.history import existed_between, names_on, period_day
from handbook.orgs.models import Organization
from handbook.timefmt import from_vn

HELD = status.HELD
PUBLISHED = status.PUBLISHED
PAGE_SIZE = 50


@dataclass
class CellMonth:
    cell: Organization
    name: str = ""  # the cell's name in that month
    members: int = 0
    regular: int = 0
    thematic: int = 0
    other: int = 0
    published: int = 0
    on_time: int = 0
    planned_minutes: int = 0
    present: int = 0
    attendance_rows: int = 0
    reads: int = 0
    study_done: int = 0
    study_due: int = 0
    missed_months: list[int] = field(default_factory=list)
    # Held meetings and how many met each criterion of Hướng dẫn 12 (meetings.quality).
    quality: meeting_quality.CellQuality = field(default_factory=meeting_quality.CellQuality)

    @property
    def held(self) -> int:
        return self.regular + self.thematic + self.other

    @property
    def missed(self) -> bool:
        return self.regular == 0

    @property
    def attendance_rate(self) -> float | None:
        return self.present / self.attendance_rows if self.attendance_rows else None

    @property
    def read_rate(self) -> float | None:
        expected = self.members * self.published
        return min(1.0, self.reads / expected) if expected else None

    @property
    def study_rate(self) -> float | None:
        return min(1.0, self.study_done / self.study_due) if self.study_due else None


def month_bounds(year: int, month: int) -> tuple[datetime, datetime]:
    """The month as Vietnamese calendars have it, in UTC."""
    start = from_vn(datetime(year, month, 1))
    end = from_vn(datetime(year + (month == 12), month % 12 + 1, 1))
    return start, end


def month_days(year: int, month: int) -> tuple[date, date]:
    """The month as [first day, first day of the next)."""
    return date(year, month, 1), date(year + (month == 12), month % 12 + 1, 1)


def _held_regular(start: datetime, end: datetime):
    return exists().where(
        Meeting.cell_id == Organization.id, Meeting.kind == "regular", Meeting.status.in_(HELD),
        Meeting.starts_at >= start, Meeting.starts_at < end,
    )


def cells_query(root: Organization, year: int, month: int, only_missed: bool = False, q: str = ""):
    query = select(Organization).where(
        Organization.path.startswith(root.path), Organization.kind == "cell", existed_between(*month_days(year, month)))
    if only_missed:
        query = query.where(~_held_regular(*month_bounds(year, month)))
    if q:
        query = query.where(Organization.name.ilike(f"%{q}%"))
    return query


def cell_page(root, year, month, page=1, only_missed=False, q=""):
    """One page of cells (ordered by name) and the total count."""
    query = cells_query(root, year, month, only_missed, q)
    total = db.session.scalar(select(func.count()).select_from(query.subquery()))
    cells = list(db.session.scalars(query.order_by(vi_order(Organization.name), Organization.id)
                                    .limit(PAGE_SIZE).offset((page - 1) * PAGE_SIZE)))
    return cells, total


def figures(cells: list[Organization], year: int, month: int) -> list[CellMonth]:
    """Every figure of the month for these cells, in a fixed number of queries."""
    if not cells:
        return []
    ids = [cell.id for cell in cells]
    names = names_on(cells, period_day(month_days(year, month)[1] - timedelta(days=1)))
    rows = {cell.id: CellMonth(cell, names[cell.id]) for cell in cells}
    start, end = month_bounds(year, month)
    for cell_id, count in db.session.execute(
            select(User.cell_id, func.count()).where(User.cell_id.in_(ids), User.active.is_(True))
            .group_by(User.cell_id)):
        rows[cell_id].members = count
    meetings = db.session.execute(
        select(Meeting.id, Meeting.cell_id, Meeting.kind, Meeting.status, Meeting.starts_at,
               Meeting.published_at, Meeting.duration_minutes)
        .where(Meeting.cell_id.in_(ids), Meeting.starts_at >= start, Meeting.starts_at < end)).all()
    held_ids, published_ids, cell_of = [], [], {}
    for m in meetings:
        row = rows[m.cell_id]
        cell_of[m.id] = m.cell_id
        if m.status in PUBLISHED:
            published_ids.append(m.id)
            row.published += 1
            if m.published_at is not None and m.published_at <= m.starts_at - timedelta(days=1):
                row.on_time += 1
        if m.status in HELD:
            held_ids.append(m.id)
            kind = m.kind if m.kind in ("regular", "thematic") else "other"
            setattr(row, kind, getattr(row, kind) + 1)
            row.planned_minutes += m.duration_minutes
    if held_ids:
        for meeting_id, present, total in db.session.execute(
                select(Attendance.meeting_id, func.sum(case((Attendance.status == "present", 1), else_=0)),
                       func.count()).where(Attendance.meeting_id.in_(held_ids)).group_by(Attendance.meeting_id)):
            rows[cell_of[meeting_id]].present += int(present or 0)
            rows[cell_of[meeting_id]].attendance_rows += total
    if published_ids:
        for meeting_id, count in db.session.execute(
                select(ReadReceipt.meeting_id, func.count()).where(ReadReceipt.meeting_id.in_(published_ids))
                .group_by(ReadReceipt.meeting_id)):
            rows[cell_of[meeting_id]].reads += count
    _study(cells, rows, end)
    for cell_id, found in meeting_quality.month_summary(ids, start, end).items():
        rows[cell_id].quality = found
    for cell_id, months in missed_months(ids, year, month).items():
        rows[cell_id].missed_months = months
    return [rows[cell.id] for cell in cells]


def _study(cells, rows, end: datetime) -> None:
    """Required study due for a cell: documents assigned to it or to an organisation above it."""
    ancestors = {cell.id: set(cell.ancestor_ids()) for cell in cells}
    all_orgs = set().union(*ancestors.values())
    assigned: dict[int, set[int]] = defaultdict(set)
    for org_id, document_id in db.session.execute(
            select(StudyAssignment.org_id, StudyAssignment.document_id)
            .where(StudyAssignment.org_id.in_(all_orgs), StudyAssignment.created_at < end)):
        assigned[org_id].add(document_id)
    docs_of = {cid: set().union(*(assigned[o] for o in orgs)) for cid, orgs in ancestors.items()}
    if not any(docs_of.values()):
        return
    marks: dict[int, dict[int, int]] = defaultdict(dict)
    for cell_id, document_id, count in db.session.execute(
            select(User.cell_id, StudyMark.document_id, func.count())
            .join(User, User.id == StudyMark.user_id)
            .where(User.cell_id.in_(list(ancestors)), User.active.is_(True), StudyMark.studied_at < end,
                   StudyMark.document_id.in_(set().union(*docs_of.values())))
            .group_by(User.cell_id, StudyMark.document_id)):
        marks[cell_id][document_id] = count
    for cell_id, docs in docs_of.items():
        row = rows[cell_id]
        row.study_due = row.members * len(docs)
        row.study_done = sum(marks[cell_id].get(doc, 0) for doc in docs)


def missed_months(cell_ids: list[int], year: int, up_to: int) -> dict[int, list[int]]:
    """Months of the year (up to `up_to`) in which each cell held no regular meeting."""
    bounds = [month_bounds(year, m) for m in range(1, up_to + 1)]
    month_of = case(*[(Meeting.starts_at < end, m) for m, (_, end) in enumerate(bounds, 1)], else_=None)
    held: dict[int, set[int]] = defaultdict(set)
    for cell_id, month in db.session.execute(
            select(Meeting.cell_id, month_of).distinct()
            .where(Meeting.cell_id.in_(cell_ids), Meeting.kind == "regular", Meeting.status.in_(HELD),
                   Meeting.starts_at >= bounds[0][0], Meeting.starts_at < bounds[-1][1])):
        held[cell_id].add(month)
    return {cid: [m for m in range(1, up_to + 1) if m not in held[cid]] for cid in cell_ids}


def year_overview(root: Organization, year: int) -> list[dict]:
    """Per month for the whole subtree: cells, cells that held a regular meeting, meetings by kind."""
    bounds = [month_bounds(year, m) for m in range(1, 13)]
    month_of = case(*[(Meeting.starts_at < end, m) for m, (_, end) in enumerate(bounds, 1)], else_=None)
    in_subtree = and_(Organization.id == Meeting.cell_id, Organization.path.startswith(root.path))
    stats = {m: {"month": m, "cells_met": 0, "regular": 0, "thematic": 0} for m in range(1, 13)}
    for month, kind, meetings, cells_met in db.session.execute(
            select(month_of, Meeting.kind, func.count(), func.count(Meeting.cell_id.distinct()))
            .join(Organization, in_subtree)
            .where(Meeting.status.in_(HELD), Meeting.starts_at >= bounds[0][0], Meeting.starts_at < bounds[-1][1])
            .group_by(month_of, Meeting.kind)):
        if kind in ("regular", "thematic"):
            stats[month][kind] = meetings
        if kind == "regular":
            stats[month]["cells_met"] = cells_met
    # The cells of each month: those that existed in it, so a merge changes the count from its month.
    totals = db.session.execute(select(*[
        func.coalesce(func.sum(case((existed_between(*month_days(year, m)), 1), else_=0)), 0) for m in range(1, 13)
    ]).where(Organization.path.startswith(root.path), Organization.kind == "cell")).one()
    return [{**s, "cells": totals[s["month"] - 1]} for s in stats.values()]
