"""Which document replaced which: marking a document replaced, and what its reader shows — the
document that replaced it, the one in force at the end of the chain, and what a document replaced."""

from sqlalchemy import select

from handbook.domain import DomainError
from handbook.extensions import db
from handbook.library import messages as msg
from handbook.library.access import can_view_document
from handbook.library.models import Document
from handbook.models_base import utcnow

MAX_CHAIN = 50  # far more replacements than any rule has had; stops a loop written by hand


def chain_of(document: Document) -> list[Document]:
    """The documents that replaced `document`, in order, up to the one in force."""
    chain, seen, current = [], {document.id}, document.replaced_by
    while current is not None and current.id not in seen and len(chain) < MAX_CHAIN:
        chain.append(current)
        seen.add(current.id)
        current = current.replaced_by
    return chain


def replaced_documents(document: Document) -> list[Document]:
    """What `document` replaced, oldest first."""
    return list(db.session.scalars(select(Document).where(Document.replaced_by_id == document.id)
                                   .order_by(Document.issued_year.asc().nulls_first(), Document.id)))


def set_replaced_by(document: Document, target: Document | None) -> None:
    """Marks `document` replaced by `target` (and so no longer in force), or takes the mark off.
    Raises DomainError when `target` is the document itself or was itself replaced by it."""
    if target is not None and (target.id == document.id or document in chain_of(target)):
        raise DomainError(msg.REPLACEMENT_LOOP, field="replaced_by")
    old = document.replaced_by
    if old is target:
        return
    document.replaced_by = target
    if target is not None:
        document.status = "expired"
    # Each reader names its neighbours in the chain: theirs show it at once (their pages are
    # validated by the document's content version, which any write of its row moves).
    _touch([d for d in (old, target) if d is not None] + _replaced_before(document))


def _replaced_before(document: Document) -> list[Document]:
    """Every document whose chain runs through `document`: their readers name the one in force."""
    found, frontier = [], [document.id]
    while frontier and len(found) < MAX_CHAIN:
        rows = list(db.session.scalars(select(Document).where(Document.replaced_by_id.in_(frontier))))
        rows = [d for d in rows if d not in found and d is not document]
        found += rows
        frontier = [d.id for d in rows]
    return found


def touch_neighbours(document: Document) -> None:
    """After `document`'s number or title changed: the readers that name it show the change."""
    _touch(chain_of(document)[:1] + _replaced_before(document))


def _touch(documents) -> None:
    now = utcnow()
    for other in documents:
        other.updated_at = now


def reader_facts(document: Document, user, replaces_any: bool = True) -> dict:
    """What the reader says of replacement, naming only documents `user` may read (what the
    document replaced is asked only when `replaces_any`: the reader's statement knows)."""
    chain = chain_of(document)
    return {
        "replaced": bool(chain) or document.replaced_by_id is not None,
        "replaced_by": chain[0] if chain and can_view_document(user, chain[0]) else None,
        "in_force": chain[-1] if len(chain) > 1 and can_view_document(user, chain[-1]) else None,
        "replaces": [d for d in replaced_documents(document) if can_view_document(user, d)] if replaces_any else [],
    }
