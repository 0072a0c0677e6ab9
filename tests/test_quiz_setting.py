"""Setting quizzes and reading their figures: a committee for its subtree, a secretary for their
cell; participation and score bands per cell, on screen and as CSV."""

import csv
import io
from datetime import timedelta

from sqlalchemy import func, select

from handbook.audit import AuditEntry
from handbook.extensions import db
from handbook.models_base import utcnow
from handbook.quiz import messages as msg
from handbook.quiz.models import Quiz
from handbook.timefmt import to_vn
from tests import quiz_factories as qf
from tests.conftest import text_of


def _when(**delta) -> str:
    return f"{to_vn(utcnow() + timedelta(**delta)):%Y-%m-%dT%H:%M}"


def _form(bank, org, **overrides) -> dict:
    return {"title": "Kiểm tra tháng", "bank_id": bank.id, "org_id": org.id, "question_count": "5",
            "minutes": "15", "attempts_allowed": "2", "opens_at": _when(), "closes_at": _when(days=3), **overrides}


def _quizzes() -> int:
    return db.session.scalar(select(func.count()).select_from(Quiz))


def test_a_secretary_sets_a_quiz_for_their_cell_on_the_committees_bank(client, auth, world):
    bank = qf.bank(world["bloc"])  # kept by the committee above the cell
    auth.login("bithu")
    response = client.post("/quiz/new", data=_form(bank, world["cell1"]))
    quiz = db.session.scalar(select(Quiz).where(Quiz.title == "Kiểm tra tháng"))
    assert response.headers["Location"].endswith(f"/quiz/{quiz.id}")
    assert (quiz.org_id, quiz.question_count, quiz.minutes, quiz.attempts_allowed) == (world["cell1"].id, 5, 15, 2)
    assert db.session.scalar(select(AuditEntry.action).where(AuditEntry.target_type == "quiz",
                                                            AuditEntry.target_id == quiz.id)) == "quiz.set"
    auth.logout()
    auth.login("dangvien")
    assert "Kiểm tra tháng" in text_of(client.get("/"))


def test_a_quiz_that_breaks_a_rule_is_refused_with_a_sentence_and_not_set(client, auth, world):
    bank = qf.bank(world["cell1"], questions=6)
    other_cells_bank = qf.bank(world["cell2"], title="Của chi bộ khác")
    auth.login("bithu")
    before = _quizzes()
    cases = [
        (_form(bank, world["cell2"]), msg.ORG_NOT_YOURS),
        (_form(other_cells_bank, world["cell1"]), msg.BANK_NOT_USABLE),
        (_form(bank, world["cell1"], question_count="7"), msg.COUNT_TOO_BIG.format(bank=bank.title, count=6)),
        (_form(bank, world["cell1"], closes_at=_when(hours=-1)), msg.CLOSES_BEFORE_OPENS),
        (_form(bank, world["cell1"], opens_at=_when(days=-3), closes_at=_when(days=-1)), msg.CLOSES_IN_PAST),
        (_form(bank, world["cell1"], opens_at="hôm qua"), "Ngày giờ không hợp lệ"),
        (_form(bank, world["cell1"], minutes="0"), "Nhập một số từ 1 đến 600."),
        (_form(bank, world["cell1"], title="  "), msg.TITLE_MISSING),
    ]
    for data, message in cases:
        response = client.post("/quiz/new", data=data)
        assert response.status_code == 422 and message in text_of(response), message
    assert _quizzes() == before


def test_members_neither_set_quizzes_nor_keep_banks(client, auth, world):
    auth.login("dangvien")
    assert client.get("/quiz/new").status_code == 404
    assert client.get("/quiz/manage").status_code == 404
    assert client.post("/quiz/banks", data={"title": "x", "org_id": world["cell1"].id}).status_code == 404


def _sat(client, auth, username: str, quiz, right: int) -> None:
    """`username` takes `quiz` and answers its first `right` questions right, the rest wrong."""
    auth.login(username)
    attempt_id = qf.start(client, quiz)
    answers = {f"a{p}": qf.key_letters(attempt_id, p) if p <= right else [qf.wrong_letter(attempt_id, p)]
               for p in range(1, quiz.question_count + 1)}
    client.post(f"/quiz/attempts/{attempt_id}/submit", data={"answers": "1", **answers})
    auth.logout()


def _cells(*values) -> str:
    return "".join(f"<td>{value}</td>" for value in values)


def test_the_committee_reads_participation_and_score_bands_per_cell(client, auth, world):
    quiz = qf.quiz(world["base"], qf.bank(world["bloc"], questions=10), count=10)
    _sat(client, auth, "dangvien", quiz, 8)
    _sat(client, auth, "dangvien2", quiz, 2)
    auth.login("capuy")
    page = client.get(f"/quiz/{quiz.id}/stats")
    shown = text_of(page)
    assert "2/4 đảng viên đã làm (50%)" in shown
    table = page.get_data(as_text=True).split('id="theo-chi-bo"')[1]
    # must, finished, share, then the bands: below 50%, 50–69%, 70–89%, 90% and above
    assert "Phòng Công nghệ thông tin</th>" + _cells(3, 2, "67%", 1, 0, 1, 0) in table
    assert "Chi bộ Văn phòng Sở</th>" + _cells(1, 0, "0%", 0, 0, 0, 0) in table
    exported = client.get(f"/quiz/{quiz.id}/stats.csv")
    rows = list(csv.reader(io.StringIO(exported.get_data(as_text=True).lstrip("\ufeff"))))
    assert ["Tổng số", "4", "2", "50%", "1", "0", "1", "0"] in rows
    cell = text_of(client.get(f"/quiz/{quiz.id}/stats?org={world['cell1'].id}"))
    assert "Lê Văn Đức: đúng 8/10 (80%), 1 lượt" in cell and "Nguyễn Thị Bích" in cell and "chưa làm" in cell


def test_a_secretary_reads_only_their_cells_figures(client, auth, world):
    quiz = qf.quiz(world["base"], qf.bank(world["bloc"]))
    auth.login("bithu")
    assert "Chi bộ Phòng Công nghệ thông tin" in text_of(client.get(f"/quiz/{quiz.id}/stats"))
    assert "Chi bộ Văn phòng Sở" not in text_of(client.get(f"/quiz/{quiz.id}/stats"))
    assert client.get(f"/quiz/{quiz.id}/stats?org={world['cell2'].id}").status_code == 404
    assert client.get(f"/quiz/{quiz.id}/stats.csv?org={world['base'].id}").status_code == 404
    auth.logout()
    auth.login("dangvien")
    assert client.get(f"/quiz/{quiz.id}/stats").status_code == 404


def test_an_attempt_whose_time_ran_out_counts_with_what_it_saved(client, auth, world, monkeypatch):
    clock = qf.Clock(monkeypatch)
    quiz = qf.quiz(world["cell1"], qf.bank(world["cell1"]), count=5, minutes=5)
    auth.login("dangvien")
    attempt_id = qf.start(client, quiz)
    client.post(f"/quiz/attempts/{attempt_id}/answers/1", data={"a1": qf.key_letters(attempt_id, 1)},
                headers=qf.HTMX)
    auth.logout()
    clock.advance(minutes=6)  # the member closed the phone; nobody handed it in yet
    monkeypatch.setattr("handbook.quiz.stats.utcnow", lambda: clock.now)
    auth.login("bithu")
    assert "Lê Văn Đức: đúng 1/5 (20%), 1 lượt" in text_of(client.get(f"/quiz/{quiz.id}/stats"))


def test_a_quiz_for_leaders_counts_only_leaders(client, auth, world):
    quiz = qf.quiz(world["base"], qf.bank(world["bloc"]), leaders_only=True)
    auth.login("capuy")
    assert "0/1 đảng viên đã làm" in text_of(client.get(f"/quiz/{quiz.id}/stats"))  # bithu alone
