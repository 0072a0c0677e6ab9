"""The CSV import tells a branch admin that a row clashes with an account outside their
branch, never which account: no card number, no confirmation of whose phone it is."""

import pytest
from sqlalchemy import select

from handbook.audit import AuditEntry
from handbook.extensions import db
from tests.conftest import text_of
from tests.test_admin_import import _csv, _upload


@pytest.fixture
def branch(make, world):
    base = make.org("Đảng bộ Sở Tài chính", "base", world["bloc"])
    cell = make.org("Chi bộ Kế toán", "cell", base)
    make.user("quantri2", cell=cell, role="admin", role_org=base)
    return cell


@pytest.mark.parametrize("row", [
    "Lê Văn Đức,93200001,,12/03/1982,Nam,,,,Chi bộ Kế toán",  # dangvien's name and birth date
    "Nguyễn Văn Bình,93200002,0912 000 003,,Nam,,,,Chi bộ Kế toán",  # dangvien's phone, another spelling
    "Nguyễn Văn Bình,93000004,,,Nam,,,,Chi bộ Kế toán",  # dangvien2's card number
])
def test_a_clash_outside_the_branch_is_reported_without_identifying_anyone(client, auth, world, branch, row):
    auth.login("quantri2")
    page = text_of(_upload(client, _csv(row)))
    assert "ngoài phạm vi đồng chí quản lý" in page
    for secret in ("93000003", "93000004", "0912000003", "Lê Văn Đức (", "đã có tài khoản"):
        assert secret not in page.replace(row.split(",")[1], "")


def test_a_clash_inside_the_admins_subtree_names_the_existing_member(client, auth, world):
    auth.login("capuy")
    page = text_of(_upload(client, _csv("Lê Văn Đức,93200001,,12/03/1982,Nam,,,,Chi bộ Văn phòng Sở")))
    assert "Đã có đảng viên cùng họ tên và ngày sinh (số thẻ 93000003)" in page


def test_the_import_log_counts_accounts_of_the_importing_branch_only(client, auth, world, branch):
    auth.login("quantri2")
    page = _upload(client, _csv("Nguyễn Văn Bình,93200009,,,Nam,,,,Chi bộ Kế toán")).get_data(as_text=True)
    import re

    token = re.search(r'name="token" value="([^"]+)"', page).group(1)
    assert client.post("/admin/import/confirm", data={"token": token}).status_code == 200
    entry = db.session.scalar(select(AuditEntry).where(AuditEntry.action == "members.imported"))
    assert entry.summary.endswith("Đảng bộ Sở Tài chính: 2)")  # the branch admin and the new member
