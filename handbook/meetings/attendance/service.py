"""RSVPs, read receipts, the attendance list and self check-in with a short code."""

import secrets
from typing import NamedTuple

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from handbook.audit import record
from handbook.cache import Cache
from handbook.domain import DomainError
from handbook.extensions import db
from handbook.meetings import messages as msg
from handbook.meetings.models import ATTENDANCE_LABELS, Attendance, Meeting, NotificationKind, ReadReceipt, Rsvp
from handbook.meetings.notify import cell_members, notify_members
from handbook.meetings.status import Action, Status, allows, check, checkin_window, move
from handbook.models_base import utcnow


def answer_rsvp(meeting: Meeting, user, attending: bool, reason: str) -> Rsvp:
    """Tham dự or vắng, while the meeting takes answers (published, not yet begun). One statement
    writes it, new or changed: the same answer sent twice at once (a phone's outbox when the
    signal returns, a double tap) must not find "none yet" twice and fail on the unique pair."""
    check(meeting, Action.RSVP)
    answer = {"attending": attending, "reason": "" if attending else reason.strip(), "answered_at": utcnow()}
    db.session.execute(_insert()(Rsvp).values(meeting_id=meeting.id, user_id=user.id, **answer)
                       .on_conflict_do_update(index_elements=["meeting_id", "user_id"], set_=answer))
    return db.session.scalar(select(Rsvp).where(Rsvp.meeting_id == meeting.id, Rsvp.user_id == user.id)
                             .execution_options(populate_existing=True))


def _insert():
    """The dialect's INSERT, for its ON CONFLICT clauses."""
    return pg_insert if db.engine.dialect.name == "postgresql" else sqlite_insert


def own_rsvp(meeting: Meeting, user) -> Rsvp | None:
    return db.session.scalar(select(Rsvp).where(Rsvp.meeting_id == meeting.id, Rsvp.user_id == user.id))


def own_attendance(meeting: Meeting, user) -> Attendance | None:
    """The member's own mark, so the page can say "Đã điểm danh lúc 19:05" after a reload."""
    return db.session.scalar(select(Attendance).where(Attendance.meeting_id == meeting.id,
                                                      Attendance.user_id == user.id))


class ShownField(NamedTuple):
    data: str | None
    errors: tuple = ()


class ShownRsvp(NamedTuple):
    """The RSVP form as a page shows it before anything is sent: what _rsvp.html reads of
    RsvpForm (each field's value, no errors), without building the form and its CSRF field on
    every meeting page and home card (the answer's POST still goes through RsvpForm)."""

    answer: ShownField
    reason: ShownField


_NOT_ANSWERED = ShownRsvp(ShownField(None), ShownField(None))


def rsvp_form_for(rsvp: Rsvp | None) -> ShownRsvp:
    """The RSVP form filled with the member's answer; the reason only while the answer is Vắng."""
    if rsvp is None:
        return _NOT_ANSWERED
    if rsvp.attending:
        return ShownRsvp(ShownField("yes"), ShownField(""))
    # As the form's single-line filter (security._bind_field) would show it.
    reason = rsvp.reason
    if isinstance(reason, str) and any(ch in reason for ch in "\t\n\r"):
        reason = " ".join(reason.split())
    return ShownRsvp(ShownField("no"), ShownField(reason))


def mark_read(meeting: Meeting, user) -> bool:
    """First opening of a published agenda by a member of the cell; True when this call added
    the receipt, which the caller then commits."""
    if meeting.status == Status.DRAFT or user.cell_id != meeting.cell_id:
        return False
    added = False

    def record() -> bool:
        nonlocal added
        added = _record_read(meeting.id, user.id)
        return True

    # Members reopen the agenda many times before the meeting; once this process has seen
    # the receipt stored, it does not ask the database again (receipts are never removed).
    _receipts_seen.get_or_make((meeting.id, user.id), record)
    return added


_receipts_seen = Cache(size=50_000, ttl_seconds=6 * 3600)


def _record_read(meeting_id: int, user_id: int) -> bool:
    """Adds the receipt unless it is stored; True when it was missing."""
    exists = db.session.scalar(select(ReadReceipt.id).where(ReadReceipt.meeting_id == meeting_id,
                                                            ReadReceipt.user_id == user_id))
    if exists is not None:
        return False
    # The same member may open the agenda twice at once (two tabs, a double tap): the
    # second insert does nothing instead of failing on the unique pair.
    db.session.execute(_insert()(ReadReceipt).values(meeting_id=meeting_id, user_id=user_id, read_at=utcnow())
                       .on_conflict_do_nothing(index_elements=["meeting_id", "user_id"]))
    return True


def roster(meeting: Meeting) -> list[dict]:
    """One row per member: RSVP, read receipt, attendance — for the overview and the attendance list."""
    rsvps = {r.user_id: r for r in db.session.scalars(select(Rsvp).where(Rsvp.meeting_id == meeting.id))}
    reads = {r.user_id: r for r in db.session.scalars(select(ReadReceipt).where(ReadReceipt.meeting_id == meeting.id))}
    marks = {a.user_id: a for a in db.session.scalars(select(Attendance).where(Attendance.meeting_id == meeting.id))}
    rows = []
    for user in cell_members(meeting.cell_id):
        rsvp, mark = rsvps.get(user.id), marks.get(user.id)
        # Pre-filled from what the member said; nobody is taken as present without a word.
        if mark:
            status, reason = mark.status, mark.reason
        elif rsvp and not rsvp.attending:
            status, reason = "excused", rsvp.reason
        elif rsvp:
            status, reason = "present", ""
        else:
            status, reason = "", ""
        rows.append({"user": user, "rsvp": rsvp, "read": reads.get(user.id), "attendance": mark,
                     "status": status, "reason": reason})
    return rows


def save_attendance(meeting: Meeting, marks: dict[int, tuple[str, str]], unknown: int = 0) -> None:
    """marks: user id -> (status, reason), already validated; `unknown` members were left
    unmarked. Recording it means the meeting was held."""
    move(meeting, Action.TAKE_ATTENDANCE)
    counts = {status: sum(1 for s, _r in marks.values() if s == status) for status in ATTENDANCE_LABELS}
    record("attendance.saved", org=meeting.cell, target=meeting, summary=msg.ATTENDANCE_AUDIT.format(
        title=meeting.title, present=counts["present"], excused=counts["excused"], absent=counts["absent"],
        unknown=unknown))
    existing = {a.user_id: a for a in db.session.scalars(select(Attendance).where(Attendance.meeting_id == meeting.id))}
    for user_id, (status, reason) in marks.items():
        row = existing.get(user_id)
        if row is None:
            row = Attendance(meeting_id=meeting.id, user_id=user_id, status=status)
            db.session.add(row)
        row.status, row.reason = status, reason if status != "present" else ""
        row.recorded_at = utcnow()


def open_checkin(meeting: Meeting) -> str:
    check(meeting, Action.OPEN_CHECKIN)
    renewed = meeting.checkin_code is not None
    meeting.checkin_code = f"{secrets.randbelow(1_000_000):06d}"
    meeting.checkin_until = checkin_window(meeting)[1]
    # The code itself stays out of the log: it is a password for the meeting's hour.
    record("checkin.opened", org=meeting.cell, target=meeting,
           summary=(msg.CHECKIN_RENEWED_AUDIT if renewed else msg.CHECKIN_OPENED_AUDIT).format(title=meeting.title))
    notify_members(meeting, NotificationKind.CHECKIN, msg.NOTIFY_CHECKIN.format(title=meeting.title))
    return meeting.checkin_code


def checkin_open(meeting: Meeting, now=None) -> bool:
    return allows(meeting, Action.CHECK_IN, now)


def check_in(meeting: Meeting, user, code: str) -> None:
    """Marks the member present; refuses (DomainError) outside the window or on a wrong code."""
    check(meeting, Action.CHECK_IN)
    if not secrets.compare_digest(code.strip(), meeting.checkin_code):
        raise DomainError(msg.WRONG_CODE, field="code")
    row = db.session.scalar(select(Attendance).where(Attendance.meeting_id == meeting.id,
                                                     Attendance.user_id == user.id))
    if row is None:
        row = Attendance(meeting_id=meeting.id, user_id=user.id, status="present")
        db.session.add(row)
    row.status, row.reason, row.checked_in_by_self, row.recorded_at = "present", "", True, utcnow()
