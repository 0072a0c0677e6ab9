"""The pages each role opens first, with the demo objects their paths name: one walk shared by
the page-weight budget (tests/test_budget.py), the statement budgets
(tests/test_statement_budget.py) and the benchmarks that measure the same pages. Features add
their pages to FIRST_LOADS and FRAGMENTS; a path may name demo objects with {placeholders}
resolved by DEMO_URL_PARTS (by name, never by id, so a walk outside the tests finds them too).
"""

import re

FIRST_LOADS = [
    (None, "/login"),
    ("dangvien", "/"),
    ("bithu", "/"),
    ("capuy", "/"),
    ("dangvien", "/library"),
    ("dangvien", "/meetings"),
    ("dangvien", "/notes"),
    ("dangvien", "/account"),
    ("dangvien", "/meetings/{next_meeting}"),
    ("bithu", "/meetings/{next_meeting}"),
    ("dangvien", "/meetings/{last_meeting}"),
    ("dangvien", "/meetings/{next_meeting}/note"),
    ("dangvien", "/library/08-qdi-tw"),
    ("dangvien", "/search?q=neu+guong"),
    ("dangvien", "/library/{long_document}"),
    ("dangvien", "/year/{this_year}"),
    ("dangvien", "/year/{this_year}/commitment"),
    ("dangvien", "/year/{this_year}/review"),
    ("dangvien", "/year/{last_year}/commitment"),
    ("bithu", "/year/{last_year}/cells/{cell1}"),
    ("bithu", "/year/{this_year}/cells/{cell1}"),  # every member's scoring form
    ("bithu", "/year/{this_year}/cells/{cell1}/finish"),
    ("capuy", "/year/{last_year}/stats"),
    ("capuy", "/year/model-cells"),
    ("dangvien", "/fees"),
    ("bithu", "/fees/cells/{cell1}/{this_year}"),
    ("bithu", "/fees/cells/{cell1}/{fee_month}"),
    ("bithu", "/fees/cells/{cell1}/{last_fee_month}/report"),
    ("capuy", "/fees/committee/{last_fee_month}"),
    ("dangvien", "/quiz"),
    ("dangvien", "/quiz/{demo_quiz}"),
    ("dangvien", "/quiz/attempts/{quiz_attempt}"),  # the demo's 10 questions, all on one page
    ("dangvien", "/quiz/attempts/{quiz_results}/results"),
    ("capuy", "/quiz/{demo_quiz}/stats"),
    ("dangvien", "/questions"),
    ("dangvien", "/questions/new"),
    ("dangvien", "/questions/{own_question}"),
    ("dangvien", "/questions/faq"),
    ("bithu", "/questions/inbox"),
    ("dangvien", "/examples"),
    ("dangvien", "/examples/{cell_example}"),
    ("bithu", "/examples/new"),
    ("capuy", "/examples/committee"),
]
# (who, path) of responses htmx swaps into a page already loaded.
FRAGMENTS = [
    ("dangvien", "/search?q=dang+vien"),
    ("dangvien", "/search?q=neu+guong"),
    ("dangvien", "/search?q=%22trach+nhiem+neu+guong%22"),
    ("dangvien", "/library/{long_document}/trang/2"),
]


def _cell1_meeting(status: str):
    def find(world):
        from sqlalchemy import select

        from handbook.demo import CELL1
        from handbook.extensions import db
        from handbook.meetings.models import Meeting
        from handbook.orgs.models import Organization

        # By name, not world's objects: benchmarks/e2e_page_weight.py resolves outside the seeding session.
        return db.session.scalar(select(Meeting.id).join(Organization, Organization.id == Meeting.cell_id)
                                 .where(Organization.name == CELL1, Meeting.status == status)
                                 .order_by(Meeting.starts_at.desc()).limit(1))  # the latest: "last month's"

    return find


def _long_document(world):
    from tests.library_factories import long_document

    return long_document().slug  # 200 articles, added to the demo on first use


def _year(offset: int):
    def find(world):
        from handbook.models_base import utcnow
        from handbook.timefmt import to_vn

        return to_vn(utcnow()).year + offset  # the demo's last year is closed, this one open

    return find


def _cell1(world):
    from sqlalchemy import select

    from handbook.demo import CELL1
    from handbook.extensions import db
    from handbook.orgs.models import Organization

    return db.session.scalar(select(Organization.id).where(Organization.name == CELL1))


def _fee_month(offset: int):
    def find(world):
        from handbook.fees.access import this_month
        from handbook.fees.rates import shift

        return "{}/{}".format(*shift(*this_month(), offset))  # the demo records the months before this one

    return find


def _demo_quiz(world):
    from sqlalchemy import select

    from handbook.extensions import db
    from handbook.quiz.demo import QUIZ_TITLE
    from handbook.quiz.models import Quiz

    return db.session.scalar(select(Quiz.id).where(Quiz.title == QUIZ_TITLE))


def _quiz_attempt(handed_in: bool):
    def find(world):
        """dangvien's attempt at the demo quiz: the one open, or one started (and handed in) here."""
        from sqlalchemy import select

        from handbook.auth.models import User
        from handbook.extensions import db
        from handbook.quiz import attempts
        from handbook.quiz.models import Quiz

        member = db.session.scalar(select(User).where(User.username == "dangvien"))
        found = attempts.start(db.session.get(Quiz, _demo_quiz(world)), member)
        if handed_in:
            attempts.finish(found)
        db.session.commit()
        return found.id

    return find


def _own_question(world):
    from tests.routes.voice import demo_question

    return demo_question(world)  # dangvien's, answered by cell 1's secretary, about an article


def _cell_example(world):
    from tests.routes.examples import cell_example

    return cell_example(world)  # cell 1's, approved, with a photo


# placeholder -> function(world) giving the value, e.g. the demo's next meeting id.
DEMO_URL_PARTS: dict = {
    "long_document": _long_document,
    "next_meeting": _cell1_meeting("published"),  # next month's, with an article linked
    "last_meeting": _cell1_meeting("closed"),  # last month's, with its final minutes
    "this_year": _year(0),
    "last_year": _year(-1),
    "cell1": _cell1,
    "fee_month": _fee_month(0),
    "last_fee_month": _fee_month(-1),
    "demo_quiz": _demo_quiz,
    "quiz_attempt": _quiz_attempt(handed_in=False),
    "quiz_results": _quiz_attempt(handed_in=True),
    "own_question": _own_question,
    "cell_example": _cell_example,
}

ASSET = re.compile(r'<(?:link|script|img)\b[^>]*?\b(?:href|src)="(/static/[^"]+)"')


def _resolve(path: str, world) -> str:
    names = re.findall(r"{(\w+)}", path)
    return path.format(**{name: DEMO_URL_PARTS[name](world) for name in names})
