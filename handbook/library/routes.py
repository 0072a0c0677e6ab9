"""Library pages: the list, the reader and a member's marks on it."""

import io
import mimetypes
from functools import partial

from flask import abort, redirect, render_template, request, send_file, url_for
from flask_login import current_user, login_required
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from handbook.auth import permissions
from handbook.conditional import conditional
from handbook.extensions import db
from handbook.integers import bounded_int, id_or_none
from handbook.library import bp
from handbook.library.access import (
    can_assign_study,
    can_manage_document,
    get_visible_document_or_404,
    visible_documents_clause,
    visible_org_ids,
)
from handbook.library.extract import extension_of
from handbook.library.models import STATUS_LABELS, Bookmark, Document, ReadingPosition, Section
from handbook.library.paging import layout_for
from handbook.library.reader import page_context, reader_context
from handbook.library.replacement import reader_facts
from handbook.library.study import assignments_for, studied_ids, toggle_mark
from handbook.library.validators import reader_page
from handbook.library.visit import member_tools, visit_or_404
from handbook.security import is_htmx
from handbook.storage import store


def mimetype_of(filename: str) -> str:
    return mimetypes.guess_type(filename)[0] or "application/octet-stream"


def _filters() -> dict:
    args = request.args
    return {
        "type": args.get("type", "")[:40],
        "issuer": args.get("issuer", "")[:200],
        "year": args.get("year", type=partial(bounded_int, minimum=1000, maximum=9999)),
        "status": args.get("status", "") if args.get("status") in STATUS_LABELS else "",
    }


@bp.get("/library")
@login_required
def index():
    """The documents list, with filters."""
    f = _filters()
    query = select(Document).where(visible_documents_clause(current_user))
    if f["type"]:
        query = query.where(Document.doc_type == f["type"])
    if f["issuer"]:
        query = query.where(Document.issuer == f["issuer"])
    if f["year"]:
        query = query.where(Document.issued_year == f["year"])
    if f["status"]:
        query = query.where(Document.status == f["status"])
    documents = list(db.session.scalars(
        query.options(selectinload(Document.replaced_by))
        .order_by(Document.issued_year.desc().nulls_last(), Document.issued_on.desc().nulls_last(), Document.id.desc())
        .limit(500)))
    visible = select(Document).where(visible_documents_clause(current_user)).subquery()
    options = {
        "types": sorted(t for t in db.session.scalars(select(visible.c.doc_type).distinct()) if t),
        "issuers": sorted(i for i in db.session.scalars(select(visible.c.issuer).distinct()) if i),
        "years": sorted((y for y in db.session.scalars(select(visible.c.issued_year).distinct()) if y), reverse=True),
    }
    due = {a.document_id: a.due_on for a in assignments_for(current_user)}
    return render_template("library/index.html", documents=documents, f=f, options=options, due=due,
                           replaced_by=_readable_replacements(documents),
                           studied=studied_ids(current_user), statuses=STATUS_LABELS,
                           can_import=permissions.is_admin(current_user),
                           tools=member_tools(current_user))


def _readable_replacements(documents) -> dict[int, Document]:
    """What replaced each listed document, where the member may read it (else it goes unnamed)."""
    targets = {d.id: d.replaced_by for d in documents if d.replaced_by is not None}
    restricted = any(t.org_id is not None for t in targets.values())
    orgs = visible_org_ids(current_user) if restricted else set()
    return {i: t for i, t in targets.items() if t.org_id is None or t.org_id in orgs}


def _page_asked(layout) -> int:
    """?muc=<anchor> (the page holding it; page 1 if unknown), else ?trang=N (404 past the end)."""
    anchor = request.args.get("muc", "")
    if anchor in layout.page_of:
        return layout.page_of[anchor]
    trang = request.args.get("trang")
    if trang is None:
        return 1
    page = id_or_none(trang)
    if page is None or page > layout.page_count:
        abort(404)
    return page


@bp.get("/library/<slug>")
@conditional(reader_page)  # 304 while the document and the member's marks are unchanged
@login_required  # inside: a revisit answered 304 needs only the session checked (conditional.member)
def reader(slug):
    """The reader: metadata, the full contents and one page of sections with their anchors."""
    visit = visit_or_404(slug, current_user)
    document, layout = visit.document, layout_for(visit.document)
    return render_template("library/reader.html", can_assign=can_assign_study(current_user),
                           can_manage=can_manage_document(current_user, document),
                           replacement=reader_facts(document, current_user, visit.replaces_any),
                           tools=visit.tools,
                           **reader_context(visit, layout, _page_asked(layout)))


@bp.get("/library/<slug>/ban-goc")
@login_required
def original(slug):
    """The file the document was imported from, as uploaded (whoever may read the document)."""
    document = get_visible_document_or_404(slug)
    data = store.get(document.original_path) if document.original_path else None
    if data is None:
        abort(404)
    name = document.original_filename or f"{document.slug}.{extension_of(document.original_path)}"
    return send_file(io.BytesIO(data), as_attachment=True, download_name=name, mimetype=mimetype_of(name),
                     max_age=0)


@bp.get("/library/<slug>/trang/<int:page>")
@login_required
def reader_page(slug, page):
    """The next page of the reader, which htmx appends when the member reaches the end of a page."""
    visit = visit_or_404(slug, current_user)
    layout = layout_for(visit.document)
    if not 1 <= page <= layout.page_count:
        abort(404)
    return page_context(visit, layout, page)["body"]


@bp.post("/library/<slug>/position")
@login_required
def position(slug):
    """Remembers where the member is reading (sent by the reader's script)."""
    document = get_visible_document_or_404(slug)
    anchor = request.form.get("anchor", "")[:80]
    if not db.session.scalar(select(Section.id).where(Section.document_id == document.id, Section.anchor == anchor)):
        abort(400)
    row = db.session.scalar(select(ReadingPosition).where(
        ReadingPosition.user_id == current_user.id, ReadingPosition.document_id == document.id))
    if row is None:
        db.session.add(ReadingPosition(user_id=current_user.id, document_id=document.id, anchor=anchor))
    else:
        row.anchor = anchor
    db.session.commit()
    return "", 204


@bp.post("/library/<slug>/bookmark/<anchor>")
@login_required
def bookmark(slug, anchor):
    """Adds or removes a bookmark on one section."""
    document = get_visible_document_or_404(slug)
    section = db.session.scalar(select(Section).where(Section.document_id == document.id, Section.anchor == anchor))
    if section is None:
        abort(404)
    mark = db.session.scalar(select(Bookmark).where(Bookmark.user_id == current_user.id,
                                                    Bookmark.section_id == section.id))
    if mark:
        db.session.delete(mark)
    else:
        db.session.add(Bookmark(user_id=current_user.id, section_id=section.id))
    db.session.commit()
    if is_htmx():
        return render_template("library/_bookmark_button.html", document=document, section=section,
                               bookmarked=mark is None)
    return redirect(url_for("library.reader", slug=slug, muc=anchor, _anchor=anchor))


@bp.post("/library/<slug>/studied")
@login_required
def studied(slug):
    """Marks the document 'đã học' (or takes the mark back)."""
    document = get_visible_document_or_404(slug)
    marked = toggle_mark(current_user, document)
    db.session.commit()
    if is_htmx():
        return render_template("library/_studied.html", document=document, is_studied=marked)
    return redirect(url_for("library.reader", slug=slug))
