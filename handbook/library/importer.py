"""Import a file into the library in one transaction, or re-import it in place.

Sections are matched by anchor on re-import and updated in place, so bookmarks and
notes attached to a surviving anchor keep pointing at the same row. Sections that give way
(an anchor gone, or a whole new version) are announced with `sections_superseded`, so what
hangs on them (members' notes) can follow the article into the new text.

An admin replaces or versions only documents of their own subtree; system-wide documents
belong to the top-level admin. Every change is in the audit log of the organisations it touches.
"""

import os
import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import case, or_, select

from handbook import audit
from handbook.extensions import db
from handbook.library import messages as msg
from handbook.library.access import managed_documents_clause, managed_org_ids, manages_whole_library
from handbook.library.extract import ImportError_, extension_of, extract_text
from handbook.library.models import Document, Section
from handbook.library.structure import ParsedDocument, _slug, anchor_label, article_anchor, is_central_number, parse
from handbook.models_base import utcnow
from handbook.orgs.queries import org_by_id
from handbook.signals import sections_superseded
from handbook.storage import store

ORIGINALS = "library/"  # storage keys of uploaded originals

# Readers page by section and search reads sections: one huge section would make every reader
# of that page and every search touching it slow, so it is refused (see benchmarks/README.md).
MAX_SECTION_CHARS = 100_000
MAX_SECTIONS = 10_000
MSG_TOO_MANY_SECTIONS = msg.TOO_MANY_SECTIONS.format(count=f"{MAX_SECTIONS:,}".replace(",", "."))

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
    Vietnamese message before changing anything.

    `actor` None is the command line (the operator), who may touch any document."""
    _check_scope(req, actor)
    parsed = parse(extract_text(req.filename, req.data))
    if not parsed.sections:
        raise ImportError_(msg.NO_SECTIONS)
    _check_size(parsed)
    number = (req.number or parsed.number).strip()
    if not number:
        raise ImportError_(msg.NO_NUMBER)
    # A central number in a branch's library would read to its members as the Centre's text
    # (and take a slug like "05-ct-tw-2" beside the real one): only the top of the tree adds them.
    if is_central_number(number) and not manages_whole_library(actor):
        raise ImportError_(msg.CENTRAL_NUMBER_REFUSED.format(number=number), field="number")
    existing = _existing(number, actor)
    # A document held only as metadata and our summary ("chưa có toàn văn", the starter set) is
    # filled in place whatever was chosen for duplicates: its slug, links and replacement stay.
    filling = existing is not None and existing.is_summary
    if existing is not None and not filling and req.on_duplicate not in ("replace", "version"):
        raise ImportError_(msg.DUPLICATE.format(number=number))
    on_duplicate = "fill" if filling else req.on_duplicate
    old_org_id = existing.org_id if existing is not None else None
    if existing is not None and on_duplicate in ("fill", "replace"):
        document = existing
    else:
        document = Document(number=number, slug=unique_slug(number), title="", doc_type="", status="active")
        db.session.add(document)
    document.doc_type = req.doc_type or parsed.doc_type or document.doc_type or "Văn bản"
    document.issuer = req.issuer or document.issuer or ""
    document.issued_on = req.issued_on or parsed.issued_on or document.issued_on
    document.title = (req.title or parsed.title or document.title or os.path.splitext(req.filename)[0])[:500]
    document.org_id = req.org_id
    document.is_summary = False
    removed = sync_sections(document, parsed)
    document.original_filename = os.path.basename(req.filename)[:255]
    if document.original_path:  # replaced in place: the old file goes with the old text
        store.delete(document.original_path)
    document.original_path = _keep_original(req)
    db.session.flush()
    if existing is not None and on_duplicate == "version":
        existing.status = "expired"
        existing.replaced_by_id = document.id
        _announce_version(existing, document)
    db.session.flush()
    _audit(document, parsed, existing, on_duplicate, old_org_id, removed, actor)
    return document


def _existing(number: str, actor) -> Document | None:
    """The document this import would overwrite: the newest one in force with this number, else
    one held only as metadata (a replaced rule of the starter set has no other in force).
    Only documents the importer may overwrite are found: a number elsewhere is not confirmed."""
    return db.session.scalar(
        select(Document).where(Document.number == number, managed_documents_clause(actor),
                               or_(Document.status == "active", Document.is_summary))
        .order_by(case((Document.status == "active", 0), else_=1), Document.id.desc()).limit(1))


def _check_size(parsed: ParsedDocument) -> None:
    if len(parsed.sections) > MAX_SECTIONS:
        raise ImportError_(MSG_TOO_MANY_SECTIONS)
    for section in parsed.sections:
        size = len(section.text)
        if size > MAX_SECTION_CHARS:
            label = anchor_label(section.anchor) or section.heading[:80] or "Phần mở đầu"
            raise ImportError_(msg.SECTION_TOO_LONG.format(label=label, n=f"{size:,}".replace(",", "."),
                                                           max=f"{MAX_SECTION_CHARS:,}".replace(",", ".")))


def _check_scope(req: ImportRequest, actor) -> None:
    if req.org_id is None:
        if not manages_whole_library(actor):
            raise ImportError_(msg.SYSTEM_WIDE_REFUSED)
    elif actor is not None and req.org_id not in managed_org_ids(actor):
        raise ImportError_(msg.OUTSIDE_SUBTREE)


def _audit(document, parsed, existing, on_duplicate, old_org_id, removed: list[str], actor) -> None:
    """One row per organisation touched; a system-wide document is logged without one, which
    every admin's log shows (handbook/admin/routes_dashboard.py)."""
    size = f"{parsed.article_count} điều, {len(parsed.sections)} mục"
    org = org_by_id(document.org_id) if document.org_id else None
    if existing is None:
        audit.record("document.imported", org=org, target=document, actor=actor, summary=f"{document.number}: {size}")
        return
    gone = f"; bỏ {len(removed)} mục: {', '.join(removed[:20])}" if removed else ""
    if on_duplicate == "fill":
        audit.record("document.filled", org=org, target=document, actor=actor,
                     summary=f"{document.number}: nhập toàn văn ({size})")
    elif on_duplicate == "replace":
        audit.record("document.replaced", org=org, target=document, actor=actor,
                     summary=f"{document.number}: thay nội dung ({size}){gone}")
    else:
        audit.record("document.imported", org=org, target=document, actor=actor,
                     summary=f"{document.number}: phiên bản mới ({size})")
    if on_duplicate == "version" or old_org_id != document.org_id:
        old_org = org_by_id(old_org_id) if old_org_id else None
        what = "hết hiệu lực, thay bằng phiên bản mới" if on_duplicate == "version" else "chuyển phạm vi xem"
        audit.record("document.superseded", org=old_org, target=existing, actor=actor,
                     summary=f"{existing.number}: {what}")


def _announce_version(old: Document, new: Document) -> None:
    """Each section of the old version, paired with its place in the new one."""
    by_anchor = {s.anchor: s for s in new.sections}
    succession = [(s, by_anchor.get(s.anchor) or by_anchor.get(article_anchor(s.anchor) or ""))
                  for s in old.sections]
    sections_superseded.send(new, succession=succession, kept=True)


def sync_sections(document: Document, parsed: ParsedDocument) -> list[str]:
    """Update sections in place by anchor, add new ones, drop those whose anchor is gone
    (returned, as the reader names them)."""
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
    if old:
        by_anchor = {s.anchor: s for s in rows}
        sections_superseded.send(document, kept=False, succession=[
            (gone, by_anchor.get(article_anchor(gone.anchor) or "")) for gone in old.values()])
    for gone in old.values():
        document.sections.remove(gone)
        db.session.delete(gone)
    return [section_label(gone) for gone in old.values()]


def section_label(section) -> str:
    """'Điều 3', 'Điều 3 khoản 2', or the heading: how a member would name the section."""
    return anchor_label(section.anchor) or section.heading or section.anchor


def _keep_original(req: ImportRequest) -> str:
    """The uploaded file, as it came, in the storage every node reads; returns its key."""
    key = f"{ORIGINALS}{uuid.uuid4().hex}.{extension_of(req.filename)}"
    store.put(key, req.data)
    return key
