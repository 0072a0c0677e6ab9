"""A quiz's figures for the committee's subtree or a cell: participation and score bands, on
screen and as CSV."""

from flask import render_template, request
from flask_login import current_user, login_required

from handbook.csvfile import csv_response
from handbook.integers import bounded_int
from handbook.quiz import bp, stats
from handbook.quiz.access import branches_below, get_stats_org_or_404, get_visible_quiz_or_404, stats_roots
from handbook.quiz.models import Quiz


def _figures(quiz_id: int) -> stats.QuizStats:
    quiz = get_visible_quiz_or_404(quiz_id)
    return stats.quiz_stats(quiz, get_stats_org_or_404(quiz, request.args.get("org", type=bounded_int)))


def _branches(quiz: Quiz) -> list:
    """The organisations one may pick: the parts of the audience one oversees and what lies below."""
    return branches_below(stats_roots(current_user, quiz))


@bp.get("/quiz/<int:quiz_id>/stats")
@login_required
def statistics(quiz_id: int):
    """Who had to take part and who finished, per cell; how the best scores spread."""
    figures = _figures(quiz_id)
    return render_template("quiz/stats.html", figures=figures, quiz=figures.quiz, bands=stats.BANDS,
                           share=stats.share, orgs=_branches(figures.quiz))


@bp.get("/quiz/<int:quiz_id>/stats.csv")
@login_required
def statistics_csv(quiz_id: int):
    """The same figures for a spreadsheet."""
    figures = _figures(quiz_id)
    return csv_response(f"ket-qua-kiem-tra-{figures.quiz.id}-{figures.org.id}.csv", stats.csv_rows(figures))
