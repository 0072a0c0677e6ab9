"""The FAQ (hỏi đáp chung): answered questions an organisation publishes to its subtree, without
the asker's name unless they agreed, and the lists members read. Services flush; the view
commits."""

from sqlalchemy import func, select
from sqlalchemy.orm import joinedload

from handbook.audit import record
from handbook.domain import DomainError
from handbook.extensions import db
from handbook.models_base import utcnow
from handbook.voice import messages as msg
from handbook.voice.access import faq_clause, faq_targets
from handbook.voice.forms import MAX_BODY
from handbook.voice.models import MemberQuestion


def publish(question: MemberQuestion, org_id: int | None, subject: str, body: str, by) -> None:
    """Publishes the answered question, in the words given (the publisher may leave out anything
    that would tell who asked), to the subtree of `org_id`: the answering organisation by default."""
    if question.status != "answered":
        raise DomainError(msg.NOT_ANSWERED)
    wanted = org_id or question.org_id
    target = next((org for org in faq_targets(by, question) if org.id == wanted), None)
    if target is None:
        raise DomainError(msg.BAD_FAQ_ORG, field="faq_org")
    subject = " ".join((subject or "").split())[:200]
    body = (body or "").replace("\r\n", "\n").strip()[:MAX_BODY]
    if not subject:
        raise DomainError(msg.FAQ_SUBJECT_EMPTY, field="faq_subject")
    if not body:
        raise DomainError(msg.FAQ_BODY_EMPTY, field="faq_body")
    question.faq_org_id, question.faq_org = target.id, target
    question.faq_subject, question.faq_body, question.published_at = subject, body, utcnow()
    db.session.flush()
    record("faq.published", org=target, target=question, actor=by,
           summary=f"Đưa {question.kind_label.lower()} số {question.id} vào mục hỏi đáp của {target.name}")


def unpublish(question: MemberQuestion, by) -> None:
    """Takes the entry out of the FAQ; only someone who answers for the organisation whose FAQ it
    is in (a cell's secretary cannot take an entry out of the committee's FAQ above)."""
    if not question.published:
        raise DomainError(msg.NOT_PUBLISHED)
    if all(org.id != question.faq_org_id for org in faq_targets(by, question)):
        raise DomainError(msg.NOT_YOUR_FAQ)
    org = question.faq_org
    question.faq_org_id, question.faq_org, question.published_at = None, None, None
    db.session.flush()
    record("faq.unpublished", org=org, target=question, actor=by,
           summary=f"Gỡ {question.kind_label.lower()} số {question.id} khỏi mục hỏi đáp của {org.name}")


def faq_page(user, page: int, per_page: int) -> tuple[list[MemberQuestion], int]:
    """The FAQ entries that reach `user`, newest first."""
    query = select(MemberQuestion).where(faq_clause(user))
    total = db.session.scalar(select(func.count()).select_from(query.subquery()))
    rows = db.session.scalars(query.order_by(MemberQuestion.published_at.desc(), MemberQuestion.id.desc())
                              .options(joinedload(MemberQuestion.faq_org))
                              .limit(per_page).offset((page - 1) * per_page))
    return list(rows), total


def asked_by(question: MemberQuestion) -> str:
    """Who asked, as the FAQ says it: the name only with the member's consent."""
    if question.name_consent and question.author is not None:
        return msg.ASKED_BY_NAME.format(name=question.author.full_name)
    return msg.ASKED_BY_NOBODY
