"""Demo: the member `dangvien` has a note on the first published meeting of cell 1, if one exists."""

from sqlalchemy import select

from handbook.extensions import db
from handbook.meetings.models import Meeting
from handbook.meetings.status import Status
from handbook.notes.models import Note
from handbook.notes.service import new_note, save_note

DEMO_NOTE = (
    "## 1. Thông tin thời sự\n"
    "- Quán triệt Quy định 08-QĐi/TW về trách nhiệm nêu gương.\n\n"
    "## Việc của tôi\n"
    "- Hoàn thành bản tự kiểm điểm trước ngày 15."
)


def seed(ctx) -> None:
    member = ctx["users"]["dangvien"]
    meeting = db.session.scalar(
        select(Meeting).where(Meeting.cell_id == ctx["cell1"].id, Meeting.status != Status.DRAFT)
        .order_by(Meeting.starts_at).limit(1)
    )
    if meeting is None:
        return  # the meetings demo has not made one: nothing to write a note on
    exists = db.session.scalar(select(Note.id).where(Note.owner_id == member.id, Note.meeting_id == meeting.id))
    if exists is None:
        save_note(new_note(member.id, meeting=meeting), DEMO_NOTE, 0)
