"""Question banks: made by a committee or a cell, filled by the CSV import (bankimport.py)."""

from sqlalchemy import select

from handbook.audit import record
from handbook.domain import DomainError
from handbook.extensions import db
from handbook.library.access import can_view_document
from handbook.library.models import Document
from handbook.quiz import messages as msg
from handbook.quiz.access import setter_orgs
from handbook.quiz.models import QuestionBank

ANCHOR_WORDS = {"phan": "Phần", "chuong": "Chương", "muc": "Mục", "dieu": "Điều", "khoan": "khoản", "diem": "điểm"}


def article_label(anchor: str) -> str:
    """"dieu-3-khoan-2" → "Điều 3 khoản 2", as the setter typed it in the CSV; other anchors as they are."""
    parts = anchor.split("-")
    if len(parts) % 2 or any(word not in ANCHOR_WORDS for word in parts[::2]):
        return anchor
    return " ".join(f"{ANCHOR_WORDS[word]} {number}" for word, number in zip(parts[::2], parts[1::2], strict=True))


def create_bank(user, *, title: str, org_id: int | None, document_slug: str) -> QuestionBank:
    org = next((o for o in setter_orgs(user) if o.id == org_id), None)
    if org is None:
        raise DomainError(msg.ORG_NOT_YOURS, field="org_id")
    document = None
    if document_slug:
        document = db.session.scalar(select(Document).where(Document.slug == document_slug))
        if document is None or not can_view_document(user, document):
            raise DomainError(msg.DOCUMENT_UNKNOWN, field="document")
    bank = QuestionBank(title=title.strip(), org_id=org.id, document_id=document.id if document else None,
                        created_by_id=user.id)
    db.session.add(bank)
    db.session.flush()
    record("quiz.bank_created", org=org, target=bank, actor=user, summary=bank.title)
    return bank
