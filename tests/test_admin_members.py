"""Member accounts managed by the committee."""

import re

from sqlalchemy import func, select

from handbook.admin.models import MembershipChange
from handbook.audit import AuditEntry
from handbook.auth.models import LoginSession, RoleAssignment, User
from handbook.extensions import db
from tests.conftest import text_of

NEW = {"full_name": "Đỗ Thị Lan", "card_number": "93000101", "phone": "0912 000 101", "date_of_birth": "02/09/1985",
       "sex": "Nữ", "admitted_on": "19/05/2010", "official_on": "19/05/2011"}


def _otp(response) -> str:
    return re.search(r'<code class="otp">([a-z0-9]+)</code>', response.get_data(as_text=True)).group(1)


def _actions(name):
    return db.session.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.action == name))


def test_admin_creates_a_member_who_logs_in_with_the_card_number_and_must_change_password(client, auth, world):
    auth.login("capuy")
    response = client.post("/admin/members/new", data={**NEW, "cell": str(world["cell2"].id)})
    assert response.status_code == 200 and response.headers["Cache-Control"] == "no-store"
    password = _otp(response)
    user = db.session.scalar(select(User).where(User.card_number == "93000101"))
    assert user.username == "93000101" and user.phone == "0912000101" and user.must_change_password
    assert password not in user.password_hash and _actions("account.created") == 1
    auth.logout()
    assert auth.login("93000101", password).status_code == 302
    assert client.get("/").headers["Location"].endswith("/account/password")


def test_the_member_form_keeps_input_and_explains_errors(client, auth, world):
    auth.login("capuy")
    data = {**NEW, "full_name": "<b>Lan</b>", "date_of_birth": "31/02/1985", "official_on": "01/01/2009",
            "cell": str(world["cell2"].id)}
    response = client.post("/admin/members/new", data=data)
    page = text_of(response)
    assert response.status_code == 422
    assert "Họ tên chỉ được gồm chữ cái" in page and "Ngày sinh không có thật" in page
    assert "&lt;b&gt;Lan&lt;/b&gt;" in response.get_data(as_text=True)
    assert db.session.scalar(select(func.count()).select_from(User)) == 5


def test_a_card_number_already_in_use_is_refused(client, auth, world):
    auth.login("capuy")
    data = {**NEW, "card_number": "93000003", "cell": str(world["cell1"].id)}
    response = client.post("/admin/members/new", data=data)
    assert response.status_code == 422 and "đã thuộc một tài khoản khác" in text_of(response)


def test_editing_a_member_is_saved_and_audited(client, auth, world):
    member = world["users"]["dangvien"]
    auth.login("capuy")
    page = client.get(f"/admin/members/{member.id}")
    assert 'value="93000003"' in page.get_data(as_text=True)
    response = client.post(f"/admin/members/{member.id}", data={**NEW, "full_name": "Lê Văn Đức Anh",
                                                                 "card_number": "93000003", "phone": "0912000003"})
    assert response.status_code == 302
    assert db.session.get(User, member.id).full_name == "Lê Văn Đức Anh" and _actions("account.updated") == 1


def _sessions(user):
    return db.session.scalar(select(func.count()).select_from(LoginSession).where(LoginSession.user_id == user.id))


def test_deactivating_ends_sessions_and_login_but_keeps_the_account(client, auth, world, app):
    member = world["users"]["dangvien"]
    other = app.test_client()
    other.post("/login", data={"username": "dangvien", "password": "sotay-demo"})
    assert _sessions(member) == 1
    auth.login("capuy")
    client.post(f"/admin/members/{member.id}/deactivate")
    assert _sessions(member) == 0
    assert db.session.get(User, member.id).active is False and _actions("account.deactivated") == 1
    auth.logout()
    assert auth.login("dangvien").status_code == 401


def test_the_last_admin_of_the_root_cannot_be_deactivated(client, auth, world, make):
    capuy = world["users"]["capuy"]
    capuy.cell = world["cell1"]  # admins listed as members of a cell can be managed
    db.session.commit()
    make.user("base_admin", cell=world["cell1"], role="admin", role_org=world["base"])
    auth.login("base_admin")
    client.post(f"/admin/members/{capuy.id}/deactivate")
    assert db.session.get(User, capuy.id).active is True
    assert "quản trị viên cuối cùng" in text_of(client.get(f"/admin/members/{capuy.id}"))
    make.user("capuy_b", cell=world["cell1"], role="admin", role_org=world["bloc"])
    client.post(f"/admin/members/{capuy.id}/deactivate")
    assert db.session.get(User, capuy.id).active is False


def test_moving_a_member_keeps_history_and_ends_roles_of_the_old_cell(client, auth, world):
    bithu = world["users"]["bithu"]
    auth.login("capuy")
    client.post(f"/admin/members/{bithu.id}/move", data={"cell": str(world["cell2"].id)})
    assert db.session.get(User, bithu.id).cell_id == world["cell2"].id
    change = db.session.scalar(select(MembershipChange).where(MembershipChange.user_id == bithu.id))
    assert (change.from_cell_id, change.to_cell_id) == (world["cell1"].id, world["cell2"].id)
    assert not db.session.scalars(select(RoleAssignment).where(RoleAssignment.user_id == bithu.id)).all()
    assert "Chi bộ Phòng Công nghệ thông tin" in text_of(client.get(f"/admin/members/{bithu.id}"))


def test_reset_password_shows_a_one_time_password_once(client, auth, world):
    member = world["users"]["dangvien"]
    auth.login("capuy")
    password = _otp(client.post(f"/admin/members/{member.id}/password"))
    assert db.session.get(User, member.id).must_change_password and _actions("account.password_reset") == 1
    assert password not in client.get(f"/admin/members/{member.id}").get_data(as_text=True)
    auth.logout()
    assert auth.login("dangvien").status_code == 401
    assert auth.login("dangvien", password).status_code == 302


def test_assign_and_remove_deputy(client, auth, world):
    member = world["users"]["dangvien2"]
    auth.login("capuy")
    deputy = select(RoleAssignment).where(RoleAssignment.user_id == member.id, RoleAssignment.role == "deputy")
    client.post(f"/admin/members/{member.id}/roles", data={"role": "deputy"})
    assert db.session.scalar(deputy).org_id == world["cell1"].id
    client.post(f"/admin/members/{member.id}/roles/deputy/remove")
    assert db.session.scalar(deputy) is None  # the fees treasurer she also is (demo) stays
    assert _actions("role.assigned") == 1 and _actions("role.removed") == 1


def test_member_list_searches_without_accents_and_filters(client, auth, world):
    auth.login("capuy")
    page = text_of(client.get("/admin/members?q=huong"))
    assert "Phạm Thị Hương" in page and "Lê Văn Đức" not in page
    page = text_of(client.get(f"/admin/members?org={world['cell2'].id}"))
    assert "Hoàng Minh Đạt" in page and "Phạm Thị Hương" not in page
    page = text_of(client.get("/admin/members?role=secretary"))
    assert "Nguyễn Thị Bích" in page and "Hoàng Minh Đạt" not in page
    fragment = client.get("/admin/members?q=dat", headers={"HX-Request": "true"})
    assert "<html" not in fragment.get_data(as_text=True) and "Hoàng Minh Đạt" in text_of(fragment)


def test_member_export_neutralises_formulas(client, auth, world):
    member = world["users"]["dangvien"]
    member.full_name = "=HYPERLINK(\"http://x\")"
    db.session.commit()
    auth.login("capuy")
    body = client.get("/admin/members.csv").get_data(as_text=True)
    assert body.startswith("\ufeff") and "'=HYPERLINK" in body and "\n=HYPERLINK" not in body


def test_an_admin_cannot_lock_their_own_account(client, auth, world, make):
    admin = make.user("capuy_c", cell=world["cell1"], role="admin", role_org=world["base"])
    auth.login("capuy_c")
    client.post(f"/admin/members/{admin.id}/deactivate")
    assert db.session.get(User, admin.id).active is True


def test_members_join_and_move_only_into_a_working_cell(client, auth, world, make):
    closed = make.org("Chi bộ đã giải thể", "cell", world["base"])
    closed.closed = True
    db.session.commit()
    auth.login("capuy")
    for target in (world["base"], closed):  # not a cell; a closed cell
        response = client.post("/admin/members/new", data={**NEW, "cell": str(target.id)})
        assert response.status_code == 422 and "Hãy chọn một chi bộ đang hoạt động." in text_of(response)
        moved = client.post(f"/admin/members/{world['users']['dangvien'].id}/move", data={"cell": str(target.id)},
                            follow_redirects=True)
        assert "Hãy chọn một chi bộ đang hoạt động." in text_of(moved)
    assert db.session.scalar(select(func.count()).select_from(User)) == 5
    db.session.expire_all()
    assert db.session.get(User, world["users"]["dangvien"].id).cell_id == world["cell1"].id
