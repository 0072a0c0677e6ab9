"""One editor for both papers of the year: GET shows the form, POST saves on the version the
text was typed on (autosave by htmx, or the Save button), a stale version shows both texts."""

from collections.abc import Callable

from flask import flash, make_response, redirect, render_template

from handbook.domain import DomainError, show_on_form
from handbook.extensions import db
from handbook.security import is_htmx
from handbook.timefmt import vn_time
from handbook.versioning import StaleVersion, guarded_write
from handbook.year import messages as msg
from handbook.year.papers import save


def _save(paper, find: Callable, values: dict, version: int) -> tuple[str, dict]:
    try:
        with guarded_write():
            return save(paper, values, version)
    except StaleVersion:
        # Another device saved on the same version first (or made the paper first): ours is
        # now typed on an older version, so it is shown beside the stored one.
        return save(find(), values, version)


def edit_paper(form, *, find: Callable, create: Callable, fields: tuple[str, ...], page: str, url: str,
               request_method: str, reload_on: tuple[str, ...] = (), **context):
    """`fields`: the form's fields that are the paper's columns of the same names. `reload_on`:
    fields whose change redraws the whole page after an autosave (the paper's kind changes its
    parts). The autosave's answer is drawn with `context` too, for the parts it refreshes."""
    paper = find()
    status, merged = None, {}
    if request_method == "POST":
        before = {}
        if form.validate_on_submit():
            try:
                target = paper or create()
                before = {name: getattr(target, name) for name in reload_on}  # as the page was drawn
                values = {name: form[name].data or "" for name in fields}
                status, merged = _save(target, find, values, form.version.data)
                db.session.commit()
            except DomainError as error:
                db.session.rollback()
                show_on_form(form, error, "version")
            paper = find()
        if is_htmx():
            code = 409 if status == "conflict" else (422 if form.errors else 200)
            response = make_response(render_template("year/_autosave.html", paper=paper, status=status, form=form,
                                                      **context), code)
            if status == "saved" and any(getattr(paper, name) != before[name] for name in reload_on):
                response.headers["HX-Refresh"] = "true"
            return response
        if status in ("saved", "unchanged"):
            flash(msg.SAVED_AT.format(time=vn_time(paper.updated_at)), "success")
            return redirect(url)
        if status == "conflict":
            flash(msg.STALE, "error")
            for name, text in merged.items():
                form[name].data = text
            form.version.data = paper.version
    else:
        shown = paper or create()  # a new paper's first text: the template, or the prefilled facts
        for name in fields:
            form[name].data = getattr(shown, name)
        form.version.data = paper.version if paper else 0
    code = 409 if status == "conflict" else (422 if form.errors else 200)
    return render_template(page, form=form, paper=paper, save_url=url, **context), code
