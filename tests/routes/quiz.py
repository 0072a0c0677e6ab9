"""Quizzes. The demo holds the committee's bank on the Party Charter and a quiz open to both cells
(set by the committee for the base organisation); attempts are dangvien's, made as the walk needs
them."""

from datetime import timedelta

from tests.routes import Rule, expect


def _demo_quiz(w) -> int:
    from sqlalchemy import select

    from handbook.extensions import db
    from handbook.quiz.demo import QUIZ_TITLE
    from handbook.quiz.models import Quiz

    return db.session.scalar(select(Quiz.id).where(Quiz.title == QUIZ_TITLE))


def _demo_bank(w) -> int:
    from sqlalchemy import select

    from handbook.extensions import db
    from handbook.quiz.demo import BANK_TITLE
    from handbook.quiz.models import QuestionBank

    return db.session.scalar(select(QuestionBank.id).where(QuestionBank.title == BANK_TITLE))


def _attempt(w, handed_in: bool = False) -> int:
    """dangvien's attempt at the demo quiz (open, or handed in)."""
    from handbook.extensions import db
    from handbook.quiz import attempts
    from handbook.quiz.models import Quiz

    found = attempts.start(db.session.get(Quiz, _demo_quiz(w)), w["users"]["dangvien"])
    if handed_in:
        attempts.finish(found)
    db.session.commit()
    return found.id


def _quiz(path: str = ""):
    return lambda w: f"/quiz/{_demo_quiz(w)}{path}"


def _own(path: str = "", handed_in: bool = False):
    return lambda w: f"/quiz/attempts/{_attempt(w, handed_in)}{path}"


def _new_quiz(w) -> dict:
    from handbook.models_base import utcnow
    from handbook.timefmt import to_vn

    now = to_vn(utcnow())
    return {"title": "Kiểm tra tháng", "bank_id": str(_demo_bank(w)), "org_id": str(w["cell1"].id),
            "question_count": "5", "minutes": "10", "attempts_allowed": "1", "opens_at": f"{now:%Y-%m-%dT%H:%M}",
            "closes_at": f"{now + timedelta(days=3):%Y-%m-%dT%H:%M}"}


OWN = expect(other_member=404, secretary=404, admin=404)
SETTERS = expect(member=404, secretary=200, admin=200)
COMMITTEE = expect(member=404, admin=200)  # the demo's bank is the committee's

RULES = [
    Rule("quiz.index", "GET", lambda w: "/quiz", expect()),
    Rule("quiz.quiz", "GET", _quiz(), expect()),
    Rule("quiz.start", "POST", _quiz("/start"), expect(member=302, admin=404)),  # a committee account takes none
    Rule("quiz.attempt", "GET", _own(), OWN),
    Rule("quiz.answer", "POST", _own("/answers/1"), expect(member=302, other_member=404, secretary=404, admin=404),
         data=lambda w: {"a1": "A"}),
    Rule("quiz.submit", "POST", _own("/submit"), expect(member=302, other_member=404, secretary=404, admin=404),
         data=lambda w: {"answers": "1", "a1": "B"}),
    Rule("quiz.results", "GET", _own("/results", handed_in=True), OWN),
    Rule("quiz.manage", "GET", lambda w: "/quiz/manage", SETTERS),
    Rule("quiz.create_bank", "POST", lambda w: "/quiz/banks", expect(member=404, secretary=302, admin=302),
         data=lambda w: {"title": "Ngân hàng của chi bộ", "org_id": str(w["cell1"].id)}),
    Rule("quiz.bank", "GET", lambda w: f"/quiz/banks/{_demo_bank(w)}", COMMITTEE),
    Rule("quiz.bank_template", "GET", lambda w: "/quiz/banks/template.csv", SETTERS),
    Rule("quiz.import_preview", "POST", lambda w: f"/quiz/banks/{_demo_bank(w)}/import",
         expect(member=404, admin=422)),  # no file sent: said on the form
    Rule("quiz.import_confirm", "POST", lambda w: f"/quiz/banks/{_demo_bank(w)}/import/confirm",
         expect(member=404, admin=302)),  # nothing previewed: back to the bank, with the reason
    Rule("quiz.new_quiz", "GET", lambda w: "/quiz/new", SETTERS),
    Rule("quiz.new_quiz", "POST", lambda w: "/quiz/new", expect(member=404, secretary=302, admin=302),
         data=_new_quiz),
    Rule("quiz.statistics", "GET", _quiz("/stats"), expect(member=404, secretary=200, admin=200)),
    Rule("quiz.statistics_csv", "GET", _quiz("/stats.csv"), expect(member=404, secretary=200, admin=200)),
]
