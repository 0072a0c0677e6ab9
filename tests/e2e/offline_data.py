"""A cell of its own for the offline journeys: its next meeting is theirs alone, so the pack they
wait for is not changed by other journeys (and theirs changes no one else's home page)."""

from dataclasses import dataclass
from datetime import timedelta

from tests.e2e.server import LiveServer

ARTICLE_SLUG, ARTICLE_ANCHOR = "08-qdi-tw", "dieu-3"


@dataclass
class OfflineCell:
    members: list[str]
    meeting_id: int
    meeting_title: str
    other_meeting_id: int  # a meeting of the demo's cell 1: never in these members' pack


def arrange_cell(server: LiveServer, name: str, members: list[str]) -> OfflineCell:
    from sqlalchemy import select

    from handbook.auth.models import User
    from handbook.auth.passwords import hash_password
    from handbook.demo import BASE, CELL1
    from handbook.extensions import db
    from handbook.library.models import Document, Section
    from handbook.meetings.models import AgendaItem, AgendaLink, Meeting
    from handbook.models_base import utcnow
    from handbook.orgs.models import Organization, create_org

    title = f"Sinh hoạt chi bộ {name}"

    def create():
        base = db.session.scalar(select(Organization).where(Organization.name == BASE))
        cell = create_org(f"Chi bộ {name}", "cell", base)
        for username in members:
            db.session.add(User(username=username, full_name=f"Đồng chí {username}", cell=cell,
                                password_hash=hash_password("sotay-demo"), must_change_password=False))
        meeting = Meeting(cell_id=cell.id, title=title, status="published", published_at=utcnow(),
                          starts_at=utcnow() + timedelta(days=2), location="Hội trường thôn")
        meeting.items = [AgendaItem(position=1, title="Thông tin thời sự"),
                         AgendaItem(position=2, title="Học tập Quy định 08")]
        db.session.add(meeting)
        db.session.flush()
        section = db.session.scalar(select(Section).join(Document).where(
            Document.slug == ARTICLE_SLUG, Section.anchor == ARTICLE_ANCHOR))
        db.session.add(AgendaLink(item_id=meeting.items[1].id, section_id=section.id))
        other = db.session.scalar(select(Meeting.id).join(Organization, Organization.id == Meeting.cell_id)
                                  .where(Organization.name == CELL1, Meeting.status == "published"))
        db.session.commit()
        return meeting.id, other

    meeting_id, other_id = server.run_in_app(create)
    return OfflineCell(members, meeting_id, title, other_id)


def add_agenda_item(server: LiveServer, meeting_id: int, title: str) -> None:
    """The secretary adds an item after publishing, through the agenda builder's own function."""
    from handbook.extensions import db
    from handbook.meetings.agenda import service as agenda
    from handbook.meetings.models import Meeting

    def change():
        agenda.add_item(db.session.get(Meeting, meeting_id), title=title, description="", presenter="",
                        planned_minutes=10)
        db.session.commit()

    server.run_in_app(change)
