"""Good examples: registered by a cell (or a committee) with an optional photo checked by its
bytes and capped in size, seen by the members of the subtree only once the committee approved
them, found by search then, cited by the member in their year, listed and counted per year."""

import io
from datetime import date

from sqlalchemy import func, select
from werkzeug.datastructures import FileStorage
from werkzeug.test import encode_multipart

from handbook.examples.models import GoodExample
from handbook.extensions import db
from handbook.storage import StoredFile
from handbook.year.access import this_year
from handbook.year.models import Commitment
from tests.conftest import text_of
from tests.voice_factories import JPEG, PNG, WEBP, example

TITLE = "Nhặt được ví tiền trả lại người đánh rơi"


def _register(client, auth, world, *, photo: bytes | None = None, name: str = "anh.png", **fields):
    auth.login("bithu")
    data = {"org_id": str(world["cell1"].id), "member": "93000003", "title": TITLE,
            "description": "Ví có giấy tờ và tiền; đồng chí tìm đến tận nhà trả lại.",
            "happened_on": date.today().replace(day=1).isoformat(), **fields}
    if photo is not None:
        data["photo"] = FileStorage(io.BytesIO(photo), filename=name, content_type="image/png")
    # Encoded in memory: the test client would spool a big body to a file it never closes.
    boundary, body = encode_multipart(data)
    response = client.post("/examples/new", data=body, content_type=f"multipart/form-data; boundary={boundary}")
    auth.logout()
    return response


def _registered() -> GoodExample | None:
    db.session.expire_all()
    return db.session.scalar(select(GoodExample).where(GoodExample.title == TITLE))


def test_an_example_is_seen_in_its_subtree_only_once_the_committee_approved_it(client, auth, world):
    assert _register(client, auth, world, photo=PNG).status_code == 302
    registered = _registered()
    assert registered.status == "pending" and registered.member_id == world["users"]["dangvien"].id
    assert registered.person == "Lê Văn Đức" and registered.photo_type == "image/png"
    page = f"/examples/{registered.id}"
    auth.login("dangvien")  # the member it is about does not see it before approval either
    assert client.get(page).status_code == 404
    assert client.get(f"{page}/photo").status_code == 404
    assert TITLE not in text_of(client.get("/examples"))
    assert "Không tìm thấy kết quả" in text_of(client.get("/search?q=vi+tien"))
    auth.logout()
    auth.login("bithu")  # the secretary who registered it cannot approve it
    assert client.post(f"{page}/approve").status_code == 404
    auth.logout()
    auth.login("capuy")
    assert "1 gương đang chờ cấp ủy duyệt" in text_of(client.get("/"))
    assert client.post(f"{page}/approve").status_code == 302
    auth.logout()
    for username, sees in (("dangvien", True), ("dangvien2", True), ("dangvien3", False)):
        auth.login(username)
        assert (client.get(page).status_code == 200) is sees, username
        assert (TITLE in text_of(client.get("/examples"))) is sees, username
        found = text_of(client.get("/search?q=vi+tien"))
        assert ("Gương người tốt, việc tốt" in found and TITLE in found) is sees, username
        photo = client.get(f"{page}/photo")
        assert photo.status_code == (200 if sees else 404)
        if sees:
            assert photo.data == PNG and photo.mimetype == "image/png"
            assert photo.headers["X-Content-Type-Options"] == "nosniff"
            assert photo.headers["Content-Disposition"].startswith("inline")
        auth.logout()


def test_a_photo_must_be_an_image_by_its_bytes_and_at_most_2_mb(client, auth, world):
    stored = db.session.scalar(select(func.count()).select_from(StoredFile))
    for data, name, message in ((b"GIF89a" + b"\x00" * 40, "anh.jpg", "Chỉ nhận ảnh JPEG, PNG hoặc WebP"),
                                (b"<svg onload=alert(1)>", "anh.png", "Chỉ nhận ảnh JPEG, PNG hoặc WebP"),
                                (PNG + b"\x00" * (2 * 1024 * 1024), "anh.png", "Ảnh quá lớn: tối đa 2 MB")):
        response = _register(client, auth, world, photo=data, name=name)
        assert response.status_code == 422 and message in text_of(response)
        assert _registered() is None
        assert db.session.scalar(select(func.count()).select_from(StoredFile)) == stored
    for data, kind in ((JPEG, "image/jpeg"), (WEBP, "image/webp")):
        assert _register(client, auth, world, photo=data, name="khong-phai-anh.txt").status_code == 302
        assert _registered().photo_type == kind
        db.session.delete(_registered())
        db.session.commit()


def test_a_member_named_must_be_of_the_cell_and_the_date_not_ahead(client, auth, world):
    other = _register(client, auth, world, member="93000005")  # dangvien3, of cell 2
    assert other.status_code == 422 and "Không tìm thấy đảng viên có số thẻ hoặc tên đăng nhập" in text_of(other)
    ahead = _register(client, auth, world, happened_on=date(date.today().year + 1, 1, 1).isoformat())
    assert ahead.status_code == 422 and "không sau hôm nay" in text_of(ahead)
    assert _registered() is None


def test_an_approved_example_is_cited_in_the_members_year(client, auth, world):
    member, year = world["users"]["dangvien"], this_year()
    approved = example(world["cell1"], member=member, title="Hiến máu tình nguyện lần thứ mười", status="approved",
                       happened_on=date(year, 1, 1))
    waiting = example(world["cell1"], member=member, title="Dọn vệ sinh đường làng", happened_on=date(year, 1, 1))
    auth.login("dangvien")
    client.post(f"/year/{year}/commitment", data={"body": "Làm theo gương Bác ở nơi cư trú", "version": "0"})
    page = text_of(client.get(f"/year/{year}/commitment"))
    assert "Hiến máu tình nguyện lần thứ mười" in page and "Dọn vệ sinh đường làng" not in page
    refused = client.post(f"/year/{year}/commitment/evidence", data={"month": "1", "cite": f"example-{waiting.id}"})
    assert refused.status_code == 422 and "Không dẫn được việc này" in text_of(refused)
    cited = client.post(f"/year/{year}/commitment/evidence", data={"month": "1", "cite": f"example-{approved.id}"})
    assert cited.status_code == 302
    client.post(f"/year/{year}/commitment/submit")
    auth.logout()
    db.session.expire_all()
    commitment = db.session.scalar(select(Commitment).where(Commitment.user_id == member.id, Commitment.year == year))
    [evidence] = commitment.evidence
    assert evidence.month == 1 and "Hiến máu tình nguyện lần thứ mười" in evidence.text
    assert evidence.text.startswith("Gương người tốt, việc tốt (Chi bộ Phòng Công nghệ thông tin ghi nhận")
    auth.login("bithu")  # the cell reads the citation with the commitment
    reads = text_of(client.get(f"/year/{year}/cells/{world['cell1'].id}/members/{member.id}"))
    assert "Hiến máu tình nguyện lần thứ mười" in reads
    auth.logout()
    auth.login("dangvien2")  # another member cannot cite it
    client.post(f"/year/{year}/commitment", data={"body": "Cam kết", "version": "0"})
    assert client.post(f"/year/{year}/commitment/evidence",
                       data={"month": "1", "cite": f"example-{approved.id}"}).status_code == 422


def test_a_committee_returns_an_example_with_its_reason_and_counts_each_year(client, auth, world):
    _register(client, auth, world)
    registered = _registered()
    auth.login("capuy")
    no_reason = client.post(f"/examples/{registered.id}/return", data={"note": ""}, follow_redirects=True)
    assert "Hãy ghi lý do không duyệt" in text_of(no_reason)
    client.post(f"/examples/{registered.id}/return", data={"note": "Cần xác nhận của tổ dân phố"})
    assert _registered().status == "returned"
    again = client.post(f"/examples/{registered.id}/approve", follow_redirects=True)
    assert "Gương này đã được xét (không duyệt)" in text_of(again) and _registered().status == "returned"
    year = registered.happened_on.year
    page = text_of(client.get(f"/examples/committee?year={year}"))
    assert TITLE in page and "Không duyệt" in page
    counts = page[page.index("Số gương theo năm"):]
    demo = db.session.scalar(select(func.count()).select_from(GoodExample).where(
        GoodExample.status == "approved", func.extract("year", GoodExample.happened_on) == year))
    assert f"{year} 0 {demo} 1" in counts  # waiting, approved, returned
    csv = client.get(f"/examples/committee.csv?year={year}&status=returned").get_data(as_text=True)
    assert TITLE in csv and "Không duyệt" in csv and csv.count("\n") == 2
    auth.logout()
    auth.login("bithu")  # the cell reads why
    assert "Cần xác nhận của tổ dân phố" in text_of(client.get(f"/examples/{registered.id}"))
