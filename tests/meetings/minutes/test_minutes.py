"""Minutes: an autosaved draft prefilled from what the app knows, signed by the chair and the
note-taker (then final and published), revisions with a reason, the minutes book's print."""

import re
import unicodedata
from datetime import timedelta

from sqlalchemy import select

from handbook.audit import AuditEntry
from handbook.auth.models import User
from handbook.extensions import db
from handbook.library.extract import pdf_text
from handbook.meetings.models import Attendance, Minutes, MinutesOpinion, Rsvp
from tests.conftest import text_of
from tests.meetings.factories import HTMX, fresh, meeting


def uid(username: str) -> int:
    return db.session.scalar(select(User.id).where(User.username == username))


def form(m, **overrides):
    """The minutes form as the page sends it, typed on the version stored now: the secretary
    chairs, "dangvien" takes the notes."""
    version = db.session.scalar(select(Minutes.version).where(Minutes.meeting_id == m.id)) or 0
    data = {"version": str(version),
            "held_from": "14:00", "held_to": "16:00", "place": "Hội trường", "chair_id": str(uid("bithu")),
            "note_taker_id": str(uid("dangvien")), "conclusions": "Chi bộ hoàn thành nhiệm vụ.",
            "resolution": "Thông qua nghị quyết tháng.", f"item-{m.items[0].id}": "Đồng chí Bích khai mạc."}
    data.update(overrides)
    return data


def stored(m) -> Minutes:
    db.session.expire_all()
    return db.session.scalar(select(Minutes).where(Minutes.meeting_id == m.id))


def sign_data(client, m) -> dict:
    """What the sign form of the builder, as the signer's page shows it now, sends: the version and
    the hash of the content on screen (the stored version when the page offers no form)."""
    html = client.get(f"/meetings/{m.id}/minutes").get_data(as_text=True)
    box = html[html.find('id="ky-xac-nhan"'):] if 'id="ky-xac-nhan"' in html else ""
    version = re.search(r'name="version" value="(\d+)"', box)
    digest = re.search(r'name="digest" value="([0-9a-f]*)"', box)
    return {"version": version.group(1) if version else str(stored(m).version),
            **({"digest": digest.group(1)} if digest else {})}


def sign(client, auth, m, username: str, **data):
    """`username` opens the builder and signs what it shows."""
    auth.logout()
    auth.login(username)
    return client.post(f"/meetings/{m.id}/minutes/sign", data={**sign_data(client, m), **data})


def complete(client, auth, m, **overrides):
    """The secretary saves the draft; she (chair) and "dangvien" (note-taker) both sign it."""
    auth.logout()
    auth.login("bithu")
    client.get(f"/meetings/{m.id}/minutes")
    assert client.post(f"/meetings/{m.id}/minutes", data=form(m, **overrides)).status_code == 302
    assert sign(client, auth, m, "bithu").status_code == 302
    response = sign(client, auth, m, "dangvien")
    auth.logout()
    auth.login("bithu")
    return response


def test_draft_autosaves_and_stays_hidden_from_members(client, auth, world):
    m = meeting(world["cell1"], status="held", starts_in=timedelta(hours=-3))
    auth.login("bithu")
    assert client.get(f"/meetings/{m.id}/minutes").status_code == 200
    response = client.post(f"/meetings/{m.id}/minutes", headers=HTMX, data=form(m))
    assert "Đã lưu lúc" in text_of(response)
    minutes = stored(m)
    assert minutes.status == "draft" and minutes.conclusions == "Chi bộ hoàn thành nhiệm vụ."
    assert (minutes.chair, minutes.note_taker) == ("Nguyễn Thị Bích", "Lê Văn Đức")
    auth.logout()
    auth.login("dangvien2")
    assert "Chi bộ hoàn thành nhiệm vụ." not in text_of(client.get(f"/meetings/{m.id}"))
    assert client.get(f"/meetings/{m.id}/minutes").status_code == 404


def test_the_draft_starts_from_time_place_attendance_and_agenda(client, auth, world, make):
    m = meeting(world["cell1"], status="held", starts_in=timedelta(hours=-3),
                items=("Khai mạc", "Đánh giá nhiệm vụ", "Bế mạc"))
    users = world["users"]
    db.session.add_all([Attendance(meeting_id=m.id, user_id=users["bithu"].id, status="present"),
                        Attendance(meeting_id=m.id, user_id=users["dangvien"].id, status="present"),
                        Attendance(meeting_id=m.id, user_id=users["dangvien2"].id, status="excused",
                                   reason="Đi công tác")])
    absent = make.user("vangmat", cell=world["cell1"], full_name="Trần Văn Vắng")
    db.session.add(Attendance(meeting_id=m.id, user_id=absent.id, status="absent"))
    db.session.commit()
    auth.login("bithu")
    page = text_of(client.get(f"/meetings/{m.id}/minutes"))
    minutes = stored(m)
    assert minutes.place == "Hội trường" and minutes.held_from  # the meeting's own time and place
    assert "Có mặt: 2/4" in page
    assert "Vắng có lý do (1): Phạm Thị Hương (Đi công tác)" in page
    assert "Vắng không lý do (1): Trần Văn Vắng" in page
    assert "1. Khai mạc" in page and "2. Đánh giá nhiệm vụ" in page and "3. Bế mạc" in page


def test_the_note_taker_is_a_member_who_writes_and_records_opinions_by_speaker(client, auth, world):
    m = meeting(world["cell1"], status="held", starts_in=timedelta(hours=-1))
    auth.login("bithu")
    client.get(f"/meetings/{m.id}/minutes")
    client.post(f"/meetings/{m.id}/minutes", data=form(m))
    auth.logout()
    auth.login("dangvien")  # the note-taker, no other role
    assert client.get(f"/meetings/{m.id}/minutes").status_code == 200
    item = m.items[1]
    response = client.post(f"/meetings/{m.id}/minutes/items/{item.id}/opinions", headers=HTMX,
                           data={"speaker_id": str(uid("dangvien2")), "text": "Đề nghị làm rõ người phụ trách."})
    assert "Đồng chí Phạm Thị Hương: Đề nghị làm rõ người phụ trách." in text_of(response)
    guest = client.post(f"/meetings/{m.id}/minutes/items/{item.id}/opinions", headers=HTMX,
                        data={"speaker_id": "", "speaker_name": "Nguyễn Văn Khách", "text": "Ghi nhận ý kiến."})
    assert "Đồng chí Nguyễn Văn Khách: Ghi nhận ý kiến." in text_of(guest)
    nobody = client.post(f"/meetings/{m.id}/minutes/items/{item.id}/opinions", headers=HTMX,
                         data={"speaker_id": "", "text": "Không rõ ai nói."})
    assert "Vui lòng chọn người phát biểu" in text_of(nobody) and "Không rõ ai nói." in text_of(nobody)
    stranger = client.post(f"/meetings/{m.id}/minutes/items/{item.id}/opinions", headers=HTMX,
                           data={"speaker_id": str(uid("dangvien3")), "text": "Người chi bộ khác."})
    assert "đảng viên của chi bộ" in text_of(stranger)
    said = db.session.scalars(select(MinutesOpinion.speaker_name).where(MinutesOpinion.minutes_id == stored(m).id)
                              .order_by(MinutesOpinion.id)).all()
    assert said == ["Phạm Thị Hương", "Nguyễn Văn Khách"]
    auth.logout()
    auth.login("dangvien2")  # neither chair nor note-taker
    assert client.post(f"/meetings/{m.id}/minutes/items/{item.id}/opinions",
                       data={"speaker_id": "", "speaker_name": "X", "text": "Y"}).status_code == 404


def test_chair_and_note_taker_are_two_members_of_the_cell(client, auth, world):
    m = meeting(world["cell1"], status="held", starts_in=timedelta(hours=-3))
    auth.login("bithu")
    client.get(f"/meetings/{m.id}/minutes")
    same = client.post(f"/meetings/{m.id}/minutes", data=form(m, note_taker_id=str(uid("bithu"))))
    assert same.status_code == 400 and "hai đồng chí khác nhau" in text_of(same)
    other_cell = client.post(f"/meetings/{m.id}/minutes", data=form(m, chair_id=str(uid("dangvien3"))))
    assert other_cell.status_code == 400 and "đảng viên của chi bộ" in text_of(other_cell)
    garbled = client.post(f"/meetings/{m.id}/minutes", data=form(m, chair_id="abc"))
    assert garbled.status_code == 400 and "Chi bộ hoàn thành nhiệm vụ." in text_of(garbled)
    assert stored(m).chair_id is None


def test_both_signatures_make_the_minutes_final_and_public(client, auth, world):
    m = meeting(world["cell1"], status="held", starts_in=timedelta(hours=-3))
    auth.login("bithu")
    client.get(f"/meetings/{m.id}/minutes")
    client.post(f"/meetings/{m.id}/minutes", data=form(m))
    first = sign(client, auth, m, "bithu")
    assert first.status_code == 302 and stored(m).status == "draft" and fresh(m.id).status == "held"
    auth.logout()
    auth.login("dangvien")
    assert "Đã ký" in text_of(client.get(f"/meetings/{m.id}/minutes"))
    second = sign(client, auth, m, "dangvien")
    assert second.status_code == 302 and stored(m).status == "final" and fresh(m.id).status == "closed"
    assert [a for (a,) in db.session.execute(select(AuditEntry.action).where(AuditEntry.action.like("minutes.%"))
                                              .order_by(AuditEntry.id))] == ["minutes.signed", "minutes.signed",
                                                                              "minutes.locked"]
    page = text_of(client.get(f"/meetings/{m.id}"))
    assert "Chi bộ hoàn thành nhiệm vụ." in page and "Thư ký Lê Văn Đức đã ký xác nhận" in page


def test_a_signature_is_for_the_version_read_and_a_later_change_asks_for_it_again(client, auth, world):
    m = meeting(world["cell1"], status="held", starts_in=timedelta(hours=-3))
    auth.login("bithu")
    client.get(f"/meetings/{m.id}/minutes")
    client.post(f"/meetings/{m.id}/minutes", data=form(m))
    read = stored(m).version
    sign(client, auth, m, "bithu")
    auth.logout()
    auth.login("bithu")
    client.post(f"/meetings/{m.id}/minutes", data=form(m, conclusions="Kết luận sửa sau khi ký."))
    # The note-taker's page was opened on the version before the change: refused, nothing signed.
    auth.logout()
    auth.login("dangvien")
    late = client.post(f"/meetings/{m.id}/minutes/sign", data={"version": str(read)})
    assert late.status_code == 409 and "đọc lại bản mới nhất" in text_of(late)
    assert "cần ký lại" in text_of(client.get(f"/meetings/{m.id}/minutes"))
    # Signing the new version completes nothing: the chair's signature is on the old one.
    sign(client, auth, m, "dangvien")
    assert stored(m).status == "draft"
    sign(client, auth, m, "bithu")
    assert stored(m).status == "final"


def test_only_the_chair_and_the_note_taker_sign(client, auth, world):
    m = meeting(world["cell1"], status="held", starts_in=timedelta(hours=-3))
    auth.login("bithu")
    client.get(f"/meetings/{m.id}/minutes")
    client.post(f"/meetings/{m.id}/minutes", data=form(m))
    refused = sign(client, auth, m, "dangvien2")
    assert refused.status_code == 403 and "Chỉ đồng chí chủ trì và đồng chí thư ký" in text_of(refused)
    assert sign(client, auth, m, "dangvien3").status_code == 404  # another cell does not see the meeting
    assert stored(m).status == "draft"
    assert db.session.scalar(select(AuditEntry.id).where(AuditEntry.action == "minutes.signed")) is None


def test_signing_before_the_meeting_has_started_asks_for_confirmation(client, auth, world):
    m = meeting(world["cell1"], status="published", starts_in=timedelta(hours=2))
    auth.login("bithu")
    client.get(f"/meetings/{m.id}/minutes")
    client.post(f"/meetings/{m.id}/minutes", data=form(m))
    asked = sign(client, auth, m, "bithu")
    assert asked.status_code == 400 and "Buổi họp chưa bắt đầu" in text_of(asked)
    assert 'id="confirm-early"' in asked.get_data(as_text=True)
    assert sign(client, auth, m, "bithu", confirm="y").status_code == 302
    assert sign(client, auth, m, "dangvien", confirm="y").status_code == 302
    assert stored(m).status == "final" and fresh(m.id).status == "closed"


def test_final_minutes_change_only_as_revisions_with_a_reason(client, auth, world):
    m = meeting(world["cell1"], status="held", starts_in=timedelta(hours=-3))
    complete(client, auth, m)
    refused = client.post(f"/meetings/{m.id}/minutes", data=form(m, conclusions="Sửa lén"))
    assert refused.status_code == 400 and "vui lòng ghi lý do sửa" in text_of(refused)
    assert stored(m).conclusions == "Chi bộ hoàn thành nhiệm vụ."
    client.post(f"/meetings/{m.id}/minutes", data=form(m, conclusions="Kết luận đã sửa.", reason="Ghi sai số liệu"))
    minutes = stored(m)
    assert minutes.revision == 2 and minutes.conclusions == "Kết luận đã sửa."
    assert [r.number for r in minutes.revisions] == [1, 2]
    assert db.session.scalar(select(AuditEntry).where(AuditEntry.action == "minutes.revised")) is not None
    # Members read the change once both signed it (test_trust.py).
    sign(client, auth, m, "bithu")
    sign(client, auth, m, "dangvien")
    auth.logout()
    auth.login("dangvien2")
    page = text_of(client.get(f"/meetings/{m.id}"))
    assert "Biên bản" in page and "Kết luận đã sửa." in page and "Đồng chí Bích khai mạc." in page
    history = text_of(client.get(f"/meetings/{m.id}/minutes/revisions"))
    assert "Ghi sai số liệu" in history and "Chi bộ hoàn thành nhiệm vụ." in history and "Kết luận đã sửa." in history


def test_final_minutes_keep_the_attendance_as_signed(client, auth, world):
    m = meeting(world["cell1"], status="held", starts_in=timedelta(hours=-3))
    db.session.add(Attendance(meeting_id=m.id, user_id=world["users"]["dangvien2"].id, status="present"))
    db.session.commit()
    complete(client, auth, m)
    row = db.session.scalar(select(Attendance).where(Attendance.meeting_id == m.id))
    row.status, row.reason = "excused", "Ốm"
    db.session.add(Rsvp(meeting_id=m.id, user_id=row.user_id, attending=False, reason="Ốm"))
    db.session.commit()
    page = text_of(client.get(f"/meetings/{m.id}"))
    assert "Có mặt: 1/3" in page and "Vắng có lý do" not in page


def book_text(data: bytes) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", pdf_text(data)))


def test_the_printed_minutes_follow_the_minutes_book(client, auth, world):
    m = meeting(world["cell1"], status="held", starts_in=timedelta(hours=-3), title="Sinh hoạt chi bộ tháng Năm")
    complete(client, auth, m)
    auth.logout()
    auth.login("dangvien2")
    page = client.get(f"/meetings/{m.id}/print")
    html, text = page.get_data(as_text=True), text_of(page)
    assert page.status_code == 200 and 'class="print-page minutes-book"' in html and "mainnav" not in html
    head = text.split("BIÊN BẢN SINH HOẠT CHI BỘ")[0]
    assert "ĐẢNG BỘ SỞ KHOA HỌC VÀ CÔNG NGHỆ (DEMO)" in head and "CHI BỘ PHÒNG CÔNG NGHỆ THÔNG TIN" in head
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in head and re.search(r"Ngày \d\d tháng \d\d? năm 20\d\d", head)
    assert "Hội trường, ngày" not in head  # the room is the meeting's place, not the book's locality
    assert "Địa điểm: Hội trường." in text
    sections = [text.index(s) for s in ("I. Thời gian, địa điểm, thành phần", "II. Nội dung",
                                        "III. Kết luận, nghị quyết", "THƯ KÝ", "CHỦ TRÌ")]
    assert sections == sorted(sections)
    pdf = client.get(f"/meetings/{m.id}/minutes.pdf")
    assert pdf.status_code == 200 and pdf.mimetype == "application/pdf"
    printed = book_text(pdf.data)
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in printed and "BIÊN BẢN SINH HOẠT CHI BỘ" in printed
    assert "Chi bộ hoàn thành nhiệm vụ." in printed and "Đồng chí Bích khai mạc." in printed
    assert "Nguyễn Thị Bích" in printed and "Lê Văn Đức" in printed


def test_draft_minutes_print_as_the_agenda_and_have_no_pdf(client, auth, world):
    m = meeting(world["cell1"], status="held", starts_in=timedelta(hours=-3))
    auth.login("bithu")
    client.get(f"/meetings/{m.id}/minutes")
    client.post(f"/meetings/{m.id}/minutes", data=form(m))
    assert "CHƯƠNG TRÌNH" in text_of(client.get(f"/meetings/{m.id}/print"))
    assert client.get(f"/meetings/{m.id}/minutes.pdf").status_code == 404
