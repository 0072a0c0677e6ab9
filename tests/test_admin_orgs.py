"""Organisation tree management, and the subtree rule for every admin route."""

from urllib.parse import urlsplit, urlunsplit

import pytest
from sqlalchemy import select

from handbook.audit import AuditEntry
from handbook.extensions import db
from handbook.orgs.models import Organization
from tests.conftest import text_of
from tests.routes.admin import RULES


def test_admin_creates_a_cell_under_a_base(client, auth, world):
    auth.login("capuy")
    data = {"name": "Chi bộ Phòng Kế hoạch", "kind": "cell"}
    response = client.post(f"/admin/orgs/{world['base'].id}/children", data=data)
    assert response.status_code == 302
    cell = db.session.scalar(select(Organization).where(Organization.name == "Chi bộ Phòng Kế hoạch"))
    assert cell.parent_id == world["base"].id and cell.path == f"{world['base'].path}{cell.id}/"
    entry = db.session.scalar(select(AuditEntry).where(AuditEntry.action == "org.created"))
    assert entry.actor_id == world["users"]["capuy"].id


def test_a_cell_cannot_hold_children_and_the_name_is_kept(client, auth, world):
    auth.login("capuy")
    response = client.post(f"/admin/orgs/{world['cell1'].id}/children", data={"name": "Tổ 1", "kind": "cell"})
    assert response.status_code == 422
    assert "Không thể tạo" in text_of(response) and 'value="Tổ 1"' in response.get_data(as_text=True)


def test_moving_an_organisation_rewrites_the_whole_subtree_path(client, auth, world, make):
    other_base = make.org("Đảng bộ Sở Tài chính", "base", world["bloc"])
    auth.login("capuy")
    response = client.post(f"/admin/orgs/{world['base'].id}/move", data={"parent": str(other_base.id)})
    assert response.status_code == 302
    db.session.expire_all()
    base = db.session.get(Organization, world["base"].id)
    assert base.path == f"{other_base.path}{base.id}/"
    for cell in (world["cell1"], world["cell2"]):
        assert db.session.get(Organization, cell.id).path == f"{base.path}{cell.id}/"


def test_an_organisation_cannot_move_into_its_own_subtree(client, auth, world):
    parent_id = world["base"].parent_id
    auth.login("capuy")
    response = client.post(f"/admin/orgs/{world['base'].id}/move", data={"parent": str(world["cell1"].id)})
    assert response.status_code == 422
    assert db.session.get(Organization, world["base"].id).parent_id == parent_id


def test_a_cell_with_active_members_is_not_closed_and_an_empty_one_is(client, auth, world, make):
    auth.login("capuy")
    client.post(f"/admin/orgs/{world['cell1'].id}/close")
    assert db.session.get(Organization, world["cell1"].id).closed is False
    empty = make.org("Chi bộ trống", "cell", world["base"])
    client.post(f"/admin/orgs/{empty.id}/close")
    assert db.session.get(Organization, empty.id).closed is True


def test_rename_is_audited(client, auth, world):
    auth.login("capuy")
    client.post(f"/admin/orgs/{world['cell2'].id}/rename", data={"name": "Chi bộ Văn phòng mới"})
    assert db.session.get(Organization, world["cell2"].id).name == "Chi bộ Văn phòng mới"
    entry = db.session.scalar(select(AuditEntry).where(AuditEntry.action == "org.updated",
                                                      AuditEntry.target_id == world["cell2"].id))
    assert "Chi bộ Văn phòng mới" in entry.summary and entry.ip == "127.0.0.1"


@pytest.fixture
def sibling_admin(make, world):
    other = make.org("Đảng bộ Khối Doanh nghiệp", "bloc")
    other_cell = make.org("Chi bộ Kho vận", "cell", other)
    return make.user("capuy2", cell=other_cell, role="admin", role_org=other)


@pytest.mark.parametrize("rule", RULES, ids=[f"{r.method}-{r.endpoint}" for r in RULES])
def test_an_admin_of_a_sibling_subtree_gets_404_everywhere(client, auth, world, sibling_admin, rule):
    auth.login("capuy2")
    parts = urlsplit(rule.url(world))
    query = "&".join(filter(None, [parts.query, f"org={world['bloc'].id}"]))
    url = urlunsplit(parts._replace(query=query))
    response = client.open(url, method=rule.method, data=rule.data(world) if rule.data else None)
    assert response.status_code == 404, f"{rule.method} {url}"


def test_the_root_of_an_admins_subtree_is_neither_moved_nor_closed(client, auth, world, make):
    make.user("capuy_co_so", role="admin", role_org=world["base"])  # runs the base, not the bloc above it
    parents = {root.id: root.parent_id for root in (world["bloc"], world["base"])}
    for username, root in (("capuy", world["bloc"]), ("capuy_co_so", world["base"])):
        auth.login(username)
        moved = client.post(f"/admin/orgs/{root.id}/move", data={"parent": str(world["cell1"].id)})
        assert moved.status_code == 422
        if root.parent_id:  # the page offers no move for the top of the tree, so shows no message there
            assert "Không thể chuyển tổ chức gốc của phạm vi quản lý." in text_of(moved)
        closed = client.post(f"/admin/orgs/{root.id}/close", follow_redirects=True)
        assert "Không thể đóng tổ chức gốc của phạm vi quản lý." in text_of(closed)
        db.session.expire_all()
        stored = db.session.get(Organization, root.id)
        assert stored.closed is False and stored.parent_id == parents[root.id]
        auth.logout()
