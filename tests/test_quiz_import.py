"""A question bank filled from a CSV file: every row checked with a clear Vietnamese problem, then
all the questions added or none."""

import io
import re

from sqlalchemy import func, select

from handbook.extensions import db
from handbook.quiz import messages as msg
from handbook.quiz.models import Choice, Question, QuestionBank
from tests import quiz_factories as qf
from tests.conftest import text_of

HEADER = "Văn bản;Điều;Câu hỏi;Phương án A;Phương án B;Phương án C;Phương án D;Đáp án đúng;Loại câu hỏi\n"


def _bank(world, **fields) -> QuestionBank:
    document = qf.regulation(6)
    bank = QuestionBank(title="Ôn tập quy định", org_id=world["cell1"].id, **fields)
    db.session.add(bank)
    db.session.commit()
    return bank, document


def _upload(client, bank_id: int, text: str):
    data = {"file": (io.BytesIO(text.encode("utf-8-sig")), "cau-hoi.csv")}
    return client.post(f"/quiz/banks/{bank_id}/import", data=data, content_type="multipart/form-data")


def _count(bank: QuestionBank) -> int:
    return db.session.scalar(select(func.count()).where(Question.bank_id == bank.id))


GOOD = (HEADER
        + "77-QĐ/ĐUK;Điều 2;Thời kỳ dự bị là bao lâu?;6 tháng;12 tháng;18 tháng;;B;một lựa chọn\n"
        + "quy-dinh-on-tap;dieu-3;Những quyền nào đảng viên dự bị không có?;Biểu quyết;Ứng cử;Được thông tin;;A, B;\n")


def test_a_good_file_is_previewed_then_every_question_is_added(client, auth, world):
    bank, document = _bank(world)
    auth.login("bithu")
    preview = _upload(client, bank.id, GOOD)
    assert preview.status_code == 200 and "Nhập 2 câu hỏi" in text_of(preview)
    assert _count(bank) == 0  # nothing written by the preview
    token = preview.get_data(as_text=True).split('name="token" value="')[1].split('"')[0]
    done = client.post(f"/quiz/banks/{bank.id}/import/confirm", data={"token": token}, follow_redirects=True)
    assert msg.IMPORTED.format(count=2, bank=bank.title) in text_of(done)
    questions = db.session.scalars(select(Question).where(Question.bank_id == bank.id)
                                   .order_by(Question.position)).all()
    assert [(q.kind, q.anchor, q.document_id) for q in questions] == [("single", "dieu-2", document.id),
                                                                      ("multiple", "dieu-3", document.id)]
    assert [[c.correct for c in q.choices] for q in questions] == [[False, True, False], [True, True, False]]
    # The same file again: every question is already there, and nothing is added twice.
    again = _upload(client, bank.id, GOOD)
    assert again.status_code == 200 and text_of(again).count(msg.ROW_IN_BANK) == 2


def test_each_bad_row_gets_its_own_problem_and_nothing_is_added(client, auth, world):
    bank, _document = _bank(world)
    auth.login("bithu")
    rows = {
        "77-QĐ/ĐUK;Điều 1;;Có;Không;;;A;": msg.ROW_QUESTION_MISSING,
        "77-QĐ/ĐUK;Điều 1;Chỉ một phương án?;Có;;;;A;": msg.ROW_TOO_FEW_CHOICES,
        "77-QĐ/ĐUK;Điều 1;Thiếu phương án B?;Có;;Không;;A;": msg.ROW_CHOICE_GAP.format(letter="B"),
        "77-QĐ/ĐUK;Điều 1;Chưa có đáp án?;Có;Không;;;;": msg.ROW_ANSWER_MISSING,
        "77-QĐ/ĐUK;Điều 1;Đáp án lạ?;Có;Không;;;1;": msg.ROW_ANSWER_SHAPE.format(value="1"),
        "77-QĐ/ĐUK;Điều 1;Đáp án không có phương án?;Có;Không;;;D;": msg.ROW_ANSWER_NO_CHOICE.format(letter="D"),
        "77-QĐ/ĐUK;Điều 1;Một lựa chọn mà hai đáp án?;Có;Không;;;A,B;một lựa chọn":
            msg.ROW_SINGLE_MANY.format(letters="A, B"),
        "77-QĐ/ĐUK;Điều 1;Loại lạ?;Có;Không;;;A;tự luận": msg.ROW_KIND_UNKNOWN.format(value="tự luận"),
        "99-QĐ/XX;Điều 1;Văn bản lạ?;Có;Không;;;A;": msg.ROW_DOCUMENT_UNKNOWN.format(value="99-QĐ/XX"),
        ";Điều 1;Không ghi văn bản?;Có;Không;;;A;": msg.ROW_DOCUMENT_MISSING,
        "77-QĐ/ĐUK;Điều 40;Điều không có?;Có;Không;;;A;":
            msg.ROW_ARTICLE_UNKNOWN.format(document="77-QĐ/ĐUK", value="Điều 40"),
        "77-QĐ/ĐUK;;Không ghi điều?;Có;Không;;;A;": msg.ROW_ARTICLE_MISSING,
        "77-QĐ/ĐUK;Điều 1;Hai phương án giống nhau?;Có;có;;;A;": msg.ROW_CHOICE_REPEATED.format(letter="B", other="A"),
        "77-QĐ/ĐUK;Điều 2;Câu hợp lệ?;Có;Không;;;A;": None,
        "77-QĐ/ĐUK;Điều 2;câu   hợp lệ?;Có;Không;;;A;": msg.ROW_REPEATED.format(line=15),
    }
    preview = _upload(client, bank.id, HEADER + "\n".join(rows) + "\n")
    assert preview.status_code == 200
    html = preview.get_data(as_text=True)
    table_rows = html.split("<tbody>")[1].split("</tr>")
    for n, expected in enumerate(rows.values()):
        shown = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", table_rows[n]))
        if expected is None:
            assert "Hợp lệ" in shown, shown
        else:
            assert expected in shown, f"line {n + 2}: {shown}"
    assert "14 dòng có lỗi" in text_of(preview) and "Nhập " not in text_of(preview).split("Tải tệp khác")[0]
    # Confirming anyway (a crafted request, with the token the session holds) adds nothing.
    with client.session_transaction() as session:
        stashed = session["quiz_import"]["token"]
    refused = client.post(f"/quiz/banks/{bank.id}/import/confirm", data={"token": stashed})
    assert refused.status_code == 422 and msg.FILE_HAS_PROBLEMS in text_of(refused)
    assert _count(bank) == 0


def test_a_file_that_cannot_be_read_says_why(client, auth, world):
    bank, _document = _bank(world)
    auth.login("bithu")
    cases = {
        "Câu hỏi;Phương án A\nA;B\n": msg.FILE_COLUMNS_MISSING.format(columns="Điều, Phương án B, Đáp án đúng"),
        "": msg.FILE_EMPTY,  # nothing but the BOM Excel writes
        HEADER: msg.FILE_ONLY_HEADER,
        HEADER + '77-QĐ/ĐUK;Điều 1;"Câu chưa đóng ngoặc;A;B;;;A;\n': msg.FILE_MALFORMED.format(line=2),
    }
    for text, message in cases.items():
        response = _upload(client, bank.id, text)
        assert response.status_code == 422 and message in text_of(response), text_of(response)[-400:]
    nothing = client.post(f"/quiz/banks/{bank.id}/import", data={}, content_type="multipart/form-data")
    assert nothing.status_code == 422 and msg.FILE_MISSING in text_of(nothing)
    latin = client.post(f"/quiz/banks/{bank.id}/import", content_type="multipart/form-data",
                        data={"file": (io.BytesIO(HEADER.encode("utf-8") + "Câu".encode("cp1258")), "x.csv")})
    assert latin.status_code == 422 and msg.FILE_NOT_UTF8 in text_of(latin)
    assert _count(bank) == 0


def test_a_bank_with_a_main_document_takes_rows_that_name_none(client, auth, world):
    document = qf.regulation(4)
    auth.login("bithu")
    created = client.post("/quiz/banks", data={"title": "Ôn tập", "org_id": world["cell1"].id,
                                               "document": document.slug})
    bank = db.session.scalar(select(QuestionBank).where(QuestionBank.title == "Ôn tập"))
    assert created.headers["Location"].endswith(f"/quiz/banks/{bank.id}") and bank.document_id == document.id
    preview = _upload(client, bank.id, HEADER + ";4;Câu về điều 4?;Có;Không;;;B;\n")
    assert "Nhập 1 câu hỏi" in text_of(preview)


def test_a_confirm_without_its_preview_adds_nothing(client, auth, world):
    bank, _document = _bank(world)
    auth.login("bithu")
    response = client.post(f"/quiz/banks/{bank.id}/import/confirm", data={"token": "doan-bua"},
                           follow_redirects=True)
    assert msg.PREVIEW_EXPIRED in text_of(response)
    assert db.session.scalar(select(func.count()).select_from(Choice).join(Question)
                             .where(Question.bank_id == bank.id)) == 0


def test_only_those_who_keep_a_bank_import_into_it(client, auth, world):
    bank, _document = _bank(world)  # cell 1's
    auth.login("dangvien")
    assert _upload(client, bank.id, GOOD).status_code == 404
    auth.logout()
    auth.login("capuy")  # the committee above the cell
    assert _upload(client, bank.id, GOOD).status_code == 200


def test_the_scheduler_forgets_bank_files_previewed_but_never_confirmed(client, auth, world):
    from datetime import timedelta

    from sqlalchemy import update

    from handbook.jobs.scheduler import run_due
    from handbook.models_base import utcnow
    from handbook.quiz.bankimport import PREFIX
    from handbook.storage import StoredFile

    bank, _document = _bank(world)
    auth.login("bithu")
    _upload(client, bank.id, GOOD)
    db.session.execute(update(StoredFile).where(StoredFile.key.startswith(PREFIX))
                       .values(created_at=utcnow() - timedelta(hours=2)))
    db.session.commit()
    run_due(utcnow())
    assert db.session.scalar(select(func.count()).where(StoredFile.key.startswith(PREFIX))) == 0


def test_the_demo_questions_link_to_articles_the_library_charter_holds(client, auth, world):
    """The starter library holds the Charter as a summary; the demo bank's links land on articles."""
    from handbook.library.models import Document, Section

    charter = db.session.scalar(select(Document).where(Document.slug == "dieu-le-dang"))
    anchors = set(db.session.scalars(select(Section.anchor).where(Section.document_id == charter.id)))
    linked = set(db.session.scalars(select(Question.anchor).where(Question.document_id == charter.id)))
    assert linked and linked <= anchors
    auth.login("dangvien")
    assert f'id="{min(linked)}"' in client.get(f"/library/dieu-le-dang?muc={min(linked)}").get_data(as_text=True)
