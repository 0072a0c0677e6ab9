"""Demo of one closed year (last year): every member of both cells wrote and submitted a
commitment with some evidence and a self-review with the points they propose; each cell scored
its members under Quy định 366-QĐ/TW and finished.
Cell 1 is registered to become a model cell from that year.
Idempotent: a cell whose last year is finished is left alone."""

import json

from sqlalchemy import select

from handbook.extensions import db
from handbook.models_base import utcnow
from handbook.year import messages as msg
from handbook.year import papers, scoring
from handbook.year.access import this_year
from handbook.year.facts import facts_for, prefill
from handbook.year.models import CellYear, Commitment, CommitmentEvidence, ModelCell, Rating, SelfReview
from handbook.year.ratings import apply, decide
from handbook.year.settings import today

# username: (points decided: political, ethics, discipline, tasks; % beyond requirement; conduct;
# the cell's comment). The member proposed a little more on each, as members do.
RATINGS = {
    "bithu": ((9, 9, 9, 62), 20, "good",
              "Lãnh đạo chi bộ hoàn thành tốt kế hoạch năm, gương mẫu ở cơ quan và nơi cư trú."),
    "dangvien": ((9, 9, 8.5, 60), 10, "good", "Tham gia đầy đủ sinh hoạt, hoàn thành tốt nhiệm vụ chuyên môn."),
    "dangvien2": ((8, 8, 8, 55), 0, "yes", "Cần chủ động hơn trong phát biểu ý kiến tại buổi sinh hoạt."),
    "dangvien3": ((7, 7, 7, 45), 0, "yes", "Hoàn thành nhiệm vụ; cần học đầy đủ văn bản được giao."),
}


def _typed(values) -> dict[str, str]:
    return {group: str(value) for group, value in zip(scoring.GROUPS, values, strict=True)}
EVIDENCE = ((3, "Đọc xong Quy định 08-QĐi/TW, ghi chép những điểm áp dụng ở phòng."),
            (9, "Nhận kèm cặp một đảng viên mới về nghiệp vụ."))


def _papers(user, year: int, when) -> None:
    commitment = Commitment(user_id=user.id, year=year, cell_id=user.cell_id, body=msg.DEFAULT_COMMITMENT,
                            status="submitted", version=1, submitted_at=when, updated_at=when)
    commitment.evidence = [CommitmentEvidence(month=m, text=t) for m, t in EVIDENCE]
    facts = facts_for(user, year)
    proposed = {f"proposed_{group}": str(min(value + 1, 10 if group != "tasks" else 70))
                for group, value in zip(scoring.GROUPS, RATINGS[user.username][0], strict=True)}
    review = SelfReview(user_id=user.id, year=year, cell_id=user.cell_id, status="submitted", version=1,
                        rule=scoring.RULE_366, kind=scoring.default_kind(user.holds_leadership_post),
                        proposed_beyond=str(RATINGS[user.username][1]), **proposed,
                        submitted_at=when, updated_at=when,
                        ethics="Giữ gìn phẩm chất, lối sống giản dị; không vi phạm những điều đảng viên "
                               "không được làm.",
                        exemplary="Thực hiện đủ các việc đã cam kết; minh chứng ghi theo tháng.",
                        shortcomings="Đôi lúc chưa sắp xếp được thời gian tự học; năm tới đặt lịch học cố định "
                                     "mỗi tuần.",
                        leadership="Giữ nền nếp sinh hoạt chi bộ; phòng hoàn thành kế hoạch năm."
                        if user.holds_leadership_post else "",
                        facts=json.dumps(facts.as_dict(), ensure_ascii=False), **prefill(facts))
    review.user = user
    review.self_level = papers.proposal(review, facts.as_dict()).level or ""
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
            values, beyond, conduct, comment = RATINGS[user.username]
            decision = decide(user, year, points=_typed(values), beyond=str(beyond), conduct=conduct, on=today())
            rating = Rating(user_id=user.id, year=year, cell_id=cell.id, leader=user.holds_leadership_post,
                            rated_by_id=by.id, rated_at=when)
            apply(rating, decision, conduct, comment)
            db.session.add(rating)
        db.session.add(CellYear(cell_id=cell.id, year=year, finished_by_id=by.id, finished_at=when))
    if not db.session.scalar(select(ModelCell.id).where(ModelCell.cell_id == ctx["cell1"].id)):
        db.session.add(ModelCell(cell_id=ctx["cell1"].id, start_year=year, end_year=year + 2,
                                 criteria="Chi bộ bốn tốt: chính trị, sinh hoạt, đoàn kết, đảng viên tốt.",
                                 registered_by_id=ctx["users"]["capuy"].id))
    db.session.flush()
