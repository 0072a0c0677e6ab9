"""Editing a document's details on its form: the checks, the change and its audit row.

Who may edit is settled by the getter (`access.get_managed_document_or_404`): admins of the
document's subtree, and for system-wide documents the top-level admin only.
"""

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from handbook import audit
from handbook.domain import DomainError
from handbook.extensions import db
from handbook.library import messages as msg
from handbook.library.models import Document
from handbook.library.replacement import set_replaced_by, touch_neighbours
from handbook.orgs.queries import org_by_id


@dataclass
class Details:
    number: str
    doc_type: str
    issuer: str
    issued_on: date | None
    issued_year: int | None
    title: str
    status: str
    replaced_by: Document | None


def update_document(document: Document, details: Details, actor) -> None:
    """Writes `details` onto `document` (the caller commits), or raises DomainError unchanged."""
    if details.issued_on and details.issued_year and details.issued_on.year != details.issued_year:
        raise DomainError(msg.YEAR_MISMATCH, field="issued_year")
    number = details.number.strip()
    scope = Document.org_id.is_(None) if document.org_id is None else Document.org_id == document.org_id
    if number != document.number and db.session.scalar(
            select(Document.id).where(Document.number == number, scope, Document.id != document.id)):
        # The importer finds a document by its number within a scope: two would be ambiguous.
        raise DomainError(msg.NUMBER_TAKEN.format(number=number), field="number")
    named_differently = (number, details.doc_type, details.title) != (document.number, document.doc_type,
                                                                      document.title)
    before = document.replaced_by
    document.number, document.doc_type, document.title = number, details.doc_type, details.title
    document.issuer = details.issuer
    document.issued_on = details.issued_on
    document.issued_year = details.issued_on.year if details.issued_on else details.issued_year
    document.status = details.status
    set_replaced_by(document, details.replaced_by)
    if named_differently:
        touch_neighbours(document)
    summary = f"{document.number}: sửa thông tin"
    if document.replaced_by is not before:
        now = document.replaced_by
        summary += f"; được thay thế bởi {now.number}" if now else "; bỏ đánh dấu được thay thế"
    org = org_by_id(document.org_id) if document.org_id else None
    audit.record("document.edited", org=org, target=document, actor=actor, summary=summary)
