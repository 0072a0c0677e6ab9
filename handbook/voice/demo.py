"""Demo of the members' voice: four questions and opinions of the demo's members. Three are
answered — one (about an article of Quy định 08-QĐi/TW) is in cell 1's FAQ without its
asker's name, one in the base committee's FAQ with the name its asker allowed — and one waits
for the committee's answer. Idempotent: a member's question is found again by its subject."""

from datetime import timedelta

from sqlalchemy import select

from handbook.extensions import db
from handbook.library.models import Document, Section
from handbook.meetings.models import Meeting
from handbook.meetings.status import Status
from handbook.models_base import utcnow
from handbook.voice.models import MemberQuestion

# (author, to: "cell" or "base", kind, subject, body, days ago, answer (or None), answerer, FAQ: None,
# "cell" or "base", name consent)
QUESTIONS = [
    ("dangvien", "cell", "question", "Tự nhận việc làm theo ở nơi cư trú thế nào cho đúng?",
     "Tôi ở khu tập thể cơ quan cũ. Việc tham gia tổ dân phố có được ghi là việc làm theo ở nơi cư trú "
     "trong bản cam kết không, và ghi cụ thể đến mức nào?", 12,
     "Được. Đồng chí ghi rõ việc, thời gian và người ở tổ dân phố có thể xác nhận; mỗi quý ghi một dòng "
     "minh chứng vào Năm của tôi. Chi ủy sẽ xin ý kiến tổ dân phố khi đánh giá cuối năm.", "bithu", "cell", False),
    ("dangvien2", "base", "opinion", "Đề nghị gửi tài liệu sinh hoạt chuyên đề sớm hơn",
     "Tài liệu chuyên đề quý trước đến tay chúng tôi chỉ một ngày trước buổi họp, nhiều đồng chí chưa kịp "
     "đọc. Đề nghị cấp ủy gửi trước ít nhất ba ngày.", 20,
     "Cấp ủy tiếp thu. Từ quý này tài liệu chuyên đề được đưa lên Sổ tay chậm nhất năm ngày trước buổi "
     "sinh hoạt; chi bộ nào chưa nhận được xin báo văn phòng.", "capuy", "base", True),
    ("dangvien3", "cell", "question", "Chuyển sinh hoạt tạm thời khi đi học dài hạn",
     "Tháng sau tôi đi học tập trung sáu tháng ở Hà Nội. Tôi có phải chuyển sinh hoạt tạm thời không?", 6,
     "Có. Khóa học từ ba tháng trở lên thì đồng chí làm thủ tục chuyển sinh hoạt tạm thời; mang giấy "
     "giới thiệu của chi bộ đến nơi học trong mười ngày đầu.", "capuy", None, False),
    ("dangvien", "base", "question", "Lịch học nghị quyết năm nay của đảng bộ",
     "Xin cho biết đảng bộ tổ chức học nghị quyết mới vào tháng nào để chi bộ sắp xếp công tác.", 2,
     None, None, None, False),
]


def _article() -> Section | None:
    return db.session.scalar(select(Section).join(Document).where(Document.slug == "08-qdi-tw",
                                                                  Section.anchor == "dieu-3"))


def seed(ctx) -> None:
    users, now = ctx["users"], utcnow()
    orgs = {"cell": None, "base": ctx["base"]}
    article = _article()
    held = db.session.scalar(select(Meeting).where(Meeting.cell_id == ctx["cell2"].id, Meeting.status == Status.CLOSED))
    for author_name, to, kind, subject, body, days, answer, answerer, faq, consent in QUESTIONS:
        author = users[author_name]
        if db.session.scalar(select(MemberQuestion.id).where(MemberQuestion.author_id == author.id,
                                                             MemberQuestion.subject == subject)):
            continue
        sent_to = orgs[to] or author.cell
        asked = now - timedelta(days=days)
        question = MemberQuestion(author_id=author.id, cell_id=author.cell_id, sent_to_id=sent_to.id,
                                  org_id=sent_to.id, kind=kind, subject=subject, body=body, created_at=asked,
                                  name_consent=consent, status="open")
        if author_name == "dangvien" and to == "cell" and article is not None:
            question.section_id = article.id
            question.about = f"{article.display_name}, {article.document.doc_type} {article.document.number}"
        if author_name == "dangvien3" and held is not None:
            # Answered by the committee above: cell 2 has no secretary in the demo.
            question.meeting_id, question.about = held.id, f"Buổi sinh hoạt “{held.title}”"
        if answer:
            question.status, question.answer = "answered", answer
            question.answered_by_id, question.answered_at = users[answerer].id, asked + timedelta(hours=9 * days)
        if faq:
            faq_org = orgs[faq] or author.cell
            question.faq_org_id, question.faq_subject, question.faq_body = faq_org.id, subject, body
            question.published_at = question.answered_at + timedelta(hours=2)
        db.session.add(question)
    db.session.flush()
