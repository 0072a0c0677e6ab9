"""The home card's study standings in one statement: the member's open programmes, how many of
each one's documents they marked 'đã học', and their thu hoạch's state.

Every member opens home a few times a day, each time from a cold worker copy of nothing, so the
card asks once instead of once for the programmes, once per programme for its items, once for the
marks and once for the thu hoạch (programmes.standings, which the study pages keep), and loads
only the columns it shows."""

import functools
from dataclasses import dataclass
from datetime import date

from sqlalchemy import and_, bindparam, func, select

from handbook.extensions import db
from handbook.library.models import StudyMark
from handbook.orgs.queries import member_cell
from handbook.study.models import Harvest, Programme, ProgrammeItem
from handbook.study.programmes import audience_clause, today


@dataclass(frozen=True)
class HomeStanding:
    """An open programme as the member stands with it, as the card words it."""

    programme_id: int
    title: str
    ends_on: date
    read: int
    documents: int
    harvest_status: str | None  # None: not begun

    @property
    def submitted(self) -> bool:
        return self.harvest_status == "submitted"

    @property
    def finished(self) -> bool:
        return self.read >= self.documents and self.submitted


@functools.cache
def _statement(leader: bool):
    # Built once per shape and reused: SQLAlchemy then skips building the expression (an alias
    # copies its table's columns) and its cache key on every home page, which cost more than the
    # query itself.
    items = ProgrammeItem.__table__.alias("items")
    documents = (select(func.count(items.c.document_id.distinct()))
                 .where(items.c.programme_id == Programme.id).scalar_subquery())
    # The documents of the programme the member marked: a mark is one per member and document.
    read = (select(func.count(items.c.document_id.distinct()))
            .join(StudyMark, and_(StudyMark.document_id == items.c.document_id,
                                  StudyMark.user_id == bindparam("user_id")))
            .where(items.c.programme_id == Programme.id).scalar_subquery())
    return (select(Programme.id, Programme.title, Programme.ends_on, read, documents, Harvest.status)
            .outerjoin(Harvest, and_(Harvest.programme_id == Programme.id, Harvest.user_id == bindparam("user_id")))
            .where(audience_clause(bindparam("orgs", expanding=True), leader),
                   Programme.starts_on <= bindparam("day"), Programme.ends_on >= bindparam("day"))
            .order_by(Programme.ends_on))


def pending_programmes(user) -> list[HomeStanding]:
    """Open programmes the member has not finished, the soonest ending first."""
    cell = member_cell(user)
    if cell is None:
        return []
    # On the session's connection: plain columns need none of the ORM's per-statement work.
    rows = db.session.connection().execute(_statement(bool(user.holds_leadership_post)),
                                           {"user_id": user.id, "orgs": cell.ancestor_ids(), "day": today()})
    return [standing for standing in (HomeStanding(*row) for row in rows) if not standing.finished]
