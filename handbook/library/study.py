"""Required study: who has been asked to study what, and who has done it."""

import functools
from datetime import date
from typing import NamedTuple

from sqlalchemy import bindparam, select

from handbook.auth.models import User
from handbook.collation import vi_order
from handbook.extensions import db
from handbook.library.models import Document, StudyAssignment, StudyMark
from handbook.orgs.models import Organization
from handbook.orgs.queries import member_cell, org_by_id


def assignments_for(user) -> list[StudyAssignment]:
    """Assignments to the member's cell or any organisation above it, soonest deadline first."""
    if not user.is_authenticated or user.cell is None:
        return []
    return list(
        db.session.scalars(
            select(StudyAssignment)
            .join(Document)
            .where(StudyAssignment.org_id.in_(user.cell.ancestor_ids()), Document.status == "active")
            .order_by(StudyAssignment.due_on, StudyAssignment.id)
        )
    )


def studied_ids(user) -> set[int]:
    return set(db.session.scalars(select(StudyMark.document_id).where(StudyMark.user_id == user.id)))


class Pending(NamedTuple):
    """A document the member still has to study, as the home card lists it."""

    slug: str
    doc_type: str
    number: str
    title: str
    due_on: date | None
    document_id: int


@functools.cache
def _pending_statement():
    # Built once and reused: SQLAlchemy then skips building the expression and its cache key on
    # every home page, which cost more than the query itself.
    marked = select(StudyMark.id).where(StudyMark.user_id == bindparam("user_id"),
                                        StudyMark.document_id == Document.id)
    return (select(Document.slug, Document.doc_type, Document.number, Document.title, StudyAssignment.due_on,
                   Document.id)
            .join(Document, Document.id == StudyAssignment.document_id)
            .where(StudyAssignment.org_id.in_(bindparam("orgs", expanding=True)), Document.status == "active",
                   ~marked.exists())
            .order_by(StudyAssignment.due_on, StudyAssignment.id))


def pending_for(user) -> list[Pending]:
    """What the member still has to study: one row per document (its soonest deadline), in one
    statement that leaves out what they marked and loads only the columns the card shows."""
    cell = member_cell(user) if user.is_authenticated else None
    if cell is None:
        return []
    seen, pending = set(), []
    # On the session's connection: plain columns need none of the ORM's per-statement work.
    rows = db.session.connection().execute(_pending_statement(), {"user_id": user.id,
                                                                  "orgs": cell.ancestor_ids()})
    for row in rows:
        if row.id not in seen:
            seen.add(row.id)
            pending.append(Pending(*row))
    return pending


def progress(assignment: StudyAssignment) -> tuple[list[User], list[User]]:
    """(studied, not yet) among active members of the assigned subtree."""
    org = org_by_id(assignment.org_id)
    members = list(
        db.session.scalars(
            select(User)
            .join(Organization, User.cell_id == Organization.id)
            .where(Organization.path.startswith(org.path), User.active.is_(True))
            .order_by(vi_order(User.full_name))
        )
    )
    done = set(db.session.scalars(select(StudyMark.user_id).where(StudyMark.document_id == assignment.document_id)))
    return [m for m in members if m.id in done], [m for m in members if m.id not in done]


def toggle_mark(user, document: Document) -> bool:
    """Marks or unmarks 'đã học'; returns whether it is now marked."""
    mark = db.session.scalar(
        select(StudyMark).where(StudyMark.user_id == user.id, StudyMark.document_id == document.id)
    )
    if mark:
        db.session.delete(mark)
    else:
        db.session.add(StudyMark(user_id=user.id, document_id=document.id))
    return mark is None


def marks_among(user_ids, document_ids) -> set[tuple[int, int]]:
    """(member, document) pairs marked 'đã học', for many members and documents in one statement:
    the study programmes count a member's reading from these marks."""
    if not user_ids or not document_ids:
        return set()
    return set(db.session.execute(select(StudyMark.user_id, StudyMark.document_id).where(
        StudyMark.user_id.in_(list(user_ids)), StudyMark.document_id.in_(list(document_ids)))).tuples())
