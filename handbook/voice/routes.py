"""A member's questions and opinions: their own list, writing one, reading it with its answer;
for receivers, what was sent to them, answering and forwarding it up."""

from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from sqlalchemy import func, select
from sqlalchemy.orm import joinedload

from handbook.actions import act
from handbook.auth.permissions import admin_roots, require
from handbook.extensions import db
from handbook.library.access import cell_section
from handbook.orgs.models import Organization
from handbook.pager import requested_page
from handbook.voice import bp, questions
from handbook.voice import messages as msg
from handbook.voice.access import (
    addressees,
    get_handled_question_or_404,
    get_readable_question_or_404,
    inbox_clause,
    is_receiver,
)
from handbook.voice.forms import AnswerForm, AskForm, ForwardForm
from handbook.voice.models import MemberQuestion
from handbook.voice.page import PER_PAGE, show_question

INBOX_STATUSES = {"open": "Chờ trả lời", "answered": "Đã trả lời", "all": "Tất cả"}


@bp.after_request
def never_cache(response):
    """What a member wrote to the committee is theirs and the receiver's: no cache keeps it."""
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.get("/questions")
@login_required
def mine():
    """The member's own questions and opinions, newest first, each with its state."""
    page = requested_page()
    rows, total = questions.own_questions(current_user, page, PER_PAGE)
    return render_template("voice/mine.html", rows=rows, page=page, pages=-(-total // PER_PAGE),
                           receiver=is_receiver(current_user))


def _ask_form() -> AskForm:
    form = AskForm()
    form.to_org.choices = [(org.id, ("Chi ủy, bí thư " if org.is_cell else "Cấp ủy ") + org.name)
                           for org in addressees(current_user)]
    form.meeting_id.choices = [(0, "— không —")] + [(m.id, questions.meeting_label(m))
                                                     for m in questions.own_meetings(current_user)]
    if request.method == "GET":
        form.section_id.data = request.args.get("section", "")[:12]
    return form


@bp.route("/questions/new", methods=["GET", "POST"])
@login_required
def ask():
    """Writing to the cell's secretary or to a committee above, maybe about an article or a meeting."""
    require(current_user.cell_id is not None)
    form = _ask_form()
    section = cell_section(current_user.cell, form.section_id.data) if form.section_id.data else None
    if form.validate_on_submit() and (answer := act(
            lambda: questions.ask(current_user, to_org_id=form.to_org.data, kind=form.kind.data,
                                  subject=form.subject.data, body=form.body.data, section_id=form.section_id.data,
                                  meeting_id=form.meeting_id.data, name_consent=form.name_consent.data),
            form=form, field="body", ok=lambda question: msg.SENT.format(org=question.sent_to.name),
            done=lambda question: redirect(url_for("voice.show", question_id=question.id)))):
        return answer
    status = 422 if request.method == "POST" else 200
    return render_template("voice/ask.html", form=form, section=section), status


@bp.get("/questions/<int:question_id>")
@login_required
def show(question_id: int):
    """The question with its answer; whoever it is with answers, forwards or publishes it here."""
    return show_question(get_readable_question_or_404(question_id))


@bp.post("/questions/<int:question_id>/answer")
@login_required
def answer(question_id: int):
    question = get_handled_question_or_404(question_id)
    form = AnswerForm()
    if form.validate_on_submit():
        # A refusal naming no field (answered meanwhile) is flashed: the page shows the answer, not the form.
        return act(lambda: questions.answer(question, form.answer.data, current_user), form=form,
                   ok=lambda _: msg.ANSWERED.format(name=question.author.full_name),
                   done=url_for("voice.show", question_id=question.id),
                   refused=lambda error: show_question(question, error.status, answer_form=form))
    return show_question(question, 422, answer_form=form)


@bp.post("/questions/<int:question_id>/forward")
@login_required
def forward(question_id: int):
    question = get_handled_question_or_404(question_id)
    form = ForwardForm()
    if form.validate_on_submit():
        # Forwarded, it may no longer be theirs to answer, but whoever it was sent to still reads it.
        return act(lambda: questions.forward(question, form.org_id.data, current_user),
                   ok=lambda _: msg.FORWARDED.format(org=question.org.name),
                   done=url_for("voice.show", question_id=question.id))
    flash(msg.STALE_FORM, "error")
    return redirect(url_for("voice.show", question_id=question.id))


@bp.get("/questions/inbox")
@login_required
def inbox():
    """What was sent to the cells the user leads and the committees they run, waiting first."""
    require(is_receiver(current_user))
    status = request.args.get("status", "open")
    status = status if status in INBOX_STATUSES else "open"
    with_cells = bool(admin_roots(current_user)) and request.args.get("cells") == "1"
    query = (select(MemberQuestion).join(Organization, Organization.id == MemberQuestion.org_id)
             .where(inbox_clause(current_user, with_cells)))
    if status != "all":
        query = query.where(MemberQuestion.status == status)
    page = requested_page()
    total = db.session.scalar(select(func.count()).select_from(query.subquery()))
    rows = db.session.scalars(query.order_by(MemberQuestion.created_at.desc(), MemberQuestion.id.desc())
                              .options(*[joinedload(getattr(MemberQuestion, name))
                                         for name in ("author", "cell", "sent_to", "org")])
                              .limit(PER_PAGE).offset((page - 1) * PER_PAGE)).all()
    return render_template("voice/inbox.html", rows=rows, status=status, statuses=INBOX_STATUSES, page=page,
                           pages=-(-total // PER_PAGE), total=total, with_cells=with_cells,
                           admin=bool(admin_roots(current_user)))
