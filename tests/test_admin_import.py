"""CSV import: preview with every row's problems, all-or-nothing import, passwords shown once."""

import base64
import io
import re

import pytest
from sqlalchemy import func, select
from werkzeug.datastructures import FileStorage
from werkzeug.test import encode_multipart

from handbook.admin.models import MembershipChange
from handbook.audit import AuditEntry
from handbook.auth.models import User
from handbook.extensions import db
from tests.conftest import text_of

HEADER = ("Họ và tên,Số thẻ đảng viên,Điện thoại,Ngày sinh,Giới tính,Ngày vào Đảng,Ngày chính thức,"
          "Chức vụ lãnh đạo,Chi bộ")
CELL = "Chi bộ Văn phòng Sở"


def _csv(*rows, header=HEADER, sep=",", bom=False, encoding="utf-8") -> bytes:
    text = "\n".join([header.replace(",", sep), *(r.replace(",", sep) for r in rows)]) + "\n"
    return (b"\xef\xbb\xbf" if bom else b"") + text.encode(encoding, "replace")


def _upload(client, data: bytes, name="ds.csv"):
    # Encoded in memory: the test client would spool a big body to a file it never closes.
    boundary, body = encode_multipart({"file": FileStorage(io.BytesIO(data), filename=name, content_type="text/csv")})
    return client.post("/admin/import", data=body, content_type=f"multipart/form-data; boundary={boundary}")


def _users() -> int:
    return db.session.scalar(select(func.count()).select_from(User))


GOOD = [f"Vũ Văn Nam,93100001,0913100001,01/02/1980,Nam,03/02/2005,03/02/2006,,{CELL}",
        f"Trịnh Thị Mai,93100002,,15/08/1990,Nữ,01/06/2015,01/06/2016,Trưởng phòng,{CELL.upper()}"]


@pytest.mark.parametrize("sep,bom", [(",", False), (";", True)])
def test_preview_then_import_creates_accounts_and_shows_passwords_once(client, auth, world, sep, bom):
    auth.login("capuy")
    preview = _upload(client, _csv(*GOOD, sep=sep, bom=bom))
    assert preview.status_code == 200 and "Mọi dòng đều hợp lệ" in text_of(preview)
    assert _users() == 5  # nothing written by the preview
    token = re.search(r'name="token" value="([^"]+)"', preview.get_data(as_text=True)).group(1)
    done = client.post("/admin/import/confirm", data={"token": token})
    html = done.get_data(as_text=True)
    assert done.status_code == 200 and done.headers["Cache-Control"] == "no-store"
    passwords = re.findall(r'<code class="otp">([a-z0-9]+)</code>', html)
    assert len(passwords) == 2 and _users() == 7
    mai = db.session.scalar(select(User).where(User.card_number == "93100002"))
    assert mai.cell_id == world["cell2"].id and mai.holds_leadership_post and mai.must_change_password
    assert all(p not in mai.password_hash for p in passwords)
    download = re.search(r'href="data:text/csv;charset=utf-8;base64,([^"]+)"', html).group(1)
    assert passwords[1] in base64.b64decode(download).decode("utf-8")
    # Each imported member's first placement (the demo's own history is one move by a merge).
    assert db.session.scalar(select(func.count()).select_from(MembershipChange)
                             .where(MembershipChange.link_id.is_(None))) == 2
    summary = db.session.scalar(select(AuditEntry.summary).where(AuditEntry.action == "members.imported"))
    assert "Nhập 2 đảng viên" in summary
    again = client.post("/admin/import/confirm", data={"token": token})
    assert again.status_code == 302 and _users() == 7  # the preview cannot be imported twice
    auth.logout()
    assert auth.login("93100001", passwords[0]).status_code == 302


def test_preview_lists_every_problem_of_every_row_and_import_is_refused(client, auth, world):
    rows = [
        f",93100010,,01/01/1980,Nam,,,,{CELL}",                               # missing name
        f"Ngô Văn Ba,93-AB,,01/01/1980,Nam,,,,{CELL}",                        # bad card
        f"Ngô Văn Bốn,93100012,12345,01/01/1980,Nam,,,,{CELL}",               # bad phone
        "Ngô Văn Năm,93100013,,01/01/1980,Nam,,,,Chi bộ Không Có",            # unknown cell
        f"Ngô Văn Sáu,93100014,,31/02/1980,Nam,,,,{CELL}",                    # impossible date
        f"Ngô Văn Bảy,93100015,,01/01/1980,Nam,01/01/2010,01/01/2009,,{CELL}",  # wrong order
        f"Ngô Văn Tám,93100015,,01/01/1981,Nam,,,,{CELL}",                    # duplicate card in file
        f"Ngô Văn Chín,93000003,,01/01/1982,Nam,,,,{CELL}",                   # card already in database
        f"Nguyễn Văn An,93100017,,05/05/1975,Nam,,,,{CELL}",
        f"nguyen van  AN,93100018,,05/05/1975,Nam,,,,{CELL}",                 # same person, other spelling
        f"=HYPERLINK(\"http://x\"),93100019,,01/01/1980,Nam,,,,{CELL}",         # formula
        f"<script>alert(1)</script>,93100020,,01/01/1980,Nam,,,,{CELL}",      # markup
    ]
    auth.login("capuy")
    response = _upload(client, _csv(*rows))
    page = text_of(response)
    html = response.get_data(as_text=True)
    for message in ("Thiếu họ tên", "Số thẻ đảng viên phải gồm", "Số điện thoại không đúng dạng",
                    "Không có chi bộ “Chi bộ Không Có”", "Ngày sinh không có thật", "Ngày chính thức không được trước",
                    "Trùng số thẻ 93100015 với dòng 7", "Số thẻ 93000003 đã có tài khoản",
                    "Có thể trùng người với dòng 10", "Họ tên chỉ được gồm chữ cái"):
        assert message in page, message
    assert "<script>alert" not in html and "&lt;script&gt;" in html
    assert "Nhập 12 đảng viên" not in page and 'name="token"' not in html
    assert client.post("/admin/import/confirm", data={"token": "x"}).status_code == 302
    assert _users() == 5


def test_same_person_already_in_the_database_under_another_spelling(client, auth, world):
    auth.login("capuy")
    page = text_of(_upload(client, _csv(f"le van duc,93100030,,12/03/1982,Nam,,,,{CELL}")))
    assert "Đã có đảng viên cùng họ tên và ngày sinh (số thẻ 93000003)" in page


def test_import_is_all_or_nothing_when_the_database_changed_after_preview(client, auth, world, make):
    auth.login("capuy")
    preview = _upload(client, _csv(*GOOD))
    token = re.search(r'name="token" value="([^"]+)"', preview.get_data(as_text=True)).group(1)
    make.user("someone", cell=world["cell1"], card_number="93100002")
    response = client.post("/admin/import/confirm", data={"token": token})
    assert response.status_code == 422 and "Số thẻ 93100002 đã có tài khoản" in text_of(response)
    assert _users() == 6 and db.session.scalar(select(User).where(User.card_number == "93100001")) is None


@pytest.mark.parametrize("data,message", [
    (_csv(*GOOD, encoding="cp1258"), "không dùng bảng mã UTF-8"),
    (_csv(*GOOD, encoding="utf-16"), "không phải là tệp văn bản CSV"),
    (_csv(*GOOD, header="a,b,c"), "Thiếu dòng tiêu đề hoặc thiếu cột"),
    (b"", "Hãy chọn tệp CSV"),
    (_csv(), "chưa có đảng viên nào"),
    (b"x" * (10 * 1024 * 1024), "lớn hơn 5 MB"),
    (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 10, "không phải là tệp văn bản CSV"),
    ("Họ và tên,Số thẻ đảng viên,Chi bộ\n\"unterminated,1,2\n".encode(), "sai định dạng"),
])
def test_bad_files_are_refused_with_a_reason(client, auth, world, data, message):
    auth.login("capuy")
    response = _upload(client, data)
    assert response.status_code == 422 and message in text_of(response)
    assert _users() == 5


def test_cells_outside_the_admins_subtree_are_unknown(client, auth, world, make):
    other = make.org("Đảng bộ khác", "bloc")
    make.org("Chi bộ Ngoài", "cell", other)
    auth.login("capuy")
    page = text_of(_upload(client, _csv("Vũ Văn Nam,93100001,,01/02/1980,Nam,,,,Chi bộ Ngoài")))
    assert "Không có chi bộ “Chi bộ Ngoài” trong phạm vi quản lý" in page


def test_template_download_has_the_expected_header(client, auth, world):
    auth.login("capuy")
    body = client.get("/admin/import/template.csv").get_data(as_text=True)
    assert body.lstrip("\ufeff").startswith("Họ và tên,Số thẻ đảng viên")


@pytest.mark.parametrize("value", ["=1+1", "+1", "-1+2", "@SUM(A1)", "\t=1"])
def test_exported_text_never_starts_a_formula(value):
    from handbook.csvfile import csv_text

    line = csv_text([["Tên"], [value, 5]]).splitlines()[1]
    assert line.lstrip('"').startswith("'") and line.endswith(",5")


def test_cells_with_the_same_name_are_told_apart_by_their_code(client, auth, world, make):
    twin = make.org(CELL, "cell", make.org("Đảng bộ Sở Y tế", "base", world["bloc"]))
    auth.login("capuy")
    page = text_of(_upload(client, _csv(f"Vũ Văn Nam,93100001,,01/02/1980,Nam,,,,{CELL}")))
    assert f"Có nhiều chi bộ tên “{CELL}”" in page
    page = text_of(_upload(client, _csv(f"Vũ Văn Nam,93100001,,01/02/1980,Nam,,,,#{twin.id}")))
    assert "Mọi dòng đều hợp lệ" in page
