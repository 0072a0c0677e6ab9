"""Publishing to the library and editing a document's details (committee admins), and assigning
required study."""

from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from sqlalchemy import or_, select
from wtforms.fields.choices import SelectChoice

from handbook import audit
from handbook.actions import act
from handbook.auth import permissions
from handbook.extensions import db
from handbook.library import bp
from handbook.library import messages as msg
from handbook.library.access import (
    assignable_orgs,
    can_assign_study,
    can_manage_document,
    get_managed_document_or_404,
    get_visible_document_or_404,
    manages_whole_library,
    visible_documents_clause,
)
from handbook.library.editing import Details, update_document
from handbook.library.forms import AssignForm, DocumentForm, ImportForm
from handbook.library.importer import ImportRequest, import_document
from handbook.library.models import STATUS_LABELS, Document, StudyAssignment
from handbook.library.study import progress


@bp.route("/library/import", methods=["GET", "POST"])
@login_required
def import_form():
    """Upload a document file (committee admins)."""
    permissions.require_admin()
    form = ImportForm()
    orgs = [SelectChoice(o.id, f"{o.kind_label}: {o.name}") for o in assignable_orgs(current_user)
            if permissions.is_admin_of(current_user, o)]
    # System-wide documents are the top-level committee's to publish.
    whole = [SelectChoice(0, msg.WHOLE_DEPLOYMENT)] if manages_whole_library(current_user) else []
    form.org_id.choices = whole + orgs
    # "Nhập toàn văn" from the reader of a document held as metadata only: the importer fills it
    # when the number matches, so the number and where it is read are set for the admin.
    filling = _document_to_fill(request.args.get("van_ban", ""))
    if filling is not None and request.method == "GET":
        form.number.data, form.org_id.data = filling.number, filling.org_id or 0
    if form.validate_on_submit():
        upload = form.file.data
        data = upload.read()
        req = ImportRequest(
            filename=upload.filename or "", data=data, number=form.number.data or "",
            doc_type=form.doc_type.data or "", issuer=form.issuer.data or "", issued_on=form.issued_on.data,
            title=form.title.data or "", org_id=form.org_id.data or None, on_duplicate=form.on_duplicate.data or "",
        )
        answer = act(lambda: import_document(req, actor=current_user), form=form, field="file",
                     ok=lambda document: msg.IMPORTED.format(number=document.number, sections=len(document.sections)),
                     done=lambda document: redirect(url_for("library.reader", slug=document.slug)))
        if answer:
            return answer
    return render_template("library/import.html", form=form, filling=filling)


def _document_to_fill(slug: str) -> Document | None:
    document = db.session.scalar(select(Document).where(Document.slug == slug[:120])) if slug else None
    return document if document is not None and can_manage_document(current_user, document) else None


@bp.route("/library/<slug>/edit", methods=["GET", "POST"])
@login_required
def edit(slug):
    """A document's details and what replaced it (admins of its subtree; the top-level admin for
    system-wide documents)."""
    document = get_managed_document_or_404(slug)
    form = DocumentForm(obj=document if request.method == "GET" else None)
    form.status.choices = [SelectChoice(key, label) for key, label in STATUS_LABELS.items()]
    # The document marked now stays a choice even if this admin may not read it: saving the
    # form's other fields must not take the mark off unseen.
    others = db.session.scalars(
        select(Document).where(or_(visible_documents_clause(current_user), Document.id == document.replaced_by_id),
                               Document.id != document.id)
        .order_by(Document.issued_year.desc().nulls_last(), Document.number))
    form.replaced_by.choices = [SelectChoice(0, msg.NOT_REPLACED)] + [
        SelectChoice(d.id, f"{d.name} — {d.title[:80]}") for d in others]
    if request.method == "GET":
        form.replaced_by.data = document.replaced_by_id or 0
    if form.validate_on_submit():
        target = db.session.get(Document, form.replaced_by.data) if form.replaced_by.data else None
        details = Details(number=form.number.data, doc_type=form.doc_type.data, issuer=form.issuer.data or "",
                          issued_on=form.issued_on.data, issued_year=form.issued_year.data, title=form.title.data,
                          status=form.status.data, replaced_by=target)
        answer = act(lambda: update_document(document, details, current_user), form=form, field="replaced_by",
                     ok=lambda _: msg.EDITED.format(name=document.name),
                     done=lambda _: redirect(url_for("library.reader", slug=document.slug)))
        if answer:
            return answer
    return render_template("library/edit.html", form=form, document=document)


@bp.route("/library/<slug>/study", methods=["GET", "POST"])
@login_required
def assign(slug):
    """Assign the document for study and see who has studied it."""
    permissions.require(can_assign_study(current_user))
    document = get_visible_document_or_404(slug)
    orgs = assignable_orgs(current_user)
    form = AssignForm()
    form.org_id.choices = [SelectChoice(o.id, f"{o.kind_label}: {o.name}") for o in orgs]
    if form.validate_on_submit():
        org = next(o for o in orgs if o.id == form.org_id.data)
        db.session.add(StudyAssignment(document_id=document.id, org_id=org.id, due_on=form.due_on.data,
                                       assigned_by_id=current_user.id))
        audit.record("study.assigned", org=org, target=document,
                     summary=f"{document.number} → {org.name}, hạn {form.due_on.data:%d/%m/%Y}")
        db.session.commit()
        flash(msg.ASSIGNED.format(number=document.number, org=org.name), "success")
        return redirect(url_for("library.assign", slug=slug))
    org_ids = {o.id for o in orgs}
    assignments = [a for a in db.session.scalars(
        select(StudyAssignment).where(StudyAssignment.document_id == document.id).order_by(StudyAssignment.id.desc())
    ) if a.org_id in org_ids]
    rows = [(a, *progress(a)) for a in assignments]
    return render_template("library/assign.html", document=document, form=form, rows=rows)
