"""Everything the reader page needs, loaded in a few queries so long documents stay fast."""

from sqlalchemy import select

from handbook.extensions import db
from handbook.library.models import Bookmark, Document, ReadingPosition, Section, StudyMark
from handbook.library.structure import NUMBER_LABELS, TOC_LEVELS


def section_label(section: Section) -> str:
    if section.level in NUMBER_LABELS:
        label = f"{NUMBER_LABELS[section.level]} {section.number}"
        return f"{label}. {section.heading}" if section.heading else label
    if section.level == "plain" and section.number:
        return f"{section.number}. {section.heading}"
    return section.heading


def reader_context(document: Document, user) -> dict:
    # Imported here: the notes package builds on the library's models (a cycle at import time).
    from handbook.notes.queries import anchors_with_notes

    sections = list(
        db.session.scalars(select(Section).where(Section.document_id == document.id).order_by(Section.position))
    )
    toc = [(s, section_label(s)) for s in sections if s.level in TOC_LEVELS and (s.heading or s.number)]
    articles = [s for s in sections if s.level == "dieu"] or [s for s in sections if s.level == "plain"]
    neighbours = {}
    for i, s in enumerate(articles):
        neighbours[s.id] = (articles[i - 1] if i > 0 else None, articles[i + 1] if i + 1 < len(articles) else None)
    bookmarked = set(
        db.session.scalars(
            select(Bookmark.section_id)
            .join(Section)
            .where(Bookmark.user_id == user.id, Section.document_id == document.id)
        )
    )
    position = db.session.scalar(
        select(ReadingPosition.anchor).where(
            ReadingPosition.user_id == user.id, ReadingPosition.document_id == document.id
        )
    )
    is_studied = (
        db.session.scalar(
            select(StudyMark.id).where(StudyMark.user_id == user.id, StudyMark.document_id == document.id)
        )
        is not None
    )
    labels = {s.id: section_label(s) for s in sections}
    # Each article with the clauses and points that follow it, so it renders as one block.
    blocks: list[tuple[Section, list[Section]]] = []
    for s in sections:
        if s.level in ("khoan", "diem") and blocks:
            blocks[-1][1].append(s)
        else:
            blocks.append((s, []))
    return {
        "document": document,
        "sections": sections,
        "toc": toc,
        "neighbours": neighbours,
        "bookmarked_ids": bookmarked,
        "blocks": blocks,
        "position": position,
        "is_studied": is_studied,
        "labels": labels,
        "article_ids": {s.id for s in articles},
        "position_label": next((labels[s.id] for s in sections if s.anchor == position), None),
        "noted_anchors": anchors_with_notes(user, document),
    }
