"""Quiz test helpers: a document of numbered articles, a bank of questions on it, a quiz, a clock
the tests move by hand, and reading an attempt's page the way a phone gets it."""

import re
from datetime import timedelta

from sqlalchemy import select

from handbook.extensions import db
from handbook.library.models import Document, Section
from handbook.models_base import utcnow
from handbook.quiz import attempts as attempts_module
from handbook.quiz.models import Attempt, AttemptItem, Choice, Question, QuestionBank, Quiz

HTMX = {"HX-Request": "true"}


def regulation(articles: int = 12, slug: str = "quy-dinh-on-tap", org=None) -> Document:
    """A regulation of `articles` numbered articles (the one already made under `slug`, if any)."""
    found = db.session.scalar(select(Document).where(Document.slug == slug))
    if found is not None:
        return found
    document = Document(number="77-QĐ/ĐUK", doc_type="Quy định", title="Quy định thử để ôn tập", slug=slug,
                        org_id=org.id if org else None)
    document.sections = [Section(position=n, level="dieu", number=str(n), heading=f"Nội dung số {n}",
                                 text=f"Điều thứ {n} nói về việc số {n}.", anchor=f"dieu-{n}")
                         for n in range(1, articles + 1)]
    db.session.add(document)
    db.session.commit()
    return document


def bank(org, questions: int = 12, document: Document | None = None, title: str = "Ngân hàng thử",
         multiple_every: int = 4) -> QuestionBank:
    """`questions` questions on `document`'s articles, each with four choices; choice "C" of each
    is right (and "A" too on every `multiple_every`-th, a multiple-choice question)."""
    document = document or regulation(max(questions, 1))
    found = QuestionBank(title=title, org_id=org.id, document_id=document.id)
    for n in range(1, questions + 1):
        multiple = multiple_every and n % multiple_every == 0
        question = Question(position=n, kind="multiple" if multiple else "single", document_id=document.id,
                            text=f"Câu hỏi thử số {n} về điều {n}?", anchor=f"dieu-{n}")
        question.choices = [Choice(position=i, text=f"Phương án {letter} của câu {n}",
                                   correct=letter == "C" or (multiple and letter == "A"))
                            for i, letter in enumerate("ABCD")]
        found.questions.append(question)
    db.session.add(found)
    db.session.commit()
    return found


def quiz(org, bank_: QuestionBank, *, count: int = 5, minutes: int = 10, attempts: int = 1, leaders_only=False,
         opens_in=timedelta(days=-1), closes_in=timedelta(days=7), title: str = "Kiểm tra thử") -> Quiz:
    now = utcnow()
    found = Quiz(title=title, bank_id=bank_.id, org_id=org.id, question_count=count, minutes=minutes,
                 attempts_allowed=attempts, leaders_only=leaders_only, opens_at=now + opens_in,
                 closes_at=now + closes_in)
    db.session.add(found)
    db.session.commit()
    return found


class Clock:
    """The server's clock for the quiz, moved by the test: `clock.advance(minutes=5)`."""

    def __init__(self, monkeypatch):
        self.now = utcnow()
        monkeypatch.setattr(attempts_module, "utcnow", lambda: self.now)

    def advance(self, **delta) -> None:
        self.now += timedelta(**delta)


def start(client, quiz_: Quiz) -> int:
    """Starts an attempt as the logged-in member; returns its id."""
    response = client.post(f"/quiz/{quiz_.id}/start")
    assert response.status_code == 302, response.status
    match = re.search(r"/quiz/attempts/(\d+)$", response.headers["Location"])
    assert match, response.headers["Location"]
    return int(match.group(1))


def shown_questions(html: str) -> list[str]:
    return re.findall(r'<span class="question-number">Câu \d+\.</span> ([^<]+)</legend>', html)


def shown_choices(html: str) -> list[str]:
    return re.findall(r'<span class="choice-letter">[A-F]\.</span> <span>([^<]+)</span>', html)


def key_letters(attempt_id: int, position: int) -> list[str]:
    """The letters the page shows beside the right choices of a question (read on the server)."""
    item = db.session.scalar(select(AttemptItem).where(AttemptItem.attempt_id == attempt_id,
                                                       AttemptItem.position == position))
    right = set(db.session.scalars(select(Choice.id).where(Choice.question_id == item.question_id,
                                                           Choice.correct.is_(True))))
    return ["ABCDEF"[i] for i, cid in enumerate(item.order) if cid in right]


def wrong_letter(attempt_id: int, position: int) -> str:
    right = key_letters(attempt_id, position)
    return next(letter for letter in "ABCD" if letter not in right)


def attempt(attempt_id: int) -> Attempt:
    db.session.expire_all()
    return db.session.get(Attempt, attempt_id)
