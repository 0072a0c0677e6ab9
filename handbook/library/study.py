"""Required study: who has been asked to study what, and who has done it."""

from sqlalchemy import select

from handbook.auth.models import User
from handbook.collation import vi_order
from handbook.extensions import db
from handbook.library.models import Document, StudyAssignment, StudyMark
from handbook.orgs.models import Organization
from handbook.orgs.queries import org_by_id


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


def pending_for(user) -> list[StudyAssignment]:
    """What the member still has to study: one row per document."""
    done = studied_ids(user)
    seen, pending = set(), []
    for assignment in assignments_for(user):
        if assignment.document_id not in done and assignment.document_id not in seen:
            seen.add(assignment.document_id)
            pending.append(assignment)
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
