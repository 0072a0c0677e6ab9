"""Loads the 2026 starter set (handbook/library/starter_set.py) into the library: the command
`flask load-starter-documents` and the demo both call `load_starter`.

Each document is metadata with our summary (a section "Tóm tắt", so the one search index finds
it and the reader shows it), marked `is_summary` — "chưa có toàn văn" — until a committee imports
the official text. Loading again adds what is missing and brings documents still without their
text up to date; a document whose text was imported is the committee's and is left as it is.
"""

from dataclasses import dataclass, field

from sqlalchemy import case, select

from handbook.extensions import db
from handbook.library.importer import sync_sections, unique_slug
from handbook.library.models import Document
from handbook.library.replacement import set_replaced_by
from handbook.library.starter_outlines import OUTLINES
from handbook.library.starter_set import STARTERS, Starter
from handbook.library.structure import ParsedDocument, ParsedSection, parse

SUMMARY_ANCHOR = "tom-tat"
SUMMARY_HEADING = "Tóm tắt"


@dataclass
class LoadResult:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    with_text: list[str] = field(default_factory=list)  # imported by a committee: not touched


def starter_sections(spec: Starter) -> ParsedDocument:
    """The summary, then the outline where the set has one."""
    outline = parse(OUTLINES.get(spec.slug, "")).sections
    summary = ParsedSection("plain", "", SUMMARY_HEADING, SUMMARY_ANCHOR, None, [spec.summary])
    shifted = [ParsedSection(s.level, s.number, s.heading, s.anchor, None if s.parent is None else s.parent + 1,
                             s.lines) for s in outline]
    return ParsedDocument(sections=[summary, *shifted])


def load_starter() -> LoadResult:
    """Adds or updates every starter document, then the replacements between them (the caller commits)."""
    result = LoadResult()
    documents: dict[str, Document] = {}
    for spec in STARTERS:
        document = _find(spec)
        if document is None:
            document = Document(slug=_free_slug(spec), number=spec.number, doc_type=spec.doc_type, title="",
                                is_summary=True, status="active")
            db.session.add(document)
            _write(document, spec)
            result.added.append(spec.number)
        elif not document.is_summary:
            result.with_text.append(spec.number)
        elif _write(document, spec):
            result.updated.append(spec.number)
        else:
            result.unchanged.append(spec.number)
        documents[spec.slug] = document
    db.session.flush()
    for spec in STARTERS:
        old = documents.get(spec.replaces)
        # A mark an admin set (or took off and set otherwise) on the edit form stays theirs.
        if old is not None and old.is_summary and old.replaced_by_id is None:
            set_replaced_by(old, documents[spec.slug])
    db.session.flush()
    return result


def _find(spec: Starter) -> Document | None:
    """The system-wide document of this slug (ours, or another feature's "dieu-le-dang"), else
    the newest system-wide one of this number (imported before the set was loaded)."""
    document = db.session.scalar(select(Document).where(Document.slug == spec.slug))
    if document is not None and document.org_id is None:
        return document
    return db.session.scalar(
        select(Document).where(Document.number == spec.number, Document.org_id.is_(None))
        .order_by(case((Document.status == "active", 0), else_=1), Document.id.desc()).limit(1))


def _free_slug(spec: Starter) -> str:
    taken = db.session.scalar(select(Document.id).where(Document.slug == spec.slug))
    return unique_slug(spec.number) if taken else spec.slug


def _write(document: Document, spec: Starter) -> bool:
    """Sets the metadata and sections from the set; True if anything changed."""
    fields = {"number": spec.number, "doc_type": spec.doc_type, "issuer": spec.issuer, "title": spec.title,
              "issued_on": spec.issued_on, "issued_year": spec.issued_on.year if spec.issued_on else spec.year}
    changed = False
    for name, value in fields.items():
        if getattr(document, name) != value:
            setattr(document, name, value)
            changed = True
    parsed = starter_sections(spec)
    wanted = [(s.anchor, s.level, s.number, s.heading, s.text) for s in parsed.sections]
    held = [(s.anchor, s.level, s.number, s.heading, s.text) for s in document.sections] if document.id else []
    if wanted != held:
        sync_sections(document, parsed)  # in place by anchor: bookmarks and notes on an outline stay
        changed = True
    return changed
