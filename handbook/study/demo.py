"""Demo: the province's programme on the Đại hội XIV resolution (Chỉ thị 01-CT/TW, 23/01/2026) and
that year's Chỉ thị 05 theme, for every member of the bloc, with one study session of cell 1
(a draft its secretary has still to publish, after cell 1's next monthly meeting) planned by the
meetings feature; dangvien has
marked the first document studied, dangvien2 has handed in her thu hoạch. Idempotent: found again
by title."""

from datetime import timedelta

from sqlalchemy import select

from handbook.extensions import db
from handbook.library.models import Document, Section, StudyMark
from handbook.meetings.agenda import plan_meeting
from handbook.models_base import utcnow
from handbook.study import messages as msg
from handbook.study.models import Harvest, Programme, ProgrammeItem, ProgrammeSession
from handbook.study.programmes import article_like, today
from handbook.timefmt import to_vn

TITLE = "Học tập, quán triệt Nghị quyết Đại hội XIV của Đảng năm 2026 (demo)"
HARVEST = ("Nghị quyết Đại hội XIV đặt việc đưa nghị quyết vào cuộc sống làm trọng tâm của cả nhiệm kỳ. "
           "Ở phòng mình, tôi nhận làm gương trong việc chuyển hồ sơ sang xử lý trên môi trường số "
           "và mỗi quý báo cáo chi bộ kết quả.")


def _items() -> list[ProgrammeItem]:
    ct01 = db.session.scalar(select(Document).where(Document.slug == "01-ct-tw"))
    ct05 = db.session.scalar(select(Document).where(Document.slug == "05-ct-tw"))
    items = [ProgrammeItem(position=1, document_id=ct01.id, anchor="", label="")] if ct01 else []
    if ct05 is not None:
        parts = list(db.session.scalars(select(Section).where(
            Section.document_id == ct05.id, Section.parent_id.is_(None), article_like())
            .order_by(Section.position)))
        for part in parts[:1] + parts[2:3]:  # the purpose, and the duty to set an example
            label = f"{part.number}. {part.heading}" if part.number else part.heading
            items.append(ProgrammeItem(position=len(items) + 1, document_id=ct05.id, anchor=part.anchor, label=label))
    return items


def _session(programme: Programme, cell, secretary) -> None:
    """Three days after cell 1's next monthly meeting (the 4th, 14:00). A draft, as the planner
    makes it: members are told of it when the secretary publishes it, like any meeting."""
    local = to_vn(utcnow())
    month = local.month % 12 + 1
    year = local.year + (1 if month == 1 else 0)
    starts = to_vn(utcnow()).replace(year=year, month=month, day=7, hour=8, minute=0, second=0, microsecond=0)
    meeting = plan_meeting(cell, kind="study", title=msg.SESSION_TITLE.format(title=programme.title)[:300],
                           starts_at=starts, duration_minutes=120, location="Hội trường tầng 3", template="study",
                           document_id=programme.items[0].document_id if programme.items else None)
    meeting.created_by_id = secretary.id
    db.session.add(ProgrammeSession(programme_id=programme.id, meeting_id=meeting.id))


def seed(ctx) -> None:
    if db.session.scalar(select(Programme.id).where(Programme.title == TITLE)):
        return
    users, day = ctx["users"], today()
    programme = Programme(title=TITLE, org_id=ctx["bloc"].id, starts_on=day - timedelta(days=10),
                          ends_on=day + timedelta(days=50), set_by_id=users["capuy"].id)
    programme.items = _items()
    if not programme.items:
        return  # no starter documents: nothing to study
    db.session.add(programme)
    db.session.flush()
    _session(programme, ctx["cell1"], users["bithu"])
    first = programme.items[0].document_id
    if not db.session.scalar(select(StudyMark.id).where(StudyMark.user_id == users["dangvien"].id,
                                                         StudyMark.document_id == first)):
        db.session.add(StudyMark(user_id=users["dangvien"].id, document_id=first))
    member = users["dangvien2"]
    db.session.add(Harvest(programme_id=programme.id, user_id=member.id, cell_id=member.cell_id, body=HARVEST,
                           status="submitted", version=2, submitted_at=utcnow() - timedelta(days=1)))
    db.session.flush()
