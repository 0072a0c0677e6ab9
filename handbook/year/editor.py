"""Both papers of the year in the shared editor (handbook/editing): GET shows the form, POST
saves on the version the text was typed on (autosave by htmx, or the Save button). A stale
version keeps the texts sent in the conflict store, beside the stored ones, for the member's
choice; the autosave's answer is the shared one (200, the status, `text-saved`)."""

from collections.abc import Callable
from dataclasses import dataclass

from flask import flash, redirect, render_template, url_for

from handbook.domain import DomainError, show_on_form
from handbook.editing import answer, store
from handbook.extensions import db
from handbook.security import is_htmx
from handbook.timefmt import vn_time
from handbook.year import messages as msg
from handbook.year.papers import COMMITMENT, REVIEW, kind_of_paper, save

RESOLVE_ENDPOINT = {"commitment": "year.resolve_commitment", "review": "year.resolve_review"}


@dataclass(frozen=True)
class Offer:
    """What a paper's page offers beside its form once the paper allows it (the submit button):
    `template` draws it (#submit-paper) when `shown(paper)`; `live`, the part of it every save
    refreshes (the review's points total). An autosave redraws the whole offer only when the page
    lacks it or it appears or goes: pressing "Nộp" takes the focus from the last field, whose
    `change` saves at once, and a button replaced before the finger lifts is never clicked."""
    template: str
    shown: Callable[[object], bool]
    live: str | None = None


COMMITMENT_OFFER = Offer("year/_submit_commitment.html", lambda paper: paper is not None and bool(paper.body.strip()))
REVIEW_OFFER = Offer("year/_submit_review.html", lambda paper: paper is not None, live="year/_proposal.html")


def conflicts_of(paper) -> list:
    """The paper's kept texts, as the shared conflict panel draws them."""
    if paper is None:
        return []
    kind = kind_of_paper(paper)
    return [(conflict, store.differing(kind, paper, conflict),
             url_for(RESOLVE_ENDPOINT[kind.name], year=paper.year, conflict_id=conflict.id))
            for conflict in store.pending(kind, paper)]


def edit_paper(form, *, find: Callable, create: Callable, fields: tuple[str, ...], page: str, url: str,
               request_method: str, reload_on: tuple[str, ...] = (), **context):
    """`fields`: the form's fields that are the paper's columns of the same names. `reload_on`:
    fields whose change redraws the whole page after an autosave (the paper's kind changes its
    parts). The autosave's answer is drawn with `context` too, for the parts it refreshes."""
    paper = find()
    status, merged = None, {}
    if request_method == "POST":
        before = {}
        # Drawn on the page the save came from: the version it was typed on is the stored one
        # unless it is 0 (drawn before the paper existed, maybe on another phone).
        offer = context.get("offer")
        offered = offer is not None and form.version.data != 0 and offer.shown(paper)
        if form.validate_on_submit():
            try:
                target = paper or create()
                before = {name: getattr(target, name) for name in reload_on}  # as the page was drawn
                values = {name: form[name].data or "" for name in fields}
                status, merged = store.guarded(lambda row: save(row, values, form.version.data), target, find)
                db.session.commit()
            except DomainError as error:
                db.session.rollback()
                show_on_form(form, error, "version")
            paper = find()
        if is_htmx():
            return _autosaved(paper, form, status, before, reload_on, offered, context)
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
    return render_template(page, form=form, paper=paper, save_url=url, conflicts=conflicts_of(paper),
                           **context), code


def _autosaved(paper, form, status, before, reload_on, offered, context):
    kind = kind_of_paper(paper) if paper is not None else (REVIEW if reload_on else COMMITMENT)
    version = paper.version if paper is not None else 0
    if status is None:
        message = " ".join(errors[0] for errors in form.errors.values())
        return answer.autosaved("paper", "error", version=version, kind=kind, message=message)
    extra = ""
    if status == "conflict":
        extra = render_template("_text_conflicts.html", editor="paper", oob=True, label=kind.label,
                                conflicts=conflicts_of(paper), version=version)
    elif (offer := context.get("offer")) is not None:
        if offered and offer.shown(paper):
            extra = render_template(offer.live, oob=True, paper=paper, **context) if offer.live else ""
        elif offered or offer.shown(paper):
            extra = render_template(offer.template, oob=True, paper=paper, form=form, **context)
    response = answer.autosaved("paper", status, version=version, kind=kind, saved_at=paper.updated_at, extra=extra)
    if status == "saved" and any(getattr(paper, name) != before[name] for name in reload_on):
        response.headers["HX-Refresh"] = "true"
    return response
