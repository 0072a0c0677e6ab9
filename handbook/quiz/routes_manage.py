"""The setters' side: question banks (made here, filled from a CSV file previewed row by row) and
the quizzes set on them."""

from datetime import timedelta

from flask import flash, redirect, render_template, request, session, url_for
from flask_login import current_user, login_required
from sqlalchemy import select

from handbook.actions import act
from handbook.auth.permissions import require
from handbook.csvfile import csv_response
from handbook.domain import DomainError
from handbook.extensions import db
from handbook.integers import bounded_int
from handbook.library.access import visible_documents_clause
from handbook.library.models import Document
from handbook.quiz import bankimport, banks, bp, quizzes
from handbook.quiz import messages as msg
from handbook.quiz.access import (
    can_set_quizzes,
    get_managed_bank_or_404,
    managed_quizzes,
    manages_org,
    setter_orgs,
    usable_banks,
)
from handbook.quiz.attempts import now
from handbook.quiz.forms import BankForm, ImportForm, QuizForm, local_input
from handbook.quiz.models import QuestionBank
from handbook.timefmt import from_vn, to_vn

STASH_KEY = "quiz_import"


def _setter() -> None:
    require(can_set_quizzes(current_user))


def _bank_form() -> BankForm:
    form = BankForm()
    form.org_id.choices = [(o.id, f"{o.kind_label}: {o.name}") for o in setter_orgs(current_user)]
    documents = db.session.scalars(select(Document).where(visible_documents_clause(current_user))
                                   .order_by(Document.number))
    form.document.choices = [("", "— không —")] + [(d.slug, f"{d.number} — {d.title[:80]}") for d in documents]
    return form


@bp.get("/quiz/manage")
@login_required
def manage():
    """Banks and quizzes of the setter's organisations."""
    _setter()
    return _manage_page(_bank_form())


def _manage_page(form: BankForm):
    usable = usable_banks(current_user)
    return render_template("quiz/manage.html", banks=usable, counts=quizzes.bank_counts(usable),
                           kept={b.id for b in usable if manages_org(current_user, b.org)},
                           quizzes=managed_quizzes(current_user), form=form)


@bp.post("/quiz/banks")
@login_required
def create_bank():
    """A new, empty bank; its questions come from a CSV file."""
    _setter()
    form = _bank_form()
    if form.validate_on_submit() and (answer := act(
            lambda: banks.create_bank(current_user, title=form.title.data, org_id=form.org_id.data,
                                      document_slug=form.document.data or ""),
            form=form, field="title", ok=lambda bank: msg.BANK_CREATED.format(title=bank.title),
            done=lambda bank: redirect(url_for("quiz.bank", bank_id=bank.id)))):
        return answer
    return _manage_page(form), 422


@bp.get("/quiz/banks/<int:bank_id>")
@login_required
def bank(bank_id: int):
    """The bank's questions with their key, for those who keep it; the import form."""
    found = get_managed_bank_or_404(bank_id)
    return render_template("quiz/bank.html", bank=found, form=ImportForm(), article_label=banks.article_label)


@bp.get("/quiz/banks/template.csv")
@login_required
def bank_template():
    """An empty file with the expected header and one example row, to fill in Excel."""
    _setter()
    example = ["08-QĐi/TW", "Điều 3", "Ví dụ: nội dung câu hỏi?", "Phương án thứ nhất", "Phương án thứ hai",
               "Phương án thứ ba", "", "", "", "B", "một lựa chọn"]
    return csv_response("mau-ngan-hang-cau-hoi.csv", [bankimport.TEMPLATE_HEADER, example])


def _drop_stash() -> None:
    stash = session.pop(STASH_KEY, None)
    if stash:
        bankimport.drop(stash["token"])


@bp.post("/quiz/banks/<int:bank_id>/import")
@login_required
def import_preview(bank_id: int):
    """Every row of the uploaded file checked, nothing written yet."""
    found = get_managed_bank_or_404(bank_id)
    form = ImportForm()
    if not form.validate_on_submit():
        return redirect(url_for("quiz.bank", bank_id=found.id))
    upload = form.file.data
    data = upload.read(bankimport.MAX_BYTES + 1) if upload else b""
    if upload:
        upload.close()
    try:
        if not data:
            raise DomainError(msg.FILE_MISSING)
        rows = bankimport.preview(data, found, current_user)
        if not rows:
            raise DomainError(msg.FILE_ONLY_HEADER)
    except DomainError as error:
        form.file.errors = [error.message]
        return render_template("quiz/bank.html", bank=found, form=form, article_label=banks.article_label), 422
    _drop_stash()
    token = bankimport.keep(data)
    db.session.commit()
    session[STASH_KEY] = {"token": token, "bank": found.id, "user": current_user.id}
    return render_template("quiz/import_preview.html", bank=found, rows=rows, token=token,
                           bad=sum(1 for row in rows if row.problems), form=ImportForm())


@bp.post("/quiz/banks/<int:bank_id>/import/confirm")
@login_required
def import_confirm(bank_id: int):
    """Adds every previewed question in one transaction, or none."""
    found = get_managed_bank_or_404(bank_id)
    stash = session.get(STASH_KEY) or {}
    valid = (ImportForm().validate_on_submit() and stash.get("user") == current_user.id
             and stash.get("bank") == found.id and request.form.get("token") == stash.get("token"))
    data = bankimport.read(stash["token"]) if valid else None
    if data is None:
        flash(msg.PREVIEW_EXPIRED, "error")
        return redirect(url_for("quiz.bank", bank_id=found.id))
    rows = []

    def run():
        rows[:] = bankimport.preview(data, found, current_user)  # the library may have changed meanwhile
        count = bankimport.run_import(rows, found, current_user)
        _drop_stash()  # the questions and the end of their preview are one commit
        return count

    return act(run, ok=lambda count: msg.IMPORTED.format(count=count, bank=found.title),
               done=url_for("quiz.bank", bank_id=found.id),
               refused=lambda _: (render_template("quiz/import_preview.html", bank=found, rows=rows,
                                                  token=stash["token"], bad=sum(1 for row in rows if row.problems),
                                                  form=ImportForm()), 422))


def _quiz_form() -> QuizForm:
    form = QuizForm()
    usable = usable_banks(current_user)
    counts = quizzes.bank_counts(usable)
    form.bank_id.choices = [(b.id, f"{b.title} ({counts.get(b.id, 0)} câu)") for b in usable]
    form.org_id.choices = [(o.id, f"{o.kind_label}: {o.name}") for o in setter_orgs(current_user)]
    if request.method == "GET":
        start = local_input(to_vn(now()))
        form.opens_at.data, form.closes_at.data = start, start + timedelta(days=7)
        if request.args.get("bank", type=bounded_int) in counts:
            form.bank_id.data = request.args.get("bank", type=bounded_int)
    return form


@bp.route("/quiz/new", methods=["GET", "POST"])
@login_required
def new_quiz():
    """Sets a quiz: the bank, who must take it, how many questions, how long, how many attempts,
    between which moments."""
    _setter()
    form = _quiz_form()
    if form.validate_on_submit() and (answer := act(
            lambda: quizzes.set_quiz(
                current_user, title=form.title.data, bank=db.session.get(QuestionBank, form.bank_id.data),
                org_id=form.org_id.data, leaders_only=form.leaders_only.data,
                question_count=form.question_count.data, minutes=form.minutes.data,
                attempts_allowed=form.attempts_allowed.data, opens_at=from_vn(form.opens_at.data),
                closes_at=from_vn(form.closes_at.data)),
            form=form, field="title", ok=lambda quiz: msg.QUIZ_SET.format(title=quiz.title, org=quiz.org.name),
            done=lambda quiz: redirect(url_for("quiz.quiz", quiz_id=quiz.id)))):
        return answer
    return render_template("quiz/new.html", form=form), 422 if form.errors else 200
