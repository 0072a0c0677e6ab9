"""Arranging and reading the live server's data for journeys that must not disturb the demo's."""

from datetime import datetime

from tests.e2e.server import LiveServer


def add_meeting(server: LiveServer, title: str, starts_at: datetime, items: list[str],
                status: str = "published", cell_name: str | None = None) -> int:
    """A meeting of the demo's cell 1 (or the cell named) with the given agenda titles; returns its id."""
    from sqlalchemy import select

    from handbook.demo import CELL1
    from handbook.extensions import db
    from handbook.meetings.models import AgendaItem, Meeting
    from handbook.orgs.models import Organization

    def create():
        cell = db.session.scalar(select(Organization).where(Organization.name == (cell_name or CELL1)))
        meeting = Meeting(cell_id=cell.id, title=title, status=status, starts_at=starts_at)
        meeting.items = [AgendaItem(position=n, title=item) for n, item in enumerate(items, start=1)]
        db.session.add(meeting)
        db.session.commit()
        return meeting.id

    return server.run_in_app(create)


def meeting_note_body(server: LiveServer, username: str, meeting_id: int) -> str:
    """What the server holds of a member's note on a meeting ("" when there is none)."""
    from sqlalchemy import select

    from handbook.auth.models import User
    from handbook.extensions import db
    from handbook.notes.models import Note

    def read():
        return db.session.scalar(
            select(Note.body).join(User, User.id == Note.owner_id)
            .where(User.username == username, Note.meeting_id == meeting_id)
        ) or ""

    return server.run_in_app(read)


def move_to_cell(server: LiveServer, username: str, cell_name: str) -> None:
    """Makes a member of another cell, so a journey's meeting stays out of the demo cell's pages."""
    from sqlalchemy import select, update

    from handbook.auth.models import User
    from handbook.extensions import db
    from handbook.orgs.models import Organization

    def move():
        cell = db.session.scalar(select(Organization).where(Organization.name == cell_name))
        db.session.execute(update(User).where(User.username == username).values(cell_id=cell.id))
        db.session.commit()

    server.run_in_app(move)
