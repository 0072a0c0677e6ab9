"""The thu hoạch in the shared editor (handbook/editing): GET shows the form, POST saves on the
version the text was typed on (autosave by htmx, or the Save button). A stale version keeps the
text sent in the conflict store, beside the stored one, for the member's choice; the autosave's
answer is the shared one (200, the status, `text-saved`)."""

from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user

from handbook.domain import DomainError, show_on_form
from handbook.editing import answer, store
from handbook.extensions import db
from handbook.security import is_htmx
from handbook.study import harvest
from handbook.study import messages as msg
from handbook.study.forms import ActionForm, HarvestForm
from handbook.study.harvest import HARVEST
from handbook.timefmt import vn_time


def conflicts_of(paper) -> list:
    """The thu hoạch's kept texts, as the shared conflict panel draws them."""
    if paper is None:
        return []
    return [(conflict, store.differing(HARVEST, paper, conflict),
             url_for("study.resolve_harvest", programme_id=paper.programme_id, conflict_id=conflict.id))
            for conflict in store.pending(HARVEST, paper)]


def edit_harvest(programme):
    form, status, merged = HarvestForm(), None, ""
    if request.method == "POST":
        if form.validate_on_submit():
            try:
                status, merged = harvest.save_text(current_user, programme, form.body.data, form.version.data)
                db.session.commit()
            except DomainError as error:
                db.session.rollback()
                status = None
                show_on_form(form, error, "body")
        paper = harvest.find(current_user, programme)
        if is_htmx():
            return _autosaved(paper, form, status)
        url = url_for("study.harvest_editor", programme_id=programme.id)
        if status in ("saved", "unchanged"):
            if paper is not None:
                flash(msg.SAVED_AT.format(time=vn_time(paper.updated_at)), "success")
            return redirect(url)
        if status == "conflict":
            # The box shows both texts; the panel above asks which to keep.
            flash(msg.STALE, "error")
            form.body.data = merged
            form.version.data = paper.version
    else:
        paper = harvest.find(current_user, programme)
        form.body.data, form.version.data = (paper.body, paper.version) if paper else ("", 0)
    code = 409 if status == "conflict" else (422 if form.errors else 200)
    return render_template("study/harvest.html", programme=programme, form=form, paper=paper,
                           conflicts=conflicts_of(paper), submit_form=ActionForm(formdata=None)), code


def _autosaved(paper, form, status):
    version = paper.version if paper is not None else 0
    if status is None:
        message = " ".join(errors[0] for errors in form.errors.values())
        return answer.autosaved("harvest", "error", version=version, kind=HARVEST, message=message)
    extra = ""
    if status == "conflict":
        extra = render_template("_text_conflicts.html", editor="harvest", oob=True, label=HARVEST.label,
                                conflicts=conflicts_of(paper), version=version)
    return answer.autosaved("harvest", status, version=version, kind=HARVEST,
                            saved_at=paper.updated_at if paper is not None else None, extra=extra)
