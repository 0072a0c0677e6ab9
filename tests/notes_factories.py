"""Rows the notebook tests need: a meeting with an agenda, a document section, notes."""

from datetime import UTC, datetime, timedelta
from itertools import count

from handbook.extensions import db
from handbook.library.models import Document, Section
from handbook.meetings.models import AgendaItem, Meeting
from handbook.notes.models import Note
from handbook.notes.service import new_note, save_note

_seq = count(1)


def meeting(cell, *, title=None, status="published", starts_at=None, items=("Thông tin thời sự",
            "Đánh giá công tác tháng", "Nhiệm vụ tháng tới")) -> Meeting:
    m = Meeting(cell_id=cell.id, title=title or f"Sinh hoạt chi bộ tháng {next(_seq)}", status=status,
                starts_at=starts_at or datetime(2026, 3, 5, 7, 30, tzinfo=UTC), location="Phòng họp tầng 2")
    m.items = [AgendaItem(position=i, title=t) for i, t in enumerate(items, 1)]
    db.session.add(m)
    db.session.commit()
    return m


def section(*, org=None, anchor="dieu-3", slug=None) -> Section:
    n = next(_seq)
    doc = Document(number=f"{n}-QĐi/TW", doc_type="Quy định", title="Về trách nhiệm nêu gương",
                   slug=slug or f"quy-dinh-{n}", org_id=org.id if org else None)
    doc.sections = [
        Section(position=1, level="dieu", number="Điều 3", heading="Nội dung nêu gương", anchor=anchor,
                text="Đảng viên phải gương mẫu."),
        Section(position=2, level="dieu", number="Điều 4", heading="Trách nhiệm", anchor="dieu-4", text="…"),
    ]
    db.session.add(doc)
    db.session.commit()
    return doc.sections[0]


def note(owner, *, meeting=None, section=None, body="Ghi chép", revisions=0) -> Note:
    n = new_note(owner.id, meeting=meeting, section=section)
    save_note(n, body, 0)
    for i in range(revisions):
        n.last_revision_at = n.last_revision_at - timedelta(minutes=10)
        save_note(n, f"{body} (sửa {i + 1})", n.version)
    db.session.commit()
    return n


def kept_conflict(n, body: str):
    """A text another device sent on an older version of note `n`, kept for the member's choice."""
    from handbook.editing.models import TextConflict

    conflict = TextConflict(kind="note", row_id=n.id, based_on=max(n.version - 1, 0), author_id=n.owner_id)
    conflict.texts = {"body": body}
    db.session.add(conflict)
    db.session.commit()
    return conflict


def note_world(world: dict) -> dict:
    """Once per test: a published meeting of cell 1, a section, and the member's notes on both."""
    if "notes" not in world:
        users = world["users"]
        m = meeting(world["cell1"])
        s = section()
        world["notes"] = {
            "meeting": m,
            "section": s,
            "meeting_note": note(users["dangvien"], meeting=m, body="Bí mật của Đức", revisions=1),
            "section_note": note(users["dangvien"], section=s, body="Ghi chú điều 3"),
        }
        world["notes"]["conflict"] = kept_conflict(world["notes"]["meeting_note"], "Bản từ máy kia")
    return world["notes"]
