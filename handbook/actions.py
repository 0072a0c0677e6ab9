"""The one skeleton of a view that changes something: call the service; on a refusal roll back
and show it; otherwise commit, say so and go on. A view is then its form, its service call and
its answer:

    if form.validate_on_submit():
        answer = act(lambda: service.rename_org(org, form.name.data), form=form, field="name",
                     ok=msg.ORG_RENAMED, done=url_for("admin.org", org_id=org.id))
        if answer:
            return answer
    return render_template(..., form=form), 422

Services raise `DomainError` (handbook/domain.py) and never commit; the view that began the work
commits once it is all done (README, "Rules that hold everywhere").
"""

from collections.abc import Callable
from typing import Any

from flask import flash, redirect

from handbook.domain import DomainError, show_on_form
from handbook.extensions import db


def act(call: Callable[[], Any], *, done: str | Callable[[Any], Any], ok: str | Callable[[Any], str] | None = None,
        form=None, field: str | None = None, refused: str | Callable[[DomainError], Any] | None = None,
        tell: bool = True):
    """Runs `call()` — the service — in the view's transaction and answers for the view.

    Done: commits, flashes `ok` as a success (a sentence, or a function of what the service
    returned; nothing is flashed when it is empty: a step that only shows a summary) and answers
    `done`: a URL to redirect to, or a function of what the service returned giving the response.

    Refused (`DomainError`): rolls back, then shows the sentence on `form` under the field the
    error names, else under `field` (with neither, or without a form, it is flashed), and answers
    `refused`: a URL to redirect to, a function of the error giving the response, or — None —
    nothing when a form was given (the view draws its page again with the message), else a
    redirect to `done` when that is a URL. With `tell` False the sentence is neither put on the
    form nor flashed: `refused` shows it where it belongs (beside a confirmation box).
    """
    try:
        result = call()
    except DomainError as error:
        db.session.rollback()
        on_form = form is not None and (field or getattr(form, error.field or "", None) is not None)
        if tell and on_form:
            show_on_form(form, error, field or error.field)
        elif tell:
            flash(error.message, "error")
        if callable(refused):
            return refused(error)
        if refused is not None:
            return redirect(refused)
        return None if form is not None or callable(done) else redirect(done)
    db.session.commit()
    said = ok(result) if callable(ok) else ok
    if said:
        flash(said, "success")
    return done(result) if callable(done) else redirect(done)
