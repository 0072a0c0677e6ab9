"""The member's commitment and self-review: private drafts, submitted once, prefilled with what
the app knows, saved without losing a word when two devices write at once."""

from datetime import timedelta

from sqlalchemy import select

from handbook.extensions import db
from handbook.library.models import StudyAssignment, StudyMark
from handbook.meetings.models import Attendance, Task
from handbook.models_base import utcnow
from handbook.year.access import this_year
from handbook.year.models import Commitment, SelfReview
from tests.conftest import text_of
from tests.meetings.factories import HTMX, meeting, section
from tests.year_factories import REVIEW

YEAR = this_year()


def commitment_of(user) -> Commitment | None:
    db.session.expire_all()
    return db.session.scalar(select(Commitment).where(Commitment.user_id == user.id, Commitment.year == YEAR))


def test_a_draft_commitment_is_private_until_submitted(client, auth, world):
    member = world["users"]["dangvien"]
    auth.login("dangvien")
    page = client.get(f"/year/{YEAR}/commitment")
    assert "Chỉ thị 05-CT/TW" in text_of(page)  # the template to start from
    client.post(f"/year/{YEAR}/commitment", data={"body": "Học Quy định 08 mỗi tháng", "version": "0"})
    assert commitment_of(member).status == "draft"
    auth.logout()
    member_page = f"/year/{YEAR}/cells/{world['cell1'].id}/members/{member.id}"
    auth.login("bithu")
    assert "Học Quy định 08" not in text_of(client.get(member_page))
    auth.logout()
    auth.login("dangvien")
    client.post(f"/year/{YEAR}/commitment/submit")
    assert commitment_of(member).status == "submitted"
    auth.logout()
    for name, sees in (("bithu", True), ("capuy", True)):
        auth.login(name)
        assert ("Học Quy định 08" in text_of(client.get(member_page))) is sees
        auth.logout()
    auth.login("dangvien2")  # a member of the same cell
    assert client.get(member_page).status_code == 404


def test_a_commitment_is_submitted_once(client, auth, world):
    auth.login("dangvien")
    client.post(f"/year/{YEAR}/commitment", data={"body": "Việc 1", "version": "0"})
    client.post(f"/year/{YEAR}/commitment/submit")
    first = commitment_of(world["users"]["dangvien"]).submitted_at
    again = client.post(f"/year/{YEAR}/commitment/submit", follow_redirects=True)
    assert "không nộp lại hay sửa được nữa" in text_of(again)
    edit = client.post(f"/year/{YEAR}/commitment", data={"body": "Sửa sau khi nộp", "version": "2"})
    assert edit.status_code == 409
    stored = commitment_of(world["users"]["dangvien"])
    assert stored.submitted_at == first and stored.body == "Việc 1"


def test_evidence_is_added_through_the_year_with_a_month(client, auth, world):
    auth.login("dangvien")
    client.post(f"/year/{YEAR}/commitment", data={"body": "Việc 1", "version": "0"})
    client.post(f"/year/{YEAR}/commitment/submit")
    refused = client.post(f"/year/{YEAR}/commitment/evidence", data={"month": "13", "text": "Tháng lạ"})
    assert refused.status_code == 422 and "Tháng phải từ 1 đến 12" in text_of(refused)
    client.post(f"/year/{YEAR}/commitment/evidence", data={"month": "4", "text": "Chép từ ghi chép: tự học"})
    assert [(e.month, e.text) for e in commitment_of(world["users"]["dangvien"]).evidence] == [
        (4, "Chép từ ghi chép: tự học")]


def test_a_year_in_the_future_is_refused(client, auth, world):
    auth.login("dangvien")
    response = client.post(f"/year/{YEAR + 1}/commitment", data={"body": "Sớm quá", "version": "0"})
    assert response.status_code == 400 and f"Năm {YEAR + 1} chưa tới" in text_of(response)
    assert db.session.scalar(select(Commitment.id)) is None or commitment_of(world["users"]["dangvien"]) is None


def test_the_self_review_is_prefilled_with_the_members_year(client, auth, make):
    cell = make.org(kind="cell")
    member = make.user("moi", cell=cell)
    # Meetings held this year: present at the first, excused from the others with a reason.
    held = [m for m in (meeting(cell, status="held", starts_in=-timedelta(days=days)) for days in (40, 10))
            if m.starts_at.year == YEAR]
    db.session.add(Attendance(meeting_id=held[0].id, user_id=member.id, status="present"))
    for m in held[1:]:
        db.session.add(Attendance(meeting_id=m.id, user_id=member.id, status="excused", reason="đi công tác"))
    doc = section(org_id=None).document
    db.session.add(StudyAssignment(document_id=doc.id, org_id=cell.id, due_on=utcnow().date()))
    db.session.add(StudyMark(user_id=member.id, document_id=doc.id))
    db.session.add(Task(meeting_id=held[0].id, cell_id=cell.id, title="Viết báo cáo", owner_id=member.id,
                        due_on=utcnow().date(), status="done", done_on=utcnow().date() - timedelta(days=1)))
    db.session.commit()
    auth.login("moi")
    page = text_of(client.get(f"/year/{YEAR}/review"))
    assert f"Dự 1/{len(held)} buổi sinh hoạt" in page
    if len(held) > 1:
        assert "đi công tác" in page
    assert f"Văn bản bắt buộc có hạn trong năm {YEAR}: đã học 1/1." in page
    assert "Nhiệm vụ chi bộ giao đã tới hạn: hoàn thành đúng hạn 1/1." in page


def test_the_self_review_autosaves_and_keeps_both_texts_on_a_conflict(client, auth, world):
    auth.login("dangvien")
    saved = client.post(f"/year/{YEAR}/review", data={**REVIEW, "version": "0"}, headers=HTMX)
    assert saved.status_code == 200 and "Đã lưu lúc" in text_of(saved)
    # A second device, still on version 0, sends another text.
    stale = client.post(f"/year/{YEAR}/review", data={**REVIEW, "ethics": "Bản từ máy tính bảng", "version": "0"})
    assert stale.status_code == 409
    body = stale.get_data(as_text=True)
    assert "Giản dị" in body and "Bản từ máy tính bảng" in body
    db.session.expire_all()
    assert db.session.scalar(select(SelfReview.ethics).where(SelfReview.year == YEAR)) == "Giản dị"


def test_the_self_review_is_submitted_once_and_complete(client, auth, world):
    auth.login("dangvien")
    client.post(f"/year/{YEAR}/review", data={**REVIEW, "shortcomings": "", "version": "0"})
    empty = client.post(f"/year/{YEAR}/review/submit", follow_redirects=True)
    assert "Mục “Hạn chế, khuyết điểm" in text_of(empty)
    client.post(f"/year/{YEAR}/review", data={**REVIEW, "version": "1"})
    client.post(f"/year/{YEAR}/review/submit")
    db.session.expire_all()
    review = db.session.scalar(select(SelfReview).where(SelfReview.year == YEAR))
    assert review.status == "submitted" and '"attended"' in review.facts
    again = client.post(f"/year/{YEAR}/review/submit", follow_redirects=True)
    assert "không nộp lại hay sửa được nữa" in text_of(again)
    printed = text_of(client.get(f"/year/{YEAR}/review/print"))
    assert "BẢN TỰ KIỂM ĐIỂM CÁ NHÂN NĂM" in printed and "Hoàn thành tốt nhiệm vụ" in printed


def test_evidence_copies_a_chosen_note_and_never_someone_elses(client, auth, world):
    from tests.notes_factories import note

    held = meeting(world["cell1"], status="held", starts_in=-timedelta(hours=5))
    mine = note(world["users"]["dangvien"], meeting=held, body="Đã hướng dẫn tổ dân phố phân loại rác.")
    theirs = note(world["users"]["dangvien2"], meeting=held, body="Ghi chép riêng của người khác")
    auth.login("dangvien")
    client.post(f"/year/{YEAR}/commitment", data={"body": "Việc 1", "version": "0"})
    page = text_of(client.get(f"/year/{YEAR}/commitment"))
    assert "Hoặc chép từ ghi chép của tôi" in page and "Ghi chép riêng" not in page
    refused = client.post(f"/year/{YEAR}/commitment/evidence", data={"month": "6", "text": "", "note_id": theirs.id})
    assert refused.status_code == 422 and "Hãy chọn một ghi chép của đồng chí" in text_of(refused)
    client.post(f"/year/{YEAR}/commitment/evidence", data={"month": "6", "text": "", "note_id": mine.id})
    (evidence,) = commitment_of(world["users"]["dangvien"]).evidence
    assert evidence.text.startswith("Đã hướng dẫn tổ dân phố phân loại rác. (từ ghi chép:")
    mine.body = "Sửa sau"
    db.session.commit()
    assert commitment_of(world["users"]["dangvien"]).evidence[0].text.startswith("Đã hướng dẫn")  # a copy


def test_a_committee_sets_the_template_members_start_from(client, auth, world):
    auth.login("capuy")
    client.post(f"/year/template?org={world['base'].id}", data={"body": "1. Học Kết luận 21-KL/TW\n2. Ở cơ quan: …"})
    auth.logout()
    auth.login("dangvien")
    assert "Học Kết luận 21-KL/TW" in text_of(client.get(f"/year/{YEAR}/commitment"))
    auth.logout()
    auth.login("capuy")
    outside = client.post(f"/year/template?org={world['cell1'].id + 999}", data={"body": "x"})
    assert outside.status_code == 404
