"""Factories of the members' voice and good examples: a question as a member sends it, an
example as a cell registers it, and images of each kind the photo check knows."""

from datetime import date, timedelta

from handbook.examples.models import GoodExample
from handbook.extensions import db
from handbook.models_base import utcnow
from handbook.voice.models import MemberQuestion

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 40
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 40
WEBP = b"RIFF\x20\x00\x00\x00WEBPVP8 " + b"\x00" * 40


def question(author, to, *, subject: str = "Câu hỏi", body: str = "Nội dung", status: str = "open",
             answer: str = "", asked_days_ago: float = 1, answered_after_hours: float | None = None,
             handler=None) -> MemberQuestion:
    asked = utcnow() - timedelta(days=asked_days_ago)
    found = MemberQuestion(author_id=author.id, cell_id=author.cell_id, sent_to_id=to.id,
                           org_id=(handler or to).id, subject=subject, body=body, status=status, answer=answer,
                           created_at=asked)
    if answered_after_hours is not None:
        found.status, found.answer = "answered", answer or "Trả lời"
        found.answered_at = asked + timedelta(hours=answered_after_hours)
    db.session.add(found)
    db.session.commit()
    return found


def example(org, *, member=None, title: str = "Việc tốt", status: str = "pending",
            happened_on: date | None = None) -> GoodExample:
    found = GoodExample(org_id=org.id, member_id=member.id if member else None,
                        person=member.full_name if member else "Người tốt", title=title,
                        happened_on=happened_on or date.today() - timedelta(days=1), status=status,
                        reviewed_at=utcnow() if status == "approved" else None)
    db.session.add(found)
    db.session.commit()
    return found
