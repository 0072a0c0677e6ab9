"""Meetings test helpers: a meeting in a given state, a library section to link, htmx headers."""

from datetime import timedelta

from sqlalchemy import select

from handbook.extensions import db
from handbook.library.models import Document, Section
from handbook.meetings.models import AgendaItem, Attendance, Meeting
from handbook.models_base import utcnow

HTMX = {"HX-Request": "true"}


def meeting(cell, *, starts_in=timedelta(days=5), status="draft", kind="regular", title="Họp chi bộ thử",
            duration=120, items=("Khai mạc", "Thảo luận", "Bế mạc")) -> Meeting:
    m = Meeting(cell_id=cell.id, kind=kind, title=title, starts_at=utcnow() + starts_in, duration_minutes=duration,
                location="Hội trường", status=status, published_at=utcnow() if status != "draft" else None)
    for position, item_title in enumerate(items, start=1):
        # As the standard agenda marks them: the closing item, and the review of last month's tasks.
        purpose = ("closing" if item_title.startswith("Bế mạc")
                   else "review" if item_title.startswith("Đánh giá") else "")
        m.items.append(AgendaItem(position=position, title=item_title, planned_minutes=10, purpose=purpose))
    db.session.add(m)
    db.session.commit()
    return m


def meeting_under_way(world, present=("bithu", "dangvien", "dangvien2"), **fields) -> Meeting:
    """Cell 1's meeting, begun ten minutes ago, with `present` marked present (committed)."""
    m = meeting(world["cell1"], status="published", starts_in=timedelta(minutes=-10), **fields)
    for name in present:
        db.session.add(Attendance(meeting_id=m.id, user_id=world["users"][name].id, status="present"))
    db.session.commit()
    return m


def section(org_id=None, slug="quy-dinh-thu", anchor="dieu-3") -> Section:
    doc = Document(number="99-QĐi/TW", doc_type="Quy định", title="Quy định thử về nêu gương", slug=slug,
                   org_id=org_id)
    doc.sections.append(Section(position=1, level="dieu", number="Điều 3", heading="Trách nhiệm nêu gương",
                                text="Đảng viên phải gương mẫu.", anchor=anchor))
    db.session.add(doc)
    db.session.commit()
    return doc.sections[0]


def fresh(meeting_id) -> Meeting:
    db.session.expire_all()
    return db.session.get(Meeting, meeting_id)


def meetings_of(cell) -> list[Meeting]:
    return list(db.session.scalars(select(Meeting).where(Meeting.cell_id == cell.id)))
