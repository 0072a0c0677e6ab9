"""The member's side: the quizzes asked of them, starting one, the attempt's page with its
answers saved one by one, handing it in, and the results."""

from flask import flash, make_response, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from handbook.actions import act
from handbook.auth.permissions import require
from handbook.domain import DomainError
from handbook.extensions import db
from handbook.quiz import attempts, bp, quizzes
from handbook.quiz import messages as msg
from handbook.quiz.access import (
    can_set_quizzes,
    get_own_attempt_or_404,
    get_visible_quiz_or_404,
    in_audience,
    stats_roots,
)
from handbook.quiz.forms import ActionForm
from handbook.quiz.results import results as attempt_results
from handbook.security import is_htmx
from handbook.timefmt import vn_time


@bp.after_request
def never_cache(response):
    """Answers chosen, and after handing in the key: no shared cache or Back button keeps them."""
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.get("/quiz")
@login_required
def index():
    """The quizzes the member was asked to take, with their attempts."""
    return render_template("quiz/index.html", standings=quizzes.standings(current_user, open_now=False),
                           can_set=can_set_quizzes(current_user), now=attempts.now())


@bp.get("/quiz/<int:quiz_id>")
@login_required
def quiz(quiz_id: int):
    """A quiz: its rules, the start button, the member's attempts."""
    found = get_visible_quiz_or_404(quiz_id)
    mine = attempts.attempts_of(found, current_user)
    if any(attempts.settle(attempt) for attempt in mine):
        db.session.commit()
    now = attempts.now()
    is_open = found.opens_at <= now < found.closes_at
    current = next((a for a in mine if a.submitted_at is None), None)
    return render_template("quiz/quiz.html", quiz=found, attempts=mine, taker=in_audience(current_user, found),
                           is_open=is_open, now=now, open_attempt=current,
                           can_start=is_open and len(mine) < found.attempts_allowed, form=ActionForm(),
                           audience=quizzes.audience_label(found), figures=bool(stats_roots(current_user, found)))


@bp.post("/quiz/<int:quiz_id>/start")
@login_required
def start(quiz_id: int):
    """Starts an attempt (or goes back to the one open) and opens its page."""
    found = get_visible_quiz_or_404(quiz_id)
    require(in_audience(current_user, found))
    if not ActionForm().validate_on_submit():
        return redirect(url_for("quiz.quiz", quiz_id=found.id))
    return act(lambda: attempts.start(found, current_user),
               done=lambda attempt: redirect(url_for("quiz.attempt", attempt_id=attempt.id)),
               refused=url_for("quiz.quiz", quiz_id=found.id))


@bp.get("/quiz/attempts/<int:attempt_id>")
@login_required
def attempt(attempt_id: int):
    """Every question of the attempt on one page, each answer saved as it is chosen; the countdown
    starts from the server's remaining time, so a reload does not give more."""
    found = get_own_attempt_or_404(attempt_id)
    if attempts.settle(found):
        db.session.commit()
        flash(msg.TIME_UP.format(time=vn_time(found.deadline)), "error")
    if found.submitted_at is not None:
        return redirect(url_for("quiz.results", attempt_id=found.id))
    return render_template("quiz/attempt.html", attempt=found, quiz=found.quiz, items=attempts.page_items(found),
                           remaining=attempts.remaining_seconds(found), form=ActionForm())


def _closed(found, message: str):
    """An answer to an attempt already handed in: refused, and the member is taken to the results."""
    flash(message, "error")
    target = url_for("quiz.results", attempt_id=found.id)
    if not is_htmx():
        return redirect(target)
    response = make_response(render_template("quiz/_saved.html", error=message), 409)
    response.headers["HX-Redirect"] = target
    return response


@bp.post("/quiz/attempts/<int:attempt_id>/answers/<int:position>")
@login_required
def answer(attempt_id: int, position: int):
    """Saves one question's answer (htmx, a few bytes): the letters chosen, as `a<position>`."""
    found = get_own_attempt_or_404(attempt_id)
    item = attempts.item_at(found, position)
    require(item is not None)
    if attempts.settle(found):
        db.session.commit()
        return _closed(found, msg.LATE_ANSWER.format(time=vn_time(found.deadline)))
    if found.submitted_at is not None:
        return _closed(found, msg.ALREADY_SUBMITTED.format(time=vn_time(found.submitted_at)))
    letters = request.form.getlist(f"a{position}")
    try:
        attempts.answer(item, letters)
    except DomainError as error:
        db.session.rollback()
        return render_template("quiz/_saved.html", error=error.message), 422
    # Read before the commit, which expires the rows: the answer costs no statement after its write.
    text = (msg.SAVED if letters else msg.CLEARED).format(position=position, time=vn_time(item.answered_at))
    remaining = attempts.remaining_seconds(found)
    db.session.commit()
    if not is_htmx():
        flash(text, "success")
        return redirect(url_for("quiz.attempt", attempt_id=attempt_id, _anchor=f"cau-{position}"))
    return render_template("quiz/_saved.html", saved=text), 200, {"X-Quiz-Remaining": str(remaining)}


@bp.post("/quiz/attempts/<int:attempt_id>/submit")
@login_required
def submit(attempt_id: int):
    """Hands the attempt in with the answers on the page (sent by the button, or by the page when
    the time runs out); after the deadline only what was saved in time counts."""
    found = get_own_attempt_or_404(attempt_id)
    back = redirect(url_for("quiz.attempt", attempt_id=found.id))
    if not ActionForm().validate_on_submit():
        return back
    if attempts.settle(found):
        db.session.commit()
        flash(msg.TIME_UP.format(time=vn_time(found.deadline)), "error")
        return redirect(url_for("quiz.results", attempt_id=found.id))
    if found.submitted_at is None:
        def submit():
            if request.form.get("answers"):  # the page's form: its answers are the member's last word
                for item in found.items:
                    attempts.answer(item, request.form.getlist(f"a{item.position}"))
            attempts.finish(found)

        return act(submit, ok=lambda _: msg.SUBMITTED.format(score=found.score, total=found.total),
                   done=url_for("quiz.results", attempt_id=found.id), refused=lambda _: back)
    return redirect(url_for("quiz.results", attempt_id=found.id))


@bp.get("/quiz/attempts/<int:attempt_id>/results")
@login_required
def results(attempt_id: int):
    """The score; each question with the answer given and the right one; for a wrong answer, the
    article that answers it."""
    found = get_own_attempt_or_404(attempt_id)
    if attempts.settle(found):
        db.session.commit()
    if found.submitted_at is None:
        return redirect(url_for("quiz.attempt", attempt_id=found.id))
    return render_template("quiz/results.html", attempt=found, quiz=found.quiz,
                           rows=attempt_results(found, current_user))
