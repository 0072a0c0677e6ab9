"""Trust in the record: only the cell's leaders choose who signs the minutes; a signature stands
for the one content it was given on; a change to final minutes is a new revision both sign
again, and the minutes book prints each signature with its revision; the minutes have a size
cap, so their PDF stays cheap."""

import re
from datetime import timedelta

from sqlalchemy import func, select

from handbook.extensions import db
from handbook.meetings.models import MinutesOpinion, MinutesSignature
from tests.conftest import text_of
from tests.meetings.factories import HTMX, meeting
from tests.meetings.minutes.test_minutes import book_text, complete, form, sign, sign_data, stored, uid

LEADERS_ONLY = "Chỉ bí thư, phó bí thư chi bộ chọn chủ trì và thư ký"


def held(world, **kwargs):
    return meeting(world["cell1"], status="held", starts_in=timedelta(hours=-3), **kwargs)


def drafted(client, auth, world):
    """A held meeting whose draft the secretary saved: she chairs, "dangvien" takes the notes."""
    m = held(world)
    auth.login("bithu")
    client.get(f"/meetings/{m.id}/minutes")
    assert client.post(f"/meetings/{m.id}/minutes", data=form(m)).status_code == 302
    return m


def as_user(client, auth, username: str, path: str):
    auth.logout()
    auth.login(username)
    return client.get(path)


def test_the_note_taker_cannot_choose_who_signs(client, auth, world):
    m = drafted(client, auth, world)
    before = stored(m)
    kept = (before.chair_id, before.note_taker_id, before.conclusions, before.version)
    auth.logout()
    auth.login("dangvien")  # the note-taker, a member without any other role
    # With a friend as chair, two members could make final minutes the secretary never saw.
    response = client.post(f"/meetings/{m.id}/minutes",
                           data=form(m, chair_id=str(uid("dangvien2")), conclusions="Thư ký tự sửa."))
    assert response.status_code == 400 and LEADERS_ONLY in text_of(response)
    autosave = client.post(f"/meetings/{m.id}/minutes", headers=HTMX,
                           data=form(m, note_taker_id=str(uid("dangvien2"))))
    assert LEADERS_ONLY in text_of(autosave)
    after = stored(m)
    assert (after.chair_id, after.note_taker_id, after.conclusions, after.version) == kept
    # She still writes: her page offers no choice of signers, and her text is saved under them.
    page = client.get(f"/meetings/{m.id}/minutes")
    assert 'name="chair_id"' not in page.get_data(as_text=True) and "Nguyễn Thị Bích" in text_of(page)
    typed = {k: v for k, v in form(m, conclusions="Thư ký ghi thêm.").items() if k not in ("chair_id", "note_taker_id")}
    assert client.post(f"/meetings/{m.id}/minutes", data=typed).status_code == 302
    after = stored(m)
    assert after.conclusions == "Thư ký ghi thêm." and (after.chair_id, after.note_taker_id) == kept[:2]


def test_a_signature_does_not_cover_what_was_added_after_it(client, auth, world):
    m = drafted(client, auth, world)
    assert sign(client, auth, m, "bithu").status_code == 302
    loaded = sign_data(client, m)  # the chair's page, open before the opinion below
    # The note-taker writes down one more opinion after the chair signed: the version of the
    # texts stays, what the minutes say does not.
    auth.logout()
    auth.login("dangvien")
    client.post(f"/meetings/{m.id}/minutes/items/{m.items[1].id}/opinions",
                data={"speaker_id": str(uid("dangvien2")), "text": "Ý kiến ghi sau khi chủ trì đã ký."})
    page = text_of(client.get(f"/meetings/{m.id}/minutes"))
    assert "Chủ trì: Nguyễn Thị Bích Đồng chí Nguyễn Thị Bích đã ký khi nội dung còn khác, cần ký lại" in page
    assert sign(client, auth, m, "dangvien").status_code == 302
    assert stored(m).status == "draft"  # the chair has not read the opinion
    # A signature from a page loaded before the opinion is refused: it was not what the page showed.
    auth.logout()
    auth.login("bithu")
    late = client.post(f"/meetings/{m.id}/minutes/sign", data=loaded)
    assert late.status_code == 409 and stored(m).status == "draft"
    assert sign(client, auth, m, "bithu").status_code == 302
    assert stored(m).status == "final"
    shown = text_of(as_user(client, auth, "dangvien2", f"/meetings/{m.id}"))
    assert "Ý kiến ghi sau khi chủ trì đã ký." in shown and "Chủ trì Nguyễn Thị Bích đã ký xác nhận bản 1" in shown


def test_replacing_the_chair_takes_their_signature_away(client, auth, world):
    m = drafted(client, auth, world)
    sign(client, auth, m, "bithu")
    auth.logout()
    auth.login("bithu")
    client.post(f"/meetings/{m.id}/minutes", data=form(m, chair_id=str(uid("dangvien2"))))
    page = text_of(client.get(f"/meetings/{m.id}/minutes"))
    assert "Chủ trì: Phạm Thị Hương Chưa ký bản 1" in page
    chair_signatures = select(func.count(MinutesSignature.id)).where(
        MinutesSignature.minutes_id == stored(m).id, MinutesSignature.role == "chair")
    assert db.session.scalar(chair_signatures) == 0
    sign(client, auth, m, "dangvien")
    assert stored(m).status == "draft"


def test_changing_final_minutes_opens_a_revision_both_sign_again(client, auth, world):
    m = held(world, title="Sinh hoạt chi bộ tháng Năm")
    complete(client, auth, m)
    client.post(f"/meetings/{m.id}/minutes", data=form(m, conclusions="Kết luận đã sửa.", reason="Ghi sai số liệu"))
    minutes = stored(m)
    assert minutes.status != "final" and minutes.revision == 2
    # Members and the minutes book keep the revision both signed, each signature with its
    # number, and say a later one waits; the changed text is nowhere shown as signed.
    book = text_of(as_user(client, auth, "dangvien2", f"/meetings/{m.id}/print"))
    assert "Chi bộ hoàn thành nhiệm vụ." in book and "Kết luận đã sửa." not in book
    assert book.count("Đã ký xác nhận bản 1") == 2
    assert "bản 2 của biên bản (sửa ngày" in book and "đang chờ chủ trì và thư ký ký xác nhận lại" in book
    printed = book_text(client.get(f"/meetings/{m.id}/minutes.pdf").data)
    assert "Kết luận đã sửa." not in printed and printed.count("Đã ký xác nhận bản 1") == 2
    assert "Kết luận đã sửa." not in text_of(client.get(f"/meetings/{m.id}"))
    # The signers see their signatures as the earlier revision's, and sign again.
    builder = text_of(as_user(client, auth, "bithu", f"/meetings/{m.id}/minutes"))
    assert "Chưa ký bản 2" in builder and "đã ký bản 1 trước đó" in builder
    assert sign(client, auth, m, "bithu").status_code == 302
    assert stored(m).status == "revising"
    assert "Kết luận đã sửa." not in text_of(as_user(client, auth, "dangvien2", f"/meetings/{m.id}/print"))
    assert sign(client, auth, m, "dangvien").status_code == 302
    assert stored(m).status == "final"
    book = text_of(as_user(client, auth, "dangvien2", f"/meetings/{m.id}/print"))
    assert "Kết luận đã sửa." in book and book.count("Đã ký xác nhận bản 2") == 2
    assert "Bản 2, sửa ngày" in book and "Ghi sai số liệu" in book and "đang chờ" not in book
    printed = book_text(client.get(f"/meetings/{m.id}/minutes.pdf").data)
    assert "Kết luận đã sửa." in printed and printed.count("Đã ký xác nhận bản 2") == 2


def test_the_history_lists_every_revision_with_its_signatures(client, auth, world):
    m = held(world)
    complete(client, auth, m)
    client.post(f"/meetings/{m.id}/minutes", data=form(m, conclusions="Kết luận đã sửa.", reason="Ghi sai số liệu"))
    sign(client, auth, m, "bithu")
    history = text_of(as_user(client, auth, "dangvien2", f"/meetings/{m.id}/minutes/revisions"))
    second, first = history.index("Bản 2"), history.index("Bản 1 ")
    assert second < first  # newest first
    waiting, signed = history[second:first], history[first:]
    assert "Đang chờ ký xác nhận" in waiting and "Ghi sai số liệu" in waiting
    assert "đồng chí Nguyễn Thị Bích" in waiting and re.search(r"Sửa lúc \w+ \w*,? ?\d\d/\d\d/\d{4}", waiting)
    assert "Chủ trì Nguyễn Thị Bích đã ký xác nhận bản 2" in waiting and "Thư ký" not in waiting
    assert "Kết luận đã sửa." not in history  # not shown to members before both signed it
    assert "Đủ chữ ký" in signed and "Chi bộ hoàn thành nhiệm vụ." in signed
    assert "Chủ trì Nguyễn Thị Bích đã ký xác nhận bản 1" in signed
    assert "Thư ký Lê Văn Đức đã ký xác nhận bản 1" in signed


def test_oversized_minutes_are_refused_when_saved(client, auth, world):
    m = held(world)
    auth.login("bithu")
    client.get(f"/meetings/{m.id}/minutes")
    first, second, third = (f"item-{item.id}" for item in m.items)
    too_long = client.post(f"/meetings/{m.id}/minutes", data=form(m, **{first: "x" * 20_001}))
    assert too_long.status_code == 400
    assert "Tóm tắt mục “Khai mạc” dài 20.001 ký tự, quá giới hạn 20.000 ký tự" in text_of(too_long)
    conclusions = client.post(f"/meetings/{m.id}/minutes", data=form(m, conclusions="x" * 20_001))
    assert conclusions.status_code == 400 and "Kết luận dài 20.001 ký tự" in text_of(conclusions)
    assert stored(m).conclusions == "" and stored(m).version == 0  # nothing saved
    whole = client.post(f"/meetings/{m.id}/minutes", data=form(m, conclusions="x" * 4_000, **{
        first: "x" * 19_000, second: "x" * 19_000, third: "x" * 19_000}))
    assert whole.status_code == 400 and "quá giới hạn 60.000 ký tự của một biên bản" in text_of(whole)
    assert stored(m).version == 0
    near = form(m, **{first: "x" * 19_000, second: "x" * 19_000, third: "x" * 19_000})
    assert client.post(f"/meetings/{m.id}/minutes", data=near).status_code == 302
    opinions = f"/meetings/{m.id}/minutes/items/{m.items[1].id}/opinions"
    long_one = client.post(opinions, headers=HTMX, data={"speaker_id": str(uid("dangvien")), "text": "y" * 5_001})
    assert "Ý kiến dài 5.001 ký tự, quá giới hạn 5.000 ký tự" in text_of(long_one)
    over = client.post(opinions, headers=HTMX, data={"speaker_id": str(uid("dangvien")), "text": "y" * 4_000})
    assert "quá giới hạn 60.000 ký tự của một biên bản" in text_of(over)
    written = select(func.count(MinutesOpinion.id)).where(MinutesOpinion.minutes_id == stored(m).id)
    assert db.session.scalar(written) == 0


def test_minutes_kept_longer_than_the_pdf_can_lay_out_print_but_make_no_pdf(client, auth, world):
    m = held(world)
    complete(client, auth, m)
    kept = stored(m).revisions[0]
    kept.snapshot = kept.snapshot.replace("Chi bộ hoàn thành nhiệm vụ.", "x" * 90_000)
    db.session.commit()
    pdf = client.get(f"/meetings/{m.id}/minutes.pdf")
    assert pdf.status_code == 422 and "quá giới hạn 80.000 ký tự của một tệp PDF" in text_of(pdf)
    book = text_of(client.get(f"/meetings/{m.id}/print"))
    # The text changed behind the signatures' back: the book prints neither as valid.
    assert "Đã ký xác nhận" not in book and book.count("Chữ ký không khớp nội dung bản này") == 2
