"""A meeting's quality by Hướng dẫn 12-HD/BTCTW (06/07/2018) and 42-HD/BTCTW (28/10/2025):
attendance above 85%, at least 90 minutes (120 with a thematic session), documents posted at
least a day before, minutes final with attendance and conclusion, the resolution voted; and
members absent from three regular meetings in a row, named to the secretary only.

Public (the committee's dashboard reads it, through the package): `checks(meeting)` for one meeting and
`month_summary(cell_ids, start, end)` for cells and a month, from the same figures, in a fixed
number of queries however many meetings.
"""

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import select

from handbook.audit import record
from handbook.auth.models import User
from handbook.collation import vi_order
from handbook.domain import DomainError
from handbook.extensions import db
from handbook.meetings import messages as msg
from handbook.meetings.minutes.models import Minutes, MinutesStatus
from handbook.meetings.models import Attendance, Meeting
from handbook.meetings.notify import actor_id
from handbook.meetings.quality.models import SELF_RATINGS, MeetingAssessment
from handbook.meetings.status import HELD, Action, check
from handbook.meetings.votes import rules
from handbook.meetings.votes.models import Vote, VoteStatus
from handbook.timefmt import to_vn

ATTENDANCE_TARGET = 85  # percent; the guidance asks for more than this
MIN_MINUTES, THEMATIC_MINUTES = 90, 120
NOTICE = timedelta(days=1)
ABSENT_IN_A_ROW = 3


@dataclass
class Check:
    key: str
    label: str
    ok: bool | None  # None: not known yet (no attendance, no minutes …)
    detail: str = ""


@dataclass
class CellQuality:
    """One cell's held meetings of a month, and how many met each criterion."""

    meetings: int = 0
    met: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    ratings: list[str] = field(default_factory=list)



def notice_words(lead: timedelta) -> str:
    """How long before the start the agenda came out: "0 giờ" said nothing, so minutes under an
    hour, hours under two days, days beyond."""
    minutes = int(lead.total_seconds() // 60)
    if minutes <= 0:
        return msg.Q_PUBLISHED_LATE
    if minutes < 60:
        return msg.Q_PUBLISHED_MINUTES.format(n=minutes)
    if minutes < 48 * 60:
        return msg.Q_PUBLISHED_HOURS.format(n=minutes // 60)
    return msg.Q_PUBLISHED_DAYS.format(n=minutes // (24 * 60))

def _minutes_of(text: str) -> int | None:
    """'14:05' → minutes after midnight; anything else → None."""
    match = re.fullmatch(r"\s*(\d{1,2})\s*[:hg.]\s*(\d{2})\s*", text or "")
    if not match or int(match[1]) > 23 or int(match[2]) > 59:
        return None
    return int(match[1]) * 60 + int(match[2])


def length_of(planned: int, held_from: str | None, held_to: str | None) -> tuple[int, bool]:
    """The meeting's length in minutes, and whether it is the held one (the minutes' times) or
    only the planned one."""
    start, end = _minutes_of(held_from), _minutes_of(held_to)
    if start is not None and end is not None and end > start:
        return end - start, True
    return planned, False


def attendance_met(present: int, counted: int, unexcused: int) -> bool:
    """More than 85% of those expected present, and nobody absent without a reason."""
    return counted > 0 and 100 * present > ATTENDANCE_TARGET * counted and not unexcused


def _figures(meetings: list) -> dict[int, dict]:
    """What every criterion needs of these meetings (rows of id, kind, starts_at, duration,
    published_at), in four queries."""
    ids = [m.id for m in meetings]
    figures = {m.id: {"row": m, "present": 0, "counted": 0, "absent": 0, "minutes": None, "votes": [],
                      "rating": None} for m in meetings}
    if not ids:
        return figures
    for meeting_id, status, standing in db.session.execute(
            select(Attendance.meeting_id, Attendance.status, User.party_standing)
            .join(User, User.id == Attendance.user_id).where(Attendance.meeting_id.in_(ids))):
        f = figures[meeting_id]
        # Members away, and exempt members who stayed away, are not expected (as in a vote's base).
        if standing == "away" or (standing == "exempt" and status != "present"):
            continue
        f["counted"] += 1
        f["present"] += status == "present"
        f["absent"] += status == "absent"
    for row in db.session.execute(select(Minutes.meeting_id, Minutes.status, Minutes.held_from, Minutes.held_to,
                                         Minutes.conclusions).where(Minutes.meeting_id.in_(ids))):
        figures[row.meeting_id]["minutes"] = row
    resolutions = select(Vote.meeting_id, Vote.kind, Vote.choices, Vote.counts, Vote.basis).where(
        Vote.meeting_id.in_(ids), Vote.status == VoteStatus.CLOSED, Vote.kind == "resolution")
    for row in db.session.execute(resolutions):
        outcome = rules.outcome(row.kind, json.loads(row.choices), json.loads(row.counts),
                                rules.Basis.from_dict(json.loads(row.basis)))
        figures[row.meeting_id]["votes"].append(outcome)
    for meeting_id, rating in db.session.execute(select(MeetingAssessment.meeting_id, MeetingAssessment.rating)
                                                 .where(MeetingAssessment.meeting_id.in_(ids))):
        figures[meeting_id]["rating"] = rating
    return figures


def _checks(f: dict) -> list[Check]:
    m, minutes = f["row"], f["minutes"]
    found = []
    if f["counted"]:
        rate = round(100 * f["present"] / f["counted"])
        detail = msg.Q_ATTENDANCE.format(present=f["present"], counted=f["counted"], rate=rate)
        if f["absent"]:
            detail += msg.Q_UNEXCUSED.format(n=f["absent"])
        found.append(Check("attendance", msg.Q_ATTENDANCE_LABEL,
                           attendance_met(f["present"], f["counted"], f["absent"]), detail))
    else:
        found.append(Check("attendance", msg.Q_ATTENDANCE_LABEL, None, msg.Q_NO_ATTENDANCE))
    need = THEMATIC_MINUTES if m.kind == "thematic" else MIN_MINUTES
    length, held = length_of(m.duration_minutes, minutes.held_from if minutes else None,
                             minutes.held_to if minutes else None)
    found.append(Check("length", msg.Q_LENGTH_LABEL.format(need=need), length >= need,
                       (msg.Q_LENGTH_HELD if held else msg.Q_LENGTH_PLANNED).format(minutes=length)))
    on_time = m.published_at is not None and m.published_at <= m.starts_at - NOTICE
    found.append(Check("on_time", msg.Q_ON_TIME_LABEL, on_time,
                       notice_words(m.starts_at - m.published_at) if m.published_at else msg.Q_NOT_PUBLISHED))
    complete = (minutes is not None and minutes.status == MinutesStatus.FINAL and bool(f["counted"])
                and bool((minutes.conclusions or "").strip()))
    found.append(Check("minutes", msg.Q_MINUTES_LABEL, complete,
                       msg.Q_MINUTES_FINAL if complete else msg.Q_MINUTES_MISSING))
    passed = [o for o in f["votes"] if o.passed]
    found.append(Check("resolution", msg.Q_RESOLUTION_LABEL, bool(passed),
                       (passed or f["votes"])[0].sentence if f["votes"] else msg.Q_NO_VOTE))
    return found


def _row(meeting: Meeting):
    return db.session.execute(select(Meeting.id, Meeting.kind, Meeting.starts_at, Meeting.duration_minutes,
                                     Meeting.published_at).where(Meeting.id == meeting.id)).one()


def checks(meeting: Meeting) -> list[Check]:
    """The criteria the committee judges this meeting on, met or not, with the figures."""
    return _checks(_figures([_row(meeting)])[meeting.id])


@dataclass(frozen=True)
class Absence:
    day: str  # the meeting's day, dd/mm/yyyy
    excused: bool
    reason: str

    @property
    def label(self) -> str:
        """'05/05/2026: có lý do: ốm' or '05/05/2026: không lý do'."""
        if not self.excused:
            return msg.Q_ABSENT_NO_REASON.format(day=self.day)
        return msg.Q_ABSENT_REASON.format(day=self.day, reason=self.reason or msg.Q_REASON_UNWRITTEN)


@dataclass(frozen=True)
class AbsentInARow:
    """A member absent from each of the last regular meetings, each absence as recorded: the
    guidance treats absences with reasons and without differently, so both are told."""

    name: str
    absences: tuple[Absence, ...]

    @property
    def summary(self) -> str:
        excused = sum(a.excused for a in self.absences)
        return msg.Q_ABSENT_SUMMARY.format(excused=excused, unexcused=len(self.absences) - excused)


def absent_in_a_row(meeting: Meeting, times: int = ABSENT_IN_A_ROW) -> list[AbsentInARow]:
    """Members absent (with or without reasons) from the cell's last `times` regular meetings
    held, up to this one, each absence with its reason or none: to be named to the secretary,
    nobody else."""
    last = db.session.execute(
        select(Meeting.id, Meeting.starts_at).where(Meeting.cell_id == meeting.cell_id, Meeting.kind == "regular",
                                                    Meeting.status.in_(HELD), Meeting.starts_at <= meeting.starts_at)
        .order_by(Meeting.starts_at.desc()).limit(times)).all()
    if len(last) < times:
        return []
    days = {row.id: f"{to_vn(row.starts_at):%d/%m/%Y}" for row in last}
    away: dict[int, list[tuple[int, Absence]]] = defaultdict(list)
    for row in db.session.execute(select(Attendance.user_id, Attendance.meeting_id, Attendance.status,
                                         Attendance.reason).where(Attendance.meeting_id.in_(days),
                                                                  Attendance.status != "present")):
        away[row.user_id].append((row.meeting_id, Absence(days[row.meeting_id], row.status == "excused",
                                                          (row.reason or "").strip())))
    ids = [user_id for user_id, found in away.items() if len(found) == times]
    if not ids:
        return []
    order = [row.id for row in reversed(last)]  # oldest first
    return [AbsentInARow(name, tuple(a for _, a in sorted(away[user_id], key=lambda f: order.index(f[0]))))
            for user_id, name in db.session.execute(
                select(User.id, User.full_name).where(User.id.in_(ids), User.cell_id == meeting.cell_id,
                                                      User.active.is_(True)).order_by(vi_order(User.full_name)))]


def assessment_of(meeting: Meeting) -> MeetingAssessment | None:
    return db.session.scalar(select(MeetingAssessment).where(MeetingAssessment.meeting_id == meeting.id))


def assess(meeting: Meeting, rating: str, reasons: str) -> MeetingAssessment:
    """The cell's self-assessment (tốt / khá / trung bình / kém), with its reasons."""
    check(meeting, Action.ASSESS)
    if rating not in SELF_RATINGS:
        raise DomainError(msg.Q_BAD_RATING, field="rating")
    found = assessment_of(meeting)
    if found is None:
        found = MeetingAssessment(meeting_id=meeting.id)
        db.session.add(found)
    found.rating, found.reasons, found.assessed_by_id = rating, (reasons or "").strip()[:5000], actor_id()
    record("meeting.assessed", org=meeting.cell, target=meeting,
           summary=f"{meeting.title}: {SELF_RATINGS[rating]}")
    return found


def month_summary(cell_ids: list[int], start: datetime, end: datetime) -> dict[int, CellQuality]:
    """Per cell, its meetings held in [start, end) and how many met each criterion."""
    rows = db.session.execute(select(Meeting.id, Meeting.cell_id, Meeting.kind, Meeting.starts_at,
                                     Meeting.duration_minutes, Meeting.published_at)
                              .where(Meeting.cell_id.in_(cell_ids), Meeting.status.in_(HELD),
                                     Meeting.starts_at >= start, Meeting.starts_at < end)).all()
    summary = {cell_id: CellQuality() for cell_id in cell_ids}
    for f in _figures(rows).values():
        cell = summary[f["row"].cell_id]
        cell.meetings += 1
        for found in _checks(f):
            cell.met[found.key] += bool(found.ok)
        if f["rating"]:
            cell.ratings.append(SELF_RATINGS.get(f["rating"], f["rating"]))
    return summary
