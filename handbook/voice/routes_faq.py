"""The FAQ: what organisations above the member (or, for an admin, inside their subtree)
published, searchable through the one index; publishing an answered question, and taking it out."""

from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from handbook.actions import act
from handbook.pager import requested_page
from handbook.vietnamese import parse_query
from handbook.voice import bp, faq
from handbook.voice import messages as msg
from handbook.voice.access import get_faq_entry_or_404, get_handled_question_or_404
from handbook.voice.forms import ActionForm, PublishForm
from handbook.voice.page import PER_PAGE, show_question
from handbook.voice.search import search_faq

SEARCH_LIMIT = 30


@bp.get("/questions/faq")
@login_required
def faq_list():
    """The FAQ that reaches the member, newest first; `?q=` searches it (accents optional)."""
    q = request.args.get("q", "").strip()[:200]
    if q:
        hits = search_faq(current_user, parse_query(q), SEARCH_LIMIT)
        return render_template("voice/faq.html", q=q, hits=hits, rows=[], page=1, pages=1)
    page = requested_page()
    rows, total = faq.faq_page(current_user, page, PER_PAGE)
    return render_template("voice/faq.html", q="", hits=None, rows=rows, page=page, pages=-(-total // PER_PAGE),
                           asked_by=faq.asked_by)


@bp.get("/questions/faq/<int:question_id>")
@login_required
def faq_entry(question_id: int):
    """One entry of the FAQ: the words published and the answer, the asker named only if they agreed."""
    entry = get_faq_entry_or_404(question_id)
    return render_template("voice/faq_entry.html", entry=entry, asked_by=faq.asked_by(entry))


@bp.post("/questions/<int:question_id>/publish")
@login_required
def publish(question_id: int):
    question = get_handled_question_or_404(question_id)
    form = PublishForm()
    if form.validate_on_submit():
        # A refusal naming no field (not answered yet) is flashed: the page has no FAQ form to show it on.
        return act(lambda: faq.publish(question, form.faq_org.data, form.faq_subject.data, form.faq_body.data,
                                       current_user), form=form,
                   ok=lambda _: msg.PUBLISHED.format(org=question.faq_org.name, named=msg.PUBLISHED_NAMED
                                                     if question.name_consent else msg.PUBLISHED_ANONYMOUS),
                   done=url_for("voice.faq_entry", question_id=question.id),
                   refused=lambda error: show_question(question, error.status, publish_form=form))
    return show_question(question, 422, publish_form=form)


@bp.post("/questions/<int:question_id>/unpublish")
@login_required
def unpublish(question_id: int):
    question = get_handled_question_or_404(question_id)
    if not ActionForm().validate_on_submit():
        flash(msg.STALE_FORM, "error")
        return redirect(url_for("voice.show", question_id=question.id))
    return act(lambda: faq.unpublish(question, current_user), ok=msg.UNPUBLISHED,
               done=url_for("voice.show", question_id=question.id))
