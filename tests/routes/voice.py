"""The members' voice. The demo has dangvien's question to cell 1 answered by its secretary and
in cell 1's FAQ without his name; the walk adds an open and an answered question of dangvien2
to cell 1 where it needs one. The committee account (of the bloc) reads and answers what is
sent below it, but belongs to no cell, so it asks nothing."""

from sqlalchemy import select

from handbook.extensions import db
from handbook.voice.demo import QUESTIONS
from handbook.voice.models import MemberQuestion
from tests.routes import Rule, expect


def demo_question(w) -> int:
    """dangvien's question to cell 1, answered and in the cell's FAQ."""
    return db.session.scalar(select(MemberQuestion.id).where(MemberQuestion.subject == QUESTIONS[0][3]))


def new_question(w, answered: bool = False) -> int:
    """A question of dangvien2 to cell 1, made for the walk."""
    author, cell = w["users"]["dangvien2"], w["cell1"]
    question = MemberQuestion(author_id=author.id, cell_id=cell.id, sent_to_id=cell.id, org_id=cell.id,
                              subject="Câu hỏi thử", body="Nội dung thử", status="answered" if answered else "open",
                              answer="Trả lời thử" if answered else "")
    db.session.add(question)
    db.session.commit()
    return question.id


RECEIVERS = expect(member=404, secretary=302, admin=302)
QUESTION = {"subject": "Hỏi thử", "body": "Nội dung câu hỏi", "kind": "question"}

RULES = [
    Rule("voice.mine", "GET", lambda w: "/questions", expect()),
    Rule("voice.ask", "GET", lambda w: "/questions/new", expect(admin=404)),
    # To the base committee, above both demo cells: every member may write to it.
    Rule("voice.ask", "POST", lambda w: "/questions/new", expect(member=302, admin=404),
         data=lambda w: {**QUESTION, "to_org": str(w["base"].id)}),
    Rule("voice.show", "GET", lambda w: f"/questions/{demo_question(w)}", expect(other_member=404)),
    Rule("voice.answer", "POST", lambda w: f"/questions/{new_question(w)}/answer", RECEIVERS,
         data=lambda w: {"answer": "Trả lời"}),
    Rule("voice.forward", "POST", lambda w: f"/questions/{new_question(w)}/forward", RECEIVERS,
         data=lambda w: {"org_id": str(w["base"].id)}),
    Rule("voice.inbox", "GET", lambda w: "/questions/inbox", expect(member=404, secretary=200, admin=200)),
    Rule("voice.faq_list", "GET", lambda w: "/questions/faq", expect()),
    Rule("voice.faq_entry", "GET", lambda w: f"/questions/faq/{demo_question(w)}", expect(other_member=404)),
    Rule("voice.publish", "POST", lambda w: f"/questions/{new_question(w, answered=True)}/publish", RECEIVERS,
         data=lambda w: {"faq_subject": "Hỏi đáp thử", "faq_body": "Câu hỏi đăng"}),
    Rule("voice.unpublish", "POST", lambda w: f"/questions/{demo_question(w)}/unpublish", RECEIVERS),
]
