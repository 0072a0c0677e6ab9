"""Demo of one closed year (last year): every member of both cells wrote and submitted a
commitment with some evidence and a self-review; each cell rated its members and finished.
Cell 1 is registered to become a model cell from that year.
Idempotent: a cell whose last year is finished is left alone."""

import json

from sqlalchemy import select

from handbook.extensions import db
from handbook.models_base import utcnow
from handbook.year import messages as msg
from handbook.year.access import this_year
from handbook.year.facts import facts_for, prefill
from handbook.year.models import CellYear, Commitment, CommitmentEvidence, ModelCell, Rating, SelfReview

# username: (level, conduct, comment)
RATINGS = {
    "bithu": ("good", "good", "Lãnh đạo chi bộ hoàn thành tốt kế hoạch năm, gương mẫu ở cơ quan và nơi cư trú."),
    "dangvien": ("good", "good", "Tham gia đầy đủ sinh hoạt, hoàn thành tốt nhiệm vụ chuyên môn."),
    "dangvien2": ("good", "yes", "Cần chủ động hơn trong phát biểu ý kiến tại buổi sinh hoạt."),
    "dangvien3": ("done", "yes", "Hoàn thành nhiệm vụ; cần học đầy đủ văn bản được giao."),
}
EVIDENCE = ((3, "Đọc xong Quy định 08-QĐi/TW, ghi chép những điểm áp dụng ở phòng."),
            (9, "Nhận kèm cặp một đảng viên mới về nghiệp vụ."))


def _papers(user, year: int, when) -> None:
    commitment = Commitment(user_id=user.id, year=year, cell_id=user.cell_id, body=msg.DEFAULT_COMMITMENT,
                            status="submitted", version=1, submitted_at=when, updated_at=when)
    commitment.evidence = [CommitmentEvidence(month=m, text=t) for m, t in EVIDENCE]
    facts = facts_for(user, year)
    review = SelfReview(user_id=user.id, year=year, cell_id=user.cell_id, status="submitted", version=1,
                        self_level=RATINGS[user.username][0], submitted_at=when, updated_at=when,
                        ethics="Giữ gìn phẩm chất, lối sống giản dị; không vi phạm những điều đảng viên "
                               "không được làm.",
                        exemplary="Thực hiện đủ các việc đã cam kết; minh chứng ghi theo tháng.",
                        shortcomings="Đôi lúc chưa sắp xếp được thời gian tự học; năm tới đặt lịch học cố định "
                                     "mỗi tuần.",
                        facts=json.dumps(facts.as_dict(), ensure_ascii=False), **prefill(facts))
    db.session.add_all([commitment, review])


def seed(ctx) -> None:
    year = this_year() - 1
    by = ctx["users"]["bithu"]
    when = utcnow()
    for cell in (ctx["cell1"], ctx["cell2"]):
        if db.session.scalar(select(CellYear.id).where(CellYear.cell_id == cell.id, CellYear.year == year)):
            continue
        for user in ctx["users"].values():
            if user.cell_id != cell.id or user.username not in RATINGS:
                continue
            _papers(user, year, when)
            level, conduct, comment = RATINGS[user.username]
            db.session.add(Rating(user_id=user.id, year=year, cell_id=cell.id, level=level, conduct=conduct,
                                  comment=comment, leader=user.holds_leadership_post, rated_by_id=by.id, rated_at=when))
        db.session.add(CellYear(cell_id=cell.id, year=year, finished_by_id=by.id, finished_at=when))
    if not db.session.scalar(select(ModelCell.id).where(ModelCell.cell_id == ctx["cell1"].id)):
        db.session.add(ModelCell(cell_id=ctx["cell1"].id, start_year=year, end_year=year + 2,
                                 criteria="Chi bộ bốn tốt: chính trị, sinh hoạt, đoàn kết, đảng viên tốt.",
                                 registered_by_id=ctx["users"]["capuy"].id))
    db.session.flush()
