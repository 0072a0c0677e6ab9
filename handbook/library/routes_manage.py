"""Publishing to the library (committee admins) and assigning required study."""

from flask import flash, redirect, render_template, url_for
from flask_login import current_user, login_required
from sqlalchemy import select
from wtforms.fields.choices import SelectChoice

from handbook import audit
from handbook.auth import permissions
from handbook.domain import DomainError, show_on_form
from handbook.extensions import db
from handbook.library import bp
from handbook.library import messages as msg
from handbook.library.access import (
    assignable_orgs,
    can_assign_study,
    get_visible_document_or_404,
    manages_whole_library,
)
from handbook.library.forms import AssignForm, ImportForm
from handbook.library.importer import ImportRequest, import_document
from handbook.library.models import StudyAssignment
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
    if form.validate_on_submit():
        upload = form.file.data
        data = upload.read()
        req = ImportRequest(
            filename=upload.filename or "", data=data, number=form.number.data or "",
            doc_type=form.doc_type.data or "", issuer=form.issuer.data or "", issued_on=form.issued_on.data,
            title=form.title.data or "", org_id=form.org_id.data or None, on_duplicate=form.on_duplicate.data or "",
        )
        try:
            document = import_document(req, actor=current_user)
        except DomainError as error:
            db.session.rollback()
            show_on_form(form, error, "file")
        else:
            db.session.commit()
            flash(msg.IMPORTED.format(number=document.number, sections=len(document.sections)), "success")
            return redirect(url_for("library.reader", slug=document.slug))
    return render_template("library/import.html", form=form)


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
