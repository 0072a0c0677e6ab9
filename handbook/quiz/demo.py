"""Demo: a 30-question bank on the Party Charter kept by the bloc committee, and one quiz of 10
questions open to both demo cells for a month. When the library has no Điều lệ Đảng yet, a
summary of the articles the questions rest on is added under its slug, "dieu-le-dang".
Idempotent: a bank of the same title is left alone."""

from datetime import timedelta

from sqlalchemy import select

from handbook.extensions import db
from handbook.library.models import Document, Section
from handbook.models_base import utcnow
from handbook.quiz.demo_charter import ARTICLES, DOCUMENT, NOTE, QUESTIONS
from handbook.quiz.models import LETTERS, Choice, Question, QuestionBank, Quiz

BANK_TITLE = "Điều lệ Đảng: 30 câu hỏi ôn tập (demo)"
QUIZ_TITLE = "Kiểm tra hiểu biết Điều lệ Đảng (demo)"


def _articles(start: int, leave_out: set[str]) -> list[Section]:
    return [Section(position=start + i, level="dieu", number=str(n), heading=heading, text=text, anchor=f"dieu-{n}")
            for i, (n, heading, text) in enumerate(ARTICLES) if f"dieu-{n}" not in leave_out]


def charter() -> Document:
    """The Charter the questions link to, with a summary of each article they rest on: the
    library's own when it has one (the starter set holds it as metadata and a summary), so a
    wrong answer's link lands on its article."""
    document = db.session.scalar(select(Document).where(Document.slug == DOCUMENT["slug"]))
    if document is None:
        document = Document(**DOCUMENT, is_summary=True, status="active")
        document.sections = [Section(position=0, level="plain", anchor="tom-tat", text=NOTE), *_articles(1, set())]
        db.session.add(document)
    elif document.is_summary:
        held = {section.anchor: section.position for section in document.sections}
        document.sections.extend(_articles(max(held.values(), default=-1) + 1, set(held)))
    db.session.flush()
    return document


def seed(ctx) -> None:
    if db.session.scalar(select(QuestionBank.id).where(QuestionBank.title == BANK_TITLE)):
        return
    document = charter()
    admin = ctx["users"]["capuy"]
    bank = QuestionBank(title=BANK_TITLE, org_id=ctx["bloc"].id, document_id=document.id, created_by_id=admin.id)
    for position, (article, text, choices, key) in enumerate(QUESTIONS, start=1):
        question = Question(position=position, kind="multiple" if "," in key else "single", text=text,
                            document_id=document.id, anchor=f"dieu-{article}")
        question.choices = [Choice(position=i, text=choice, correct=LETTERS[i] in key.split(","))
                            for i, choice in enumerate(choices)]
        bank.questions.append(question)
    db.session.add(bank)
    db.session.flush()
    now = utcnow()
    db.session.add(Quiz(title=QUIZ_TITLE, bank_id=bank.id, org_id=ctx["base"].id, question_count=10, minutes=20,
                        attempts_allowed=2, opens_at=now - timedelta(days=1), closes_at=now + timedelta(days=30),
                        set_by_id=admin.id))
    db.session.flush()
