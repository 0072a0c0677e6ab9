"""What a reader visit reads beyond its validator, in one statement: the document, where the
member stopped in it, whether they marked it studied, their bookmarks in it, whether it replaced
any document, and whatever the other features' tools and marks ask of the member (their notes on
its articles, the documents they keep on the phone: `signals.Ask`). Each was a round trip of its
own; the statement is built once per set of asking features and bound by the member's and the
document's ids.
"""

from functools import cache
from typing import NamedTuple

from sqlalchemy import String, bindparam, cast, exists, func, select
from sqlalchemy.orm import aliased

from handbook.auth import permissions
from handbook.cache import Cache
from handbook.extensions import db
from handbook.library.access import can_view_document
from handbook.library.models import Bookmark, Document, ReadingPosition, Section, StudyMark
from handbook.signals import Fragment, answered, asked_columns, document_tools, ordered, reader_marks


class Visit(NamedTuple):
    document: Document
    position: str | None  # the anchor where the member stopped
    is_studied: bool
    bookmarked: frozenset[int]  # the member's bookmarked sections of the document
    replaces_any: bool  # whether any document names this one as its replacement
    tools: list[Fragment]  # beside the document (signals.document_tools), their asks answered
    marks: list[Fragment]  # beside each article (signals.reader_marks), their asks answered


@cache
def _statement(asked: tuple):
    member, document = bindparam("member_id"), bindparam("document_id")
    replaced = aliased(Document)
    return select(
        Document,
        select(ReadingPosition.anchor).where(
            ReadingPosition.user_id == member, ReadingPosition.document_id == document).scalar_subquery(),
        exists().where(StudyMark.user_id == member, StudyMark.document_id == document),
        select(func.aggregate_strings(cast(Bookmark.section_id, String), ","))
        .join(Section, Section.id == Bookmark.section_id)
        .where(Bookmark.user_id == member, Section.document_id == document).scalar_subquery(),
        exists().where(replaced.replaced_by_id == document),
        *asked,
    ).where(Document.id == document)


# Which id a slug names, as last read here. Only a hint, never trusted: the statement reads the
# document by that id and the visit is used only if its slug is still the one asked; a document
# renamed, removed or replaced by another of the same slug is looked up again, in the same request.
_ids = Cache(size=4096, ttl_seconds=None)


def _read(slug: str, statement, member_id: int):
    def row_for(document_id):
        return db.session.execute(statement, {"member_id": member_id, "document_id": document_id}).one_or_none()

    hinted = _ids.get(slug)
    if hinted is not None:
        row = row_for(hinted)
        if row is not None and row[0].slug == slug:
            return row
    found = db.session.scalar(select(Document.id).where(Document.slug == slug))
    if found is None:
        return None
    _ids.put(slug, found)
    return row_for(found)


def visit_or_404(slug: str, user) -> Visit:
    """The document `slug` with everything of `user`'s on it; 404 when `user` may not read it."""
    tools, marks = ordered(document_tools, user), ordered(reader_marks, user)
    tools_asked, marks_asked = asked_columns(tools), asked_columns(marks)
    row = _read(slug, _statement(tools_asked + marks_asked), user.id)
    permissions.require(row is not None and can_view_document(user, row[0]))
    document, position, is_studied, bookmarked, replaces_any, *values = row
    return Visit(document, position, bool(is_studied),
                 frozenset(int(i) for i in bookmarked.split(",")) if bookmarked else frozenset(),
                 bool(replaces_any), answered(tools, values[:len(tools_asked)]),
                 answered(marks, values[len(tools_asked):]))


@cache
def _tools_statement(asked: tuple):
    return select(*asked)


def member_tools(user) -> list[Fragment]:
    """The tools beside each document of the list, with what they ask of the member read in one
    statement (none when no tool asks)."""
    tools = ordered(document_tools, user)
    asked = asked_columns(tools)
    if not asked:
        return tools
    return answered(tools, db.session.execute(_tools_statement(asked), {"member_id": user.id}).one())
