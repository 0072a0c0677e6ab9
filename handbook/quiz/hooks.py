"""What the quizzes offer other pages: the open quizzes on the home page, a link on the account
page (phones reach past results from there), a navigation entry on wide screens, and the
periodic hand-in of attempts whose time ran out and purge of bank files previewed, never confirmed."""

from handbook.jobs import enqueue
from handbook.quiz.attempts import finish_expired
from handbook.quiz.bankimport import purge_job
from handbook.quiz.quizzes import pending_for
from handbook.signals import HomePanel, NavEntry, Panel, account_panels, home_panels, nav_entries, periodic_work


@nav_entries.connect
def quiz_entry(app) -> NavEntry:
    return NavEntry(47, "quiz.index", "Kiểm tra", "check", wide_only=True)


@home_panels.connect
def open_quizzes(user) -> HomePanel | None:
    pending = pending_for(user)
    return HomePanel("quizzes", "quiz/_home_panel.html", {"pending": pending}) if pending else None


@account_panels.connect
def account(user) -> Panel | None:
    if user.cell_id is None:
        return None
    return Panel(27, "quiz/_account_panel.html", {})


@periodic_work.connect
def _due_work(sender, now) -> None:
    enqueue(finish_expired, now)
    enqueue(purge_job, now)
