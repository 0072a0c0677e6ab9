"""The CSV import's preview compares a branch admin's file with their branch's accounts only; the
import itself refuses a row that clashes with an account outside the branch, never saying which
account or where: no card number, no confirmation of whose phone it is."""

import re

import pytest
from sqlalchemy import func, select

from handbook.audit import AuditEntry
from handbook.auth.models import User
from handbook.extensions import db
from tests.conftest import text_of
from tests.test_admin_import import _csv, _upload


@pytest.fixture
def branch(make, world):
    base = make.org("Đảng bộ Sở Tài chính", "base", world["bloc"])
    cell = make.org("Chi bộ Kế toán", "cell", base)
    make.user("quantri2", cell=cell, role="admin", role_org=base)
    return cell


OUTSIDE_CLASHES = [
    "Lê Văn Đức,93200001,,12/03/1982,Nam,,,,Chi bộ Kế toán",  # dangvien's name and birth date
    "Nguyễn Văn Bình,93200002,0912 000 003,,Nam,,,,Chi bộ Kế toán",  # dangvien's phone, another spelling
    "Nguyễn Văn Bình,93000004,,,Nam,,,,Chi bộ Kế toán",  # dangvien2's card number
]
SECRETS = ("93000003", "93000004", "0912000003", "lê văn đức (", "đã có", "ngoài phạm vi", "không nhập được")


def _token(page) -> str:
    return re.search(r'name="token" value="([^"]+)"', page.get_data(as_text=True)).group(1)


@pytest.mark.parametrize("row", OUTSIDE_CLASHES)
def test_the_preview_does_not_tell_a_branch_admin_a_phone_card_or_person_exists_outside_the_branch(
        client, auth, world, branch, row):
    """A file with another branch's member reads exactly as one with a stranger: all rows valid."""
    auth.login("quantri2")
    stranger = "Trần Văn Lạ,93200003,0988 777 666,01/01/1971,Nam,,,,Chi bộ Kế toán"
    response = _upload(client, _csv(row))
    page = text_of(response)
    assert "Mọi dòng đều hợp lệ" in page and "Nhập 1 đảng viên" in page
    assert 'class="error"' not in response.get_data(as_text=True)
    for secret in SECRETS:
        assert secret not in page.lower().replace(row.split(",")[1], ""), secret
    assert "Mọi dòng đều hợp lệ" in text_of(_upload(client, _csv(stranger)))


@pytest.mark.parametrize("row", OUTSIDE_CLASHES)
def test_the_import_refuses_such_a_row_without_saying_with_whom_and_writes_nothing(client, auth, world, branch, row):
    auth.login("quantri2")
    users = db.session.scalar(select(func.count()).select_from(User))
    response = client.post("/admin/import/confirm", data={"token": _token(_upload(client, _csv(row)))})
    page = text_of(response)
    assert response.status_code == 422
    assert "Không nhập được dòng này" in page and "Tệp còn dòng có lỗi; chưa nhập dòng nào" in page
    for secret in ("93000003", "93000004", "0912000003", "Lê Văn Đức (", "Chi bộ Văn phòng Sở", "Đảng bộ khối"):
        assert secret not in page.replace(row.split(",")[1], ""), secret
    assert db.session.scalar(select(func.count()).select_from(User)) == users
    # The committee above reads in its log that the branch's import was refused, and why.
    entry = db.session.scalar(select(AuditEntry).where(AuditEntry.action == "members.import_refused"))
    assert entry.org_id == branch.parent_id
    assert "1 dòng trùng tài khoản đã có ngoài Đảng bộ Sở Tài chính" in entry.summary
    auth.logout()
    auth.login("capuy")
    assert "Từ chối nhập danh sách đảng viên" in text_of(client.get("/admin/audit"))


def test_a_clash_inside_the_admins_subtree_names_the_existing_member(client, auth, world):
    auth.login("capuy")
    page = text_of(_upload(client, _csv("Lê Văn Đức,93200001,,12/03/1982,Nam,,,,Chi bộ Văn phòng Sở")))
    assert "Đã có đảng viên cùng họ tên và ngày sinh (số thẻ 93000003)" in page


def test_the_import_log_counts_accounts_of_the_importing_branch_only(client, auth, world, branch):
    auth.login("quantri2")
    token = _token(_upload(client, _csv("Nguyễn Văn Bình,93200009,,,Nam,,,,Chi bộ Kế toán")))
    assert client.post("/admin/import/confirm", data={"token": token}).status_code == 200
    entry = db.session.scalar(select(AuditEntry).where(AuditEntry.action == "members.imported"))
    assert entry.summary.endswith("Đảng bộ Sở Tài chính: 2)")  # the branch admin and the new member
