"""Demo meetings: last month's (held, minutes final) and next month's (published) per cell, a draft
thematic meeting in cell 1, and June 2025's in the cell merged into cell 2 since. Cell 1's last
meeting has the whole record: a vote, opinions by speaker, tasks (one done, one under way, one late)
and minutes signed by chair and note-taker; next month's review item lists those tasks. Seeded
after every feature's demo, cell 1's three meetings before last month's, each without one member.
Idempotent: meetings are found again by cell and title."""

import json
from datetime import datetime, timedelta

from sqlalchemy import select

from handbook.extensions import db
from handbook.library.models import Document, Section
from handbook.meetings.agenda.service import create_meeting
from handbook.meetings.minutes.builder import record_of
from handbook.meetings.minutes.digest import digest
from handbook.meetings.models import (
    AgendaLink,
    Attendance,
    Ballot,
    Meeting,
    Minutes,
    MinutesOpinion,
    MinutesRevision,
    MinutesSignature,
    MinutesStatus,
    Task,
    Vote,
)
from handbook.meetings.status import Status
from handbook.meetings.votes.models import VoteStatus
from handbook.meetings.votes.rules import DEFAULT_CHOICES
from handbook.models_base import utcnow
from handbook.timefmt import from_vn, to_vn


def _month_start(offset: int) -> datetime:
    """The 4th of the month `offset` months from now, 14:00 Vietnam time, as UTC."""
    local = to_vn(utcnow())
    month = local.month - 1 + offset
    year = local.year + month // 12
    return from_vn(datetime(year, month % 12 + 1, 4, 14, 0))


def _find(cell, title):
    return db.session.scalar(select(Meeting).where(Meeting.cell_id == cell.id, Meeting.title == title))


def _make(cell, title, starts_at, template="regular", kind="regular", **extra):
    meeting = _find(cell, title)
    if meeting is None:
        meeting = create_meeting(cell, kind=kind, title=title, starts_at=starts_at, template=template,
                                 duration_minutes=120 if kind == "thematic" else 90,
                                 location="Phòng họp tầng 2", **extra)
        meeting.created_at = utcnow()
        return meeting, True
    return meeting, False


def _link_article(meeting) -> None:
    doc = db.session.scalar(select(Document).where(Document.slug == "08-qdi-tw"))
    section = doc and db.session.scalar(select(Section).where(Section.document_id == doc.id,
                                                              Section.anchor == "dieu-3"))
    if section is None:
        return  # the library's demo document is absent: the meeting simply has no link
    item = meeting.items[1] if len(meeting.items) > 1 else meeting.items[0]
    db.session.add(AgendaLink(item_id=item.id, section_id=section.id))


def _held(cell, members, chair=None, note_taker=None, starts=None, signers=("Nguyễn Thị Bích", "Lê Văn Đức"),
          away=()) -> None:
    starts = starts or _month_start(-1)
    local = to_vn(starts)
    meeting, created = _make(cell, f"Sinh hoạt chi bộ định kỳ tháng {local.month}/{local.year}", starts)
    if not created:
        return
    # Seeded as history (a month ago it was published, held and closed), not changed through the table.
    meeting.status, meeting.published_at = Status.CLOSED, starts - timedelta(days=5)
    for user in members:
        db.session.add(Attendance(meeting_id=meeting.id, user_id=user.id, status="present"))
    for user, status, reason in away:
        db.session.add(Attendance(meeting_id=meeting.id, user_id=user.id, status=status, reason=reason))
    notes = {str(item.id): "Chi bộ thống nhất nội dung." for item in meeting.items}
    minutes = Minutes(meeting_id=meeting.id, status=MinutesStatus.FINAL, revision=1, held_from="14:00",
                      held_to="15:45", place=meeting.location, chair=signers[0], note_taker=signers[1],
                      item_notes=json.dumps(notes, ensure_ascii=False),
                      conclusions="Hoàn thành nhiệm vụ tháng; tiếp tục học tập và làm theo gương Bác.",
                      resolution="Chi bộ thống nhất nhiệm vụ tháng tới như dự thảo nghị quyết.",
                      locked_at=starts + timedelta(days=1))
    db.session.add(minutes)
    db.session.flush()
    if chair is not None and note_taker is not None:
        _record(meeting, minutes, members, chair, note_taker, starts)
    db.session.flush()
    content = record_of(meeting, minutes)
    content_hash = digest(content)
    db.session.add(MinutesRevision(minutes_id=minutes.id, number=1, reason="Bản hoàn thành",
                                   snapshot=json.dumps(content, ensure_ascii=False), content_hash=content_hash,
                                   final_at=minutes.locked_at))
    if chair is not None and note_taker is not None:
        for role, user in (("chair", chair), ("note_taker", note_taker)):
            db.session.add(MinutesSignature(minutes_id=minutes.id, revision=1, role=role, user_id=user.id,
                                            version=minutes.version, content_hash=content_hash,
                                            signed_at=minutes.locked_at))


def _record(meeting, minutes, members, chair, note_taker, starts) -> None:
    """The whole record of a meeting: what was said, the vote, the tasks (both signatures follow,
    once the content they are bound to is whole)."""
    minutes.chair, minutes.chair_id = chair.full_name, chair.id
    minutes.note_taker, minutes.note_taker_id = note_taker.full_name, note_taker.id
    review = next((item for item in meeting.items if item.purpose == "review"), meeting.items[0])
    tasks_item = meeting.items[-3] if len(meeting.items) > 3 else meeting.items[-1]
    for item, speaker, text in (
            (review, chair, "Chi bộ hoàn thành các nhiệm vụ tháng trước; còn chậm việc cập nhật hồ sơ đảng viên."),
            (tasks_item, note_taker, "Đề nghị phân công cụ thể người theo dõi việc học tập Chỉ thị 05."),
            (tasks_item, members[-1], "Nhất trí với dự thảo; xin nhận nhiệm vụ tổng hợp báo cáo.")):
        db.session.add(MinutesOpinion(minutes_id=minutes.id, item_id=item.id, speaker_id=speaker.id,
                                      speaker_name=speaker.full_name, text=text))
    vote = Vote(meeting_id=meeting.id, item_id=meeting.items[-2].id, kind="resolution",
                question="Thông qua nghị quyết tháng", choices=json.dumps(list(DEFAULT_CHOICES), ensure_ascii=False),
                secret=False, status=VoteStatus.CLOSED, hand_counts=json.dumps([0, 0, 0]),
                counts=json.dumps([len(members), 0, 0]), basis=json.dumps({"official": len(members), "left_out": {}}),
                opened_at=starts + timedelta(minutes=95), closed_at=starts + timedelta(minutes=98))
    db.session.add(vote)
    db.session.flush()
    db.session.add_all([Ballot(vote_id=vote.id, user_id=user.id, choice=0) for user in members])
    today = to_vn(utcnow()).date()
    for title, owner, due, done in (
            ("Cập nhật hồ sơ đảng viên lên Sổ tay", members[-1], today + timedelta(days=10), None),
            ("Tổng hợp báo cáo học tập Chỉ thị 05", note_taker, today - timedelta(days=3), today - timedelta(days=5)),
            ("Vận động quần chúng tham gia hiến máu nhân đạo", None, today - timedelta(days=2), None)):
        db.session.add(Task(meeting_id=meeting.id, cell_id=meeting.cell_id, title=title,
                            owner_id=owner.id if owner else None, due_on=due,
                            status="done" if done else "in_progress", done_on=done))


def _next(cell) -> None:
    starts = _month_start(1)
    local = to_vn(starts)
    meeting, created = _make(cell, f"Sinh hoạt chi bộ định kỳ tháng {local.month}/{local.year}", starts)
    if created:
        meeting.status, meeting.published_at = Status.PUBLISHED, utcnow()
        _link_article(meeting)


def seed(ctx) -> None:
    users = ctx["users"]
    _held(ctx["cell1"], [users["bithu"], users["dangvien"], users["dangvien2"]], chair=users["bithu"],
          note_taker=users["dangvien"])
    _held(ctx["cell2"], [users["dangvien3"]])
    _next(ctx["cell1"])
    _next(ctx["cell2"])
    starts = _month_start(1) + timedelta(days=10)
    _make(ctx["cell1"], "Sinh hoạt chuyên đề: nêu gương của đảng viên", starts,
                             template="thematic", kind="thematic", paper_author="Phạm Thị Hương")
    # Last, so the cells' meetings keep the ids the browser tests open.
    if ctx.get("old_cell") is not None:
        # The cell merged into cell 2 on 1 July 2025 (handbook/admin/demo.py): its last meeting
        # stays its own, under its name and its department's.
        _held(ctx["old_cell"], [users["dangvien3"]], starts=from_vn(datetime(2025, 6, 4, 14, 0)),
              signers=("Trần Thị Mai", "Hoàng Minh Đạt"))
    db.session.flush()


# Three months running without Phạm Thị Hương, twice with a reason and once without: the quality
# page of the last of them names her to the secretary (Hướng dẫn 12-HD/BTCTW tells the two apart).
ABSENCES = ((-4, "excused", "Đi công tác theo quyết định của cơ quan"),
            (-3, "excused", "Ốm, có giấy của bệnh viện"),
            (-2, "absent", ""))


def seed_last(ctx) -> None:
    """Cell 1's meetings before last month's, seeded after every feature's demo (handbook/demo.py),
    so the meetings above and those other features add keep their ids."""
    users = ctx["users"]
    for offset, status, reason in ABSENCES:
        _held(ctx["cell1"], [users["bithu"], users["dangvien"]], starts=_month_start(offset),
              away=[(users["dangvien2"], status, reason)])
    db.session.flush()
