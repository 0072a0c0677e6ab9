"""Taking a quiz: an attempt starts with its questions and choices drawn for it, saves each answer
against the server's clock, and is handed in by the member or by the clock.

The draw is seeded from the attempt's id and the server's secret, and stored: a reload shows the
same page, another member sees another order, and nobody can work out the order from the id.
"""

import hashlib
import hmac
import random
from dataclasses import dataclass
from datetime import datetime, timedelta

from flask import current_app
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from handbook.domain import DomainError
from handbook.extensions import db
from handbook.models_base import utcnow
from handbook.quiz import messages as msg
from handbook.quiz.models import LETTERS, Attempt, AttemptItem, Choice, Question, Quiz
from handbook.timefmt import vn_datetime, vn_time

# An answer the phone sent as the clock ran out is still on its way over a slow line: it is
# taken for this long after the deadline, and nothing later is.
GRACE = timedelta(seconds=5)


def now() -> datetime:
    """The server's clock, the only one an attempt is timed by."""
    return utcnow()


def _rng(attempt_id: int) -> random.Random:
    key = current_app.config["SECRET_KEY"].encode()
    digest = hmac.new(key, f"quiz-attempt:{attempt_id}".encode(), hashlib.sha256).digest()
    return random.Random(int.from_bytes(digest, "big"))


def open_attempt(user) -> Attempt | None:
    return db.session.scalar(select(Attempt).where(Attempt.user_id == user.id, Attempt.submitted_at.is_(None)))


def attempts_of(quiz: Quiz, user) -> list[Attempt]:
    return list(db.session.scalars(select(Attempt).where(Attempt.quiz_id == quiz.id, Attempt.user_id == user.id)
                                   .order_by(Attempt.number)))


def check_open(quiz: Quiz, now: datetime) -> None:
    if now < quiz.opens_at:
        raise DomainError(msg.NOT_OPEN_YET.format(time=vn_datetime(quiz.opens_at)))
    if now >= quiz.closes_at:
        raise DomainError(msg.CLOSED.format(time=vn_datetime(quiz.closes_at)))


def start(quiz: Quiz, user) -> Attempt:
    """The member's open attempt at this quiz, or a new one; refused while another quiz is open,
    outside the quiz's dates, or when the attempts allowed are used up."""
    now = utcnow()
    current = open_attempt(user)
    if current is not None and settle(current, now):
        current = None
    if current is not None:
        if current.quiz_id == quiz.id:
            return current
        raise DomainError(msg.OTHER_ATTEMPT_OPEN.format(title=current.quiz.title), status=409)
    check_open(quiz, now)
    used = db.session.scalar(select(func.count()).where(Attempt.quiz_id == quiz.id, Attempt.user_id == user.id))
    if used >= quiz.attempts_allowed:
        raise DomainError(msg.NO_ATTEMPTS_LEFT.format(allowed=quiz.attempts_allowed))
    pool = sorted(db.session.scalars(select(Question.id).where(Question.bank_id == quiz.bank_id)))
    if len(pool) < quiz.question_count:
        raise DomainError(msg.BANK_TOO_SMALL.format(count=len(pool), wanted=quiz.question_count))
    attempt = Attempt(quiz_id=quiz.id, user_id=user.id, number=used + 1, started_at=now, total=quiz.question_count,
                      deadline=min(now + timedelta(minutes=quiz.minutes), quiz.closes_at))
    try:
        with db.session.begin_nested():
            db.session.add(attempt)
            db.session.flush()
    except IntegrityError:
        # The same member started at the same moment from another tab or phone: theirs stands.
        twin = open_attempt(user)
        if twin is not None and twin.quiz_id == quiz.id:
            return twin
        raise DomainError(msg.OTHER_ATTEMPT_OPEN.format(title=twin.quiz.title if twin else quiz.title),
                          status=409) from None
    _draw(attempt, pool)
    return attempt


def _draw(attempt: Attempt, pool: list[int]) -> None:
    rng = _rng(attempt.id)
    picked = rng.sample(pool, attempt.total)
    choices: dict[int, list[int]] = {}
    for question_id, choice_id in db.session.execute(
            select(Choice.question_id, Choice.id).where(Choice.question_id.in_(picked))
            .order_by(Choice.question_id, Choice.position)):
        choices.setdefault(question_id, []).append(choice_id)
    items = []
    for position, question_id in enumerate(picked, start=1):
        order = choices[question_id]
        rng.shuffle(order)
        items.append(AttemptItem(attempt_id=attempt.id, position=position, question_id=question_id,
                                 choice_order=",".join(map(str, order))))
    db.session.add_all(items)
    db.session.flush()


def remaining_seconds(attempt: Attempt, now: datetime | None = None) -> int:
    """What the page's countdown starts from: the server's deadline, never the phone's clock."""
    return max(0, int((attempt.deadline - (now or utcnow())).total_seconds()))


def takes_answers(attempt: Attempt, now: datetime) -> bool:
    return attempt.submitted_at is None and now <= attempt.deadline + GRACE


def settle(attempt: Attempt, now: datetime | None = None) -> bool:
    """Hands in an attempt whose time ran out (at its deadline, with what was saved); True when
    it did so now. Every request on an attempt calls this first."""
    now = now or utcnow()
    if attempt.submitted_at is not None or takes_answers(attempt, now):
        return False
    finish(attempt, auto=True)
    return True


def finish(attempt: Attempt, *, auto: bool = False) -> None:
    if attempt.submitted_at is not None:
        return
    attempt.score = db.session.scalar(select(func.count()).where(AttemptItem.attempt_id == attempt.id,
                                                                 AttemptItem.correct.is_(True)))
    attempt.submitted_at = min(utcnow(), attempt.deadline) if auto else utcnow()
    attempt.auto_submitted = auto
    db.session.flush()


def finish_expired(now: datetime) -> int:
    """The scheduler's job: attempts whose members never came back are handed in, so the figures
    and the one-open-attempt rule count them. Safe to run twice."""
    late = db.session.scalars(select(Attempt).where(Attempt.submitted_at.is_(None), Attempt.deadline < now - GRACE))
    count = 0
    for attempt in late:
        count += settle(attempt, now)
    return count


def item_at(attempt: Attempt, position: int) -> AttemptItem | None:
    return db.session.scalar(select(AttemptItem).where(AttemptItem.attempt_id == attempt.id,
                                                       AttemptItem.position == position))


def answer(item: AttemptItem, letters: list[str]) -> None:
    """Saves the member's choice for one question, given as the letters shown beside the choices
    (their order is the attempt's own, so a letter says nothing of the key). An empty list clears
    the answer. The caller has settled the attempt: a closed one is refused."""
    attempt = item.attempt
    if attempt.submitted_at is not None:
        raise DomainError(msg.ALREADY_SUBMITTED.format(time=vn_time(attempt.submitted_at)), status=409)
    order = item.order
    picked: list[int] = []
    for letter in letters:
        index = LETTERS.find(letter.strip().upper()) if len(letter.strip()) == 1 else -1
        if index < 0 or index >= len(order):
            raise DomainError(msg.BAD_CHOICE.format(position=item.position))
        if order[index] not in picked:
            picked.append(order[index])
    chosen = ",".join(map(str, sorted(picked, key=order.index)))
    if chosen == item.chosen:
        return  # the same answer sent again (a retry, or the hand-in with the page's answers)
    question = item.question
    if question.kind == "single" and len(picked) > 1:
        raise DomainError(msg.ONE_CHOICE.format(position=item.position))
    key = {choice.id for choice in question.choices if choice.correct}
    item.chosen = chosen
    item.correct = bool(picked) and set(picked) == key
    item.answered_at = utcnow()
    db.session.flush()


@dataclass
class Shown:
    """A question as the attempt's page shows it: no id, no key, the choices in the drawn order."""

    position: int
    text: str
    multiple: bool
    choices: list[tuple[str, str, bool]]  # (letter, text, chosen)


def page_items(attempt: Attempt) -> list[Shown]:
    """The attempt's questions in three statements, whatever their number."""
    items = list(db.session.scalars(select(AttemptItem).where(AttemptItem.attempt_id == attempt.id)
                                    .order_by(AttemptItem.position)))
    ids = [item.question_id for item in items]
    questions = {row.id: row for row in db.session.execute(
        select(Question.id, Question.text, Question.kind).where(Question.id.in_(ids)))}
    texts = dict(db.session.execute(select(Choice.id, Choice.text).where(Choice.question_id.in_(ids))).all())
    shown = []
    for item in items:
        chosen = set(item.chosen_ids)
        question = questions[item.question_id]
        shown.append(Shown(item.position, question.text, question.kind == "multiple",
                           [(LETTERS[i], texts[cid], cid in chosen) for i, cid in enumerate(item.order)]))
    return shown
