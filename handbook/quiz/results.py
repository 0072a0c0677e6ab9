"""An attempt's results, once handed in: each question with the member's answer, the right one,
and for a wrong answer the article of the library that answers it."""

from dataclasses import dataclass

from sqlalchemy import select, tuple_

from handbook.extensions import db
from handbook.library.access import can_view_document
from handbook.library.models import Document, Section
from handbook.quiz.models import LETTERS, Attempt, AttemptItem, Choice, Question


@dataclass
class Article:
    slug: str
    anchor: str
    label: str  # "Điều 5. Đảng viên dự bị" or, when the article is gone, the document's number


@dataclass
class Result:
    position: int
    text: str
    right: bool
    choices: list[tuple[str, str, bool, bool]]  # (letter, text, chosen, correct), as shown
    article: Article | None

    @property
    def answered(self) -> bool:
        return any(chosen for _letter, _text, chosen, _correct in self.choices)


def results(attempt: Attempt, user) -> list[Result]:
    assert attempt.submitted_at is not None, "the key is shown only after the attempt is handed in"
    items = list(db.session.scalars(select(AttemptItem).where(AttemptItem.attempt_id == attempt.id)
                                    .order_by(AttemptItem.position)))
    ids = [item.question_id for item in items]
    questions = {q.id: q for q in db.session.scalars(select(Question).where(Question.id.in_(ids)))}
    choices = {c.id: c for c in db.session.scalars(select(Choice).where(Choice.question_id.in_(ids)))}
    articles = _articles([questions[item.question_id] for item in items if not item.correct], user)
    found = []
    for item in items:
        question, chosen = questions[item.question_id], set(item.chosen_ids)
        shown = [(LETTERS[i], choices[cid].text, cid in chosen, choices[cid].correct)
                 for i, cid in enumerate(item.order)]
        found.append(Result(item.position, question.text, item.correct, shown,
                            None if item.correct else articles.get(question.id)))
    return found


def _articles(questions: list[Question], user) -> dict[int, Article]:
    """The article behind each question, for those whose document the member may read."""
    linked = [q for q in questions if q.document_id]
    documents = {d.id: d for d in db.session.scalars(select(Document).where(
        Document.id.in_({q.document_id for q in linked})))} if linked else {}
    pairs = {(q.document_id, q.anchor) for q in linked if q.anchor}
    sections = {(s.document_id, s.anchor): s for s in db.session.scalars(select(Section).where(
        tuple_(Section.document_id, Section.anchor).in_(pairs)))} if pairs else {}
    found = {}
    for question in linked:
        document = documents.get(question.document_id)
        if document is None or not can_view_document(user, document):
            continue
        section = sections.get((question.document_id, question.anchor))
        label = f"{section.full_name} — {document.number}" if section else document.number
        found[question.id] = Article(document.slug, question.anchor if section else "", label)
    return found
