"""What the minutes are built from, besides their typed text: attendance by name, opinions by
speaker on each item, vote results and the resolution's tasks.

`record_of` gathers it all, live, as one dict: the content of the revision being written, which
the builder page shows, a signature is bound to (digest.py), and the second signature
freezes into the revision kept (service.py), so final minutes always show what was signed,
whatever changes in the attendance list or the votes afterwards.
"""

import json

from sqlalchemy import select

from handbook.domain import DomainError
from handbook.extensions import db
from handbook.meetings import messages as msg
from handbook.meetings.minutes.digest import content_of
from handbook.meetings.minutes.models import Minutes, MinutesOpinion
from handbook.meetings.minutes.size import check_opinion, check_total, total_size
from handbook.meetings.models import Attendance, Rsvp
from handbook.meetings.notify import actor_id, cell_members
from handbook.meetings.tasks import service as task_service
from handbook.meetings.tasks.models import Task
from handbook.meetings.votes import service as vote_service
from handbook.timefmt import vn_date

TEXT_FIELDS = ("held_from", "held_to", "place", "chair", "note_taker", "conclusions", "resolution")


def notes_of(minutes: Minutes) -> dict[str, str]:
    """The text written under each agenda item (item id -> text)."""
    try:
        notes = json.loads(minutes.item_notes or "{}")
    except ValueError:
        return {}
    return notes if isinstance(notes, dict) else {}


def attendance_of(meeting) -> dict:
    """Membership and attendance as the opening reports it: totals, present, absent with and
    without reasons, by name; members nobody marked are listed as not yet known."""
    day = vote_service.meeting_day(meeting)
    members = cell_members(meeting.cell_id)
    marks = {a.user_id: a for a in db.session.scalars(select(Attendance).where(Attendance.meeting_id == meeting.id))}
    sent_apologies = {r.user_id: r.reason for r in db.session.scalars(
        select(Rsvp).where(Rsvp.meeting_id == meeting.id, Rsvp.attending.is_(False)))}
    present, excused, absent, unknown = [], [], [], []
    for member in members:
        mark = marks.get(member.id)
        if mark is None:
            unknown.append(member.full_name)
        elif mark.status == "present":
            present.append(member.full_name)
        elif mark.status == "excused":
            excused.append([member.full_name, mark.reason or sent_apologies.get(member.id, "")])
        else:
            absent.append(member.full_name)
    return {"total": len(members), "probationary": sum(1 for m in members if m.is_probationary(day)),
            "exempt": sum(1 for m in members if m.party_standing == "exempt"), "present": len(present),
            "present_names": present, "excused": excused, "absent": absent, "unknown": unknown}


def opinions_of(minutes: Minutes) -> dict[str, list[MinutesOpinion]]:
    found: dict[str, list[MinutesOpinion]] = {}
    for opinion in db.session.scalars(select(MinutesOpinion).where(MinutesOpinion.minutes_id == minutes.id)
                                      .order_by(MinutesOpinion.id)):
        found.setdefault(str(opinion.item_id), []).append(opinion)
    return found


def vote_results(meeting) -> list[dict]:
    """Every vote that was closed, annulled ones with their reason: what the minutes record."""
    results = []
    for vote in vote_service.votes_of(meeting):
        outcome = vote_service.result(vote)
        if outcome is None:
            continue
        results.append({"question": vote.question, "status": vote.status, "sentence": outcome.sentence,
                        "lines": outcome.lines(), "basis": outcome.basis.describe(), "secret": vote.secret,
                        "item_id": vote.item_id, "annulled_reason": vote.annulled_reason,
                        "election": bool(vote.seats)})
    return results


def tasks_of(meeting) -> list[Task]:
    return list(db.session.scalars(select(Task).where(Task.meeting_id == meeting.id).order_by(Task.due_on, Task.id)))


def task_row(task: Task, today=None) -> dict:
    row = {"title": task.title, "owner": task.owner.full_name if task.owner else msg.WHOLE_CELL,
           "due": vn_date(task.due_on)}
    if today is not None:
        row["state"] = task.state_label(today)
    return row


def record_of(meeting, minutes: Minutes) -> dict:
    """The whole record of the meeting as the minutes' current revision states it, now: every
    part a signature stands for, the signers' accounts included (two members may share a name)."""
    today = task_service.today()
    return content_of({
        "meeting_id": meeting.id, "revision": minutes.revision,
        "chair_id": minutes.chair_id, "note_taker_id": minutes.note_taker_id,
        **{name: getattr(minutes, name) or "" for name in TEXT_FIELDS},
        "item_notes": notes_of(minutes),
        "attendance": attendance_of(meeting),
        "opinions": {key: [[o.speaker_name, o.text] for o in rows] for key, rows in opinions_of(minutes).items()},
        "votes": vote_results(meeting),
        "tasks": [task_row(task) for task in tasks_of(meeting)],
        # Last month's tasks as they stood, under the review item.
        "review": [task_row(task, today) for task in task_service.review_tasks(meeting)]
        if task_service.reviews_tasks(meeting) else [],
    })


def add_opinion(minutes: Minutes, item, *, speaker=None, speaker_name: str = "", text: str) -> MinutesOpinion:
    """One speaker's opinion on one item: a member of the cell, or a guest named by hand."""
    if minutes.is_final:
        raise DomainError(msg.MINUTES_FINAL_LOCKED)
    text = (text or "").strip()
    if not text:
        raise DomainError(msg.OPINION_EMPTY, field="text")
    check_opinion(text)
    name = speaker.full_name if speaker is not None else " ".join((speaker_name or "").split())[:120]
    if not name:
        raise DomainError(msg.OPINION_SPEAKER, field="speaker_id")
    check_total(total_size(minutes, extra=len(text) + len(name)), field="text")
    opinion = MinutesOpinion(minutes_id=minutes.id, item_id=item.id, speaker_id=getattr(speaker, "id", None),
                             speaker_name=name, text=text, created_by_id=actor_id())
    db.session.add(opinion)
    return opinion


def remove_opinion(minutes: Minutes, opinion: MinutesOpinion) -> None:
    if minutes.is_final:
        raise DomainError(msg.MINUTES_FINAL_LOCKED)
    db.session.delete(opinion)
