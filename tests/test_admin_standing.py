"""A member's standing for the cell's votes (exempt from meetings, temporarily elsewhere,
suspended), kept by the committee in the member form, the CSV import and the CSV export."""

import re

from sqlalchemy import select

from handbook.auth.models import User
from handbook.extensions import db
from tests.conftest import text_of
from tests.test_admin_import import CELL, _csv, _upload
from tests.test_admin_members import NEW

STANDING_HEADER = ("Họ và tên,Số thẻ đảng viên,Điện thoại,Ngày sinh,Giới tính,Ngày vào Đảng,Ngày chính thức,"
                   "Chức vụ lãnh đạo,Chi bộ,Tình trạng sinh hoạt")


def test_the_member_form_keeps_the_standing(client, auth, world):
    member = world["users"]["dangvien2"]
    auth.login("capuy")
    page = client.get(f"/admin/members/{member.id}").get_data(as_text=True)
    assert "Tình trạng sinh hoạt" in page and "Sinh hoạt tạm thời nơi khác" in page
    response = client.post(f"/admin/members/{member.id}", data={
        **NEW, "full_name": member.full_name, "card_number": member.card_number, "phone": member.phone,
        "party_standing": "away"})
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(User, member.id).party_standing == "away"
    exported = client.get("/admin/members.csv").get_data(as_text=True)
    assert "Tình trạng sinh hoạt" in exported.splitlines()[0]
    assert any("Phạm Thị Hương" in line and "Sinh hoạt tạm thời nơi khác" in line for line in exported.splitlines())


def test_the_csv_import_reads_the_standing_and_explains_a_bad_one(client, auth, world):
    auth.login("capuy")
    rows = [f"Vũ Văn Nam,93100001,,01/02/1980,Nam,03/02/2005,03/02/2006,,{CELL},Miễn sinh hoạt",
            f"Trịnh Thị Mai,93100002,,15/08/1990,Nữ,01/06/2015,,,{CELL},",
            f"Hà Văn Sai,93100003,,15/08/1991,Nam,01/06/2015,,,{CELL},nghỉ phép"]
    preview = _upload(client, _csv(*rows, header=STANDING_HEADER))
    assert "Tình trạng sinh hoạt ghi “bình thường”" in text_of(preview)
    preview = _upload(client, _csv(*rows[:2], header=STANDING_HEADER))
    token = re.search(r'name="token" value="([^"]+)"', preview.get_data(as_text=True)).group(1)
    client.post("/admin/import/confirm", data={"token": token})
    standings = dict(db.session.execute(select(User.card_number, User.party_standing)
                                        .where(User.card_number.in_(["93100001", "93100002"]))).all())
    assert standings == {"93100001": "exempt", "93100002": "regular"}
    template = client.get("/admin/import/template.csv").get_data(as_text=True)
    assert template.lstrip("\ufeff").rstrip().endswith("Tình trạng sinh hoạt")
