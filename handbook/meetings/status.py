"""A meeting's status, and the one table that decides every change of it.

    draft ──publish──▶ published ──attendance taken, once begun──▶ held ──minutes signed──▶ closed
      │                   │ └────────────────minutes signed─────────────────────▲
      └──────cancel───────┴──▶ cancelled

Votes are opened, cast and closed, and the conclusion's tasks planned, while the meeting is
published or held; once the minutes are signed (closed) the record is fixed.

Every action on a meeting is a row of TABLE: the statuses it is allowed in, the status it
leads to, what the member is told when it is refused, and the condition it needs besides the
status (answers close when the meeting starts; check-in needs its code and its time window;
an agenda is published with at least one item; attendance waits for the meeting's day). A rule
may lead elsewhere before the meeting starts: attendance taken in the hour before it does not
make it held yet. Services call `move`; pages ask `allows`;
nothing else assigns `Meeting.status`.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum

from handbook.domain import DomainError
from handbook.meetings import messages as msg
from handbook.models_base import utcnow
from handbook.timefmt import to_vn, vn_date


class Status(StrEnum):
    DRAFT = "draft"
    PUBLISHED = "published"
    HELD = "held"
    CLOSED = "closed"
    CANCELLED = "cancelled"

    @property
    def label(self) -> str:
        return LABELS[self]


LABELS = {
    Status.DRAFT: "Bản nháp",
    Status.PUBLISHED: "Đã công bố",
    Status.HELD: "Đã họp",
    Status.CLOSED: "Đã kết thúc",
    Status.CANCELLED: "Đã hủy",
}
# Members see every meeting of their cell but drafts; a meeting counts as held once attended.
SEEN_BY_MEMBERS = (Status.PUBLISHED, Status.HELD, Status.CLOSED, Status.CANCELLED)
PUBLISHED = (Status.PUBLISHED, Status.HELD, Status.CLOSED)
HELD = (Status.HELD, Status.CLOSED)


class Action(StrEnum):
    EDIT = "edit"  # the details and the agenda's items
    PUBLISH = "publish"
    CANCEL = "cancel"
    RSVP = "rsvp"
    OPEN_CHECKIN = "open_checkin"
    CHECK_IN = "check_in"
    TAKE_ATTENDANCE = "take_attendance"
    WRITE_MINUTES = "write_minutes"
    LOCK_MINUTES = "lock_minutes"  # the last signature makes the minutes final
    SIGN_MINUTES = "sign_minutes"  # chair and note-taker confirm the draft, or a new revision
    OPEN_VOTE = "open_vote"
    RUN_VOTE = "run_vote"  # close a vote with its hand count, annul a result
    CAST_VOTE = "cast_vote"
    PLAN_TASKS = "plan_tasks"  # the conclusion's tasks, while the minutes are a draft
    ASSESS = "assess"  # the meeting's quality and the cell's self-assessment


# Members may check in from half an hour before the start until half an hour after the end.
CHECKIN_EARLY = timedelta(minutes=30)
CHECKIN_LATE = timedelta(minutes=30)


def checkin_window(meeting) -> tuple[datetime, datetime]:
    return meeting.starts_at - CHECKIN_EARLY, meeting.ends_at + CHECKIN_LATE


def _not_started(meeting, now: datetime) -> str | None:
    return msg.RSVP_CLOSED if meeting.starts_at < now else None


def _checkin_running(meeting, now: datetime) -> str | None:
    opened = meeting.checkin_code is not None and checkin_window(meeting)[0] <= now <= meeting.checkin_until
    return None if opened else msg.CHECKIN_CLOSED


def _begun(meeting, now: datetime) -> str | None:
    return None if checkin_window(meeting)[0] <= now else msg.VOTE_NOT_STARTED


def _meeting_day(meeting, now: datetime) -> str | None:
    # Calendar days in Vietnam: a meeting at 07:30 on the 7th is "today" from midnight there.
    day = to_vn(meeting.starts_at).date()
    return msg.ATTENDANCE_TOO_EARLY.format(day=vn_date(day)) if to_vn(now).date() < day else None


def _has_items(meeting, now: datetime) -> str | None:
    return None if meeting.items else msg.NO_ITEMS


@dataclass(frozen=True)
class Rule:
    moves: Mapping[Status, Status]  # allowed in -> leads to (the same status: it stays)
    refused: str | None = None  # told when the status refuses; None answers 404, as for no such page
    needs: Callable | None = field(default=None)  # (meeting, now) -> the refusal, or None when met
    before_start: Mapping[Status, Status] | None = None  # the moves while the meeting has not begun


def _stays(*statuses: Status) -> dict[Status, Status]:
    return {status: status for status in statuses}


S = Status
TABLE: dict[Action, Rule] = {
    Action.EDIT: Rule(_stays(S.DRAFT, S.PUBLISHED)),
    Action.PUBLISH: Rule({S.DRAFT: S.PUBLISHED}, needs=_has_items),
    Action.CANCEL: Rule({S.DRAFT: S.CANCELLED, S.PUBLISHED: S.CANCELLED}),
    Action.RSVP: Rule(_stays(S.PUBLISHED), refused=msg.RSVP_CLOSED, needs=_not_started),
    Action.OPEN_CHECKIN: Rule(_stays(S.PUBLISHED, S.HELD)),
    Action.CHECK_IN: Rule(_stays(S.PUBLISHED, S.HELD), refused=msg.CHECKIN_CLOSED, needs=_checkin_running),
    # From the meeting's day; a meeting is held only once it has begun.
    Action.TAKE_ATTENDANCE: Rule({S.PUBLISHED: S.HELD, S.HELD: S.HELD, S.CLOSED: S.CLOSED}, needs=_meeting_day,
                                 before_start=_stays(S.PUBLISHED, S.HELD, S.CLOSED)),
    Action.WRITE_MINUTES: Rule(_stays(S.PUBLISHED, S.HELD, S.CLOSED)),
    Action.LOCK_MINUTES: Rule({S.PUBLISHED: S.CLOSED, S.HELD: S.CLOSED, S.CLOSED: S.CLOSED}),
    # A closed meeting's minutes are signed again when a change opened a new revision.
    Action.SIGN_MINUTES: Rule(_stays(S.PUBLISHED, S.HELD, S.CLOSED)),
    # Votes happen at the meeting: from the check-in window's start until the minutes are final.
    Action.OPEN_VOTE: Rule(_stays(S.PUBLISHED, S.HELD), needs=_begun),
    Action.RUN_VOTE: Rule(_stays(S.PUBLISHED, S.HELD)),
    Action.CAST_VOTE: Rule(_stays(S.PUBLISHED, S.HELD), refused=msg.VOTE_NOT_OPEN),
    Action.PLAN_TASKS: Rule(_stays(S.PUBLISHED, S.HELD)),
    Action.ASSESS: Rule(_stays(S.HELD, S.CLOSED)),
}


class MeetingRefused(DomainError):
    """The meeting's status (or the action's condition) refuses the action."""


def status_allows(meeting, action: Action) -> bool:
    """Whether the meeting's status allows `action`, its other condition aside (what a page
    offers: the server still checks the condition when the action is sent)."""
    return Status(meeting.status) in TABLE[action].moves


def check(meeting, action: Action, now: datetime | None = None) -> Status:
    """The status `action` leads to; raises MeetingRefused when the table refuses it."""
    rule = TABLE[action]
    now = now or utcnow()
    moves = rule.before_start if rule.before_start is not None and now < meeting.starts_at else rule.moves
    target = moves.get(Status(meeting.status))
    if target is None:
        if rule.refused:
            raise MeetingRefused(rule.refused)
        # Pages never offer it in this status: asked anyway, it answers as a page that is not there.
        label = Status(meeting.status).label
        raise MeetingRefused(msg.NOT_IN_THIS_STATUS.format(status=label), status=404)
    problem = rule.needs(meeting, now) if rule.needs else None
    if problem:
        raise MeetingRefused(problem)
    return target


def allows(meeting, action: Action, now: datetime | None = None) -> bool:
    try:
        check(meeting, action, now)
    except MeetingRefused:
        return False
    return True


def move(meeting, action: Action, now: datetime | None = None) -> Status:
    """Checks `action` and gives the meeting the status it leads to: the only status change."""
    meeting.status = target = check(meeting, action, now)
    return target


def check_start(starts_at: datetime, now: datetime | None = None) -> None:
    """A meeting is planned, or moved, only to a time still to come."""
    if starts_at <= (now or utcnow()):
        raise DomainError(msg.PAST_START, field="starts_at")
