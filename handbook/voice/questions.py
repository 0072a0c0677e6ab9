"""Asking, answering and forwarding a member's question or opinion. Services flush; the view
commits. The audit log names the question, never its words: they are the member's and the
receiver's alone."""

from flask import url_for
from sqlalchemy import func, select
from sqlalchemy.orm import joinedload

from handbook.audit import record
from handbook.domain import DomainError
from handbook.extensions import db
from handbook.library.access import cell_section
from handbook.meetings.access import own_cell_meetings
from handbook.meetings.notify import notify_people
from handbook.models_base import utcnow
from handbook.timefmt import to_vn, vn_date, vn_datetime
from handbook.voice import messages as msg
from handbook.voice.access import addressees, forward_targets
from handbook.voice.forms import MAX_BODY
from handbook.voice.models import KIND_LABELS, MemberQuestion

RECENT_MEETINGS = 12


def own_meetings(user) -> list:
    """The meetings of the member's cell they may see, newest first: what a question may be about."""
    return own_cell_meetings(user, RECENT_MEETINGS)


def meeting_label(meeting) -> str:
    return f"{meeting.title} ({vn_date(to_vn(meeting.starts_at))})"


def _text(value: str | None, limit: int) -> str:
    return (value or "").replace("\r\n", "\n").strip()[:limit]


def ask(author, *, to_org_id: int, kind: str, subject: str, body: str, section_id=None, meeting_id: int = 0,
        name_consent: bool = False) -> MemberQuestion:
    if author.cell is None:
        raise DomainError(msg.NO_CELL)
    to = next((org for org in addressees(author) if org.id == to_org_id), None)
    if to is None:
        raise DomainError(msg.BAD_ADDRESSEE, field="to_org")
    if kind not in KIND_LABELS:
        raise DomainError(msg.BAD_KIND, field="kind")
    subject, body = " ".join((subject or "").split())[:200], _text(body, MAX_BODY)
    if not subject:
        raise DomainError(msg.SUBJECT_EMPTY, field="subject")
    if not body:
        raise DomainError(msg.BODY_EMPTY, field="body")
    about, section, meeting = [], None, None
    if section_id:
        section = cell_section(author.cell, section_id)
        if section is None:
            raise DomainError(msg.BAD_SECTION, field="body")
        about.append(f"{section.display_name}, {section.document.doc_type} {section.document.number}")
    if meeting_id:
        meeting = next((m for m in own_meetings(author) if m.id == meeting_id), None)
        if meeting is None:
            raise DomainError(msg.BAD_MEETING, field="meeting_id")
        about.append(f"Buổi sinh hoạt “{meeting_label(meeting)}”")
    question = MemberQuestion(
        author_id=author.id, cell_id=author.cell_id, sent_to_id=to.id, org_id=to.id, kind=kind, subject=subject,
        body=body, section_id=section.id if section else None, meeting_id=meeting.id if meeting else None,
        about="; ".join(about)[:300], name_consent=bool(name_consent), status="open", created_at=utcnow())
    db.session.add(question)
    db.session.flush()
    return question


def answer(question: MemberQuestion, text: str, by) -> None:
    """Answers once; the author is told in the app and, if they allowed it, on their phone. The
    notice names who answered and when it was sent, never the question's words."""
    if question.status == "answered":
        raise DomainError(msg.ALREADY_ANSWERED.format(time=vn_datetime(question.answered_at)), status=409)
    text = _text(text, MAX_BODY)
    if not text:
        raise DomainError(msg.ANSWER_EMPTY, field="answer")
    question.answer, question.status = text, "answered"
    question.answered_by_id, question.answered_at = by.id, utcnow()
    db.session.flush()
    record("question.answered", org=question.org, target=question, actor=by,
           summary=f"Trả lời {question.kind_label.lower()} số {question.id} gửi {question.sent_to.name}")
    if question.author_id != by.id:
        notify_people([question.author_id], "answer",
                      msg.NOTIFY_ANSWER.format(org=question.org.name, kind=question.kind_label.lower(),
                                               date=vn_date(to_vn(question.created_at))),
                      url_for("voice.show", question_id=question.id))


def forward(question: MemberQuestion, org_id: int, by) -> None:
    """Sends an unanswered question up; whoever it was written to still reads it."""
    if question.status == "answered":
        raise DomainError(msg.ALREADY_ANSWERED.format(time=vn_datetime(question.answered_at)), status=409)
    target = next((org for org in forward_targets(question) if org.id == org_id), None)
    if target is None:
        raise DomainError(msg.BAD_FORWARD, field="org_id")
    before = question.org.name
    question.org_id, question.org, question.forwarded_at = target.id, target, utcnow()
    db.session.flush()
    record("question.forwarded", org=target, target=question, actor=by,
           summary=f"Chuyển {question.kind_label.lower()} số {question.id} từ {before} lên {target.name}")


def own_questions(user, page: int, per_page: int) -> tuple[list[MemberQuestion], int]:
    query = select(MemberQuestion).where(MemberQuestion.author_id == user.id)
    total = db.session.scalar(select(func.count()).select_from(query.subquery()))
    rows = db.session.scalars(query.order_by(MemberQuestion.created_at.desc(), MemberQuestion.id.desc())
                              .options(joinedload(MemberQuestion.sent_to), joinedload(MemberQuestion.org))
                              .limit(per_page).offset((page - 1) * per_page))
    return list(rows), total
