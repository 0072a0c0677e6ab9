"""Names in Vietnamese alphabetical order (ICU's rules) on both databases: Đ after D, not after
V; a letter with a hat or a breve after the plain one; the same order in SQL and in Python."""

from sqlalchemy import select

from handbook.auth.models import User
from handbook.collation import sort_key, vi_order
from handbook.extensions import db
from handbook.meetings.notify import cell_members
from handbook.orgs.models import Organization
from tests.conftest import text_of

NAMES = ["Võ", "Đỗ", "Đinh", "Dương", "Ân", "An"]
EXPECTED = ["An", "Ân", "Dương", "Đinh", "Đỗ", "Võ"]


def _cell_with(make, world):
    cell = make.org("Chi bộ Thứ tự", kind="cell", parent=db.session.get(Organization, world["cell1"].parent_id))
    for name in NAMES:
        make.user(full_name=name, cell=cell)
    db.session.commit()
    return cell


def test_python_sort_key_follows_vietnamese_order():
    assert sorted(NAMES, key=sort_key) == EXPECTED


def test_database_orders_names_the_vietnamese_way(make, world):
    cell = _cell_with(make, world)
    names = db.session.scalars(select(User.full_name).where(User.cell_id == cell.id)
                               .order_by(vi_order(User.full_name))).all()
    assert names == EXPECTED


def test_attendance_roster_lists_members_in_vietnamese_order(make, world):
    cell = _cell_with(make, world)
    assert [u.full_name for u in cell_members(cell.id)] == EXPECTED


def test_admin_members_list_is_in_vietnamese_order(client, auth, make, world):
    _cell_with(make, world)
    auth.login("capuy")
    page = text_of(client.get("/admin/members?q=&per_page=200"))
    positions = [page.find(f" {name} ") for name in EXPECTED]
    assert all(p >= 0 for p in positions), positions
    assert positions == sorted(positions)
