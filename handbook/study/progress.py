"""Completion of a programme: per cell of an organisation, the members who must take part, how
many read every document (their 'đã học' marks) and handed in a thu hoạch, and who has not finished."""

from dataclasses import dataclass, field

from sqlalchemy import select

from handbook.auth.models import User
from handbook.collation import vi_order
from handbook.extensions import db
from handbook.library.study import marks_among
from handbook.orgs.models import Organization
from handbook.study.models import Harvest, Programme


@dataclass
class MemberRow:
    member: User
    read: int
    submitted: bool
    harvest_id: int | None

    def finished(self, documents: int) -> bool:
        return self.read >= documents and self.submitted


@dataclass
class CellRow:
    cell: Organization
    members: list[MemberRow] = field(default_factory=list)

    def count(self, documents: int) -> dict[str, int]:
        return {"members": len(self.members),
                "read": sum(row.read >= documents for row in self.members),
                "submitted": sum(row.submitted for row in self.members),
                "finished": sum(row.finished(documents) for row in self.members)}


def audience(programme: Programme, org: Organization) -> list[User]:
    """Active members of `org`'s subtree who must take part in `programme`."""
    query = (select(User).join(Organization, User.cell_id == Organization.id)
             .where(Organization.path.startswith(org.path), User.active.is_(True))
             .order_by(Organization.path, vi_order(User.full_name)))
    if programme.leaders_only:
        query = query.where(User.holds_leadership_post.is_(True))
    return list(db.session.scalars(query))


def completion(programme: Programme, org: Organization) -> list[CellRow]:
    """One row per cell of `org`'s subtree that has members in the audience, in three statements."""
    members = audience(programme, org)
    ids = [m.id for m in members]
    marks = marks_among(ids, programme.document_ids)
    harvests = {h.user_id: h for h in db.session.scalars(select(Harvest).where(
        Harvest.programme_id == programme.id, Harvest.user_id.in_(ids or [0])))}
    cells: dict[int, CellRow] = {}
    for member in members:
        harvest = harvests.get(member.id)
        submitted = harvest is not None and harvest.status == "submitted"
        row = cells.setdefault(member.cell_id, CellRow(member.cell))
        row.members.append(MemberRow(member, sum((member.id, d) in marks for d in programme.document_ids),
                                     submitted, harvest.id if submitted else None))
    return list(cells.values())


def totals(rows: list[CellRow], documents: int) -> dict[str, int]:
    counts = [row.count(documents) for row in rows]
    return {key: sum(c[key] for c in counts) for key in ("members", "read", "submitted", "finished")}
