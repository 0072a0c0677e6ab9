"""Import a file into the library in one transaction, or re-import it in place.

Sections are matched by anchor on re-import and updated in place, so bookmarks and
notes attached to a surviving anchor keep pointing at the same row.
"""

import os
import uuid
from dataclasses import dataclass
from datetime import date

from flask import current_app
from sqlalchemy import select

from handbook import audit
from handbook.extensions import db
from handbook.library import messages as msg
from handbook.library.extract import ImportError_, extension_of, extract_text
from handbook.library.models import Document, Section
from handbook.library.structure import ParsedDocument, _slug, parse
from handbook.models_base import utcnow


@dataclass
class ImportRequest:
    filename: str
    data: bytes
    number: str = ""
    doc_type: str = ""
    issuer: str = ""
    issued_on: date | None = None
    title: str = ""
    org_id: int | None = None
    on_duplicate: str = ""  # "", "replace" or "version"


def unique_slug(number: str) -> str:
    base = _slug(number)[:100] or "van-ban"
    slug, n = base, 2
    while db.session.scalar(select(Document.id).where(Document.slug == slug)):
        slug, n = f"{base}-{n}", n + 1
    return slug


def import_document(req: ImportRequest, actor=None) -> Document:
    """Parse, check and add to the session (the caller commits); raises ImportError_ with a
    Vietnamese message before changing anything."""
    parsed = parse(extract_text(req.filename, req.data))
    if not parsed.sections:
        raise ImportError_(msg.NO_SECTIONS)
    number = (req.number or parsed.number).strip()
    if not number:
        raise ImportError_(msg.NO_NUMBER)
    existing = db.session.scalar(
        select(Document).where(Document.number == number, Document.status == "active").order_by(Document.id.desc())
    )
    if existing is not None and req.on_duplicate not in ("replace", "version"):
        raise ImportError_(msg.DUPLICATE.format(number=number))
    if existing is not None and req.on_duplicate == "replace":
        document = existing
    else:
        document = Document(number=number, slug=unique_slug(number), title="", doc_type="")
        db.session.add(document)
    document.doc_type = req.doc_type or parsed.doc_type or document.doc_type or "Văn bản"
    document.issuer = req.issuer or document.issuer or ""
    document.issued_on = req.issued_on or parsed.issued_on or document.issued_on
    document.title = (req.title or parsed.title or document.title or os.path.splitext(req.filename)[0])[:500]
    document.org_id = req.org_id
    document.is_summary = False
    document.status = "active"
    sync_sections(document, parsed)
    document.original_filename = os.path.basename(req.filename)[:255]
    document.original_path = _keep_original(req)
    if existing is not None and req.on_duplicate == "version":
        db.session.flush()
        existing.status = "expired"
        existing.replaced_by_id = document.id
    db.session.flush()
    audit.record("document.imported", org=None, target=document, actor=actor,
                 summary=f"{document.number}: {parsed.article_count} điều, {len(parsed.sections)} mục")
    return document


def sync_sections(document: Document, parsed: ParsedDocument) -> None:
    """Update sections in place by anchor, add new ones, drop those whose anchor is gone."""
    # The reader caches a document's page layout until updated_at moves.
    document.updated_at = utcnow()
    old = {s.anchor: s for s in document.sections} if document.id else {}
    rows: list[Section] = []
    for position, ps in enumerate(parsed.sections):
        section = old.pop(ps.anchor, None) or Section(anchor=ps.anchor)
        section.position, section.level, section.number = position, ps.level, ps.number[:20]
        section.heading, section.text = ps.heading[:500], ps.text
        section.document = document
        rows.append(section)
    db.session.add_all(rows)
    db.session.flush()
    for section, ps in zip(rows, parsed.sections, strict=True):
        section.parent_id = rows[ps.parent].id if ps.parent is not None else None
    db.session.flush()  # re-parent survivors before their old parents go
    for gone in old.values():
        document.sections.remove(gone)
        db.session.delete(gone)


def _keep_original(req: ImportRequest) -> str:
    folder = os.path.join(current_app.config.get("UPLOAD_FOLDER") or os.path.join(current_app.instance_path, "uploads"),
                          "library")
    os.makedirs(folder, exist_ok=True)
    name = f"{uuid.uuid4().hex}.{extension_of(req.filename)}"
    with open(os.path.join(folder, name), "wb") as fh:
        fh.write(req.data)
    return name
