"""The member list's search, read page by page from the index in name order: the same members
in the same Vietnamese order as the database's collation gives, every page, within the
admin's subtree only, and kept in step when a member is renamed."""

import importlib.util
import re
from pathlib import Path

from sqlalchemy import select, text

import handbook.admin.routes_members as routes_members
from handbook.auth.models import User
from handbook.collation import vi_order
from handbook.extensions import db
from handbook.search.models import SearchEntry

NAMES = ["Trần Võ", "Trần Đỗ", "Trần Đinh", "Trần Dương", "Trần Ân", "Trần An", "Trần Văn Ba"]
HTMX = {"HX-Request": "true"}


def _listed(client, q, page=1) -> tuple[list[str], str]:
    """The names a page of the search shows, in order, and the page's text."""
    html = client.get("/admin/members", query_string={"q": q, "trang": page}, headers=HTMX).get_data(as_text=True)
    return re.findall(r'<td><a href="[^"]+">([^<]+)</a></td>', html), html


def _in_collation_order(ids) -> list[str]:
    return list(db.session.scalars(select(User.full_name).where(User.id.in_(ids))
                                   .order_by(vi_order(User.full_name), User.id)))


def _every_page(client, q, pages) -> list[str]:
    return [name for page in range(1, pages + 1) for name in _listed(client, q, page)[0]]


def test_every_page_of_a_search_follows_the_databases_vietnamese_order(client, auth, make, world, monkeypatch):
    ids = [make.user(cell=world["cell2"], full_name=name).id for name in NAMES]
    db.session.commit()
    monkeypatch.setattr(routes_members, "PAGE_SIZE", 3)
    auth.login("capuy")
    expected = _in_collation_order(ids)
    assert _every_page(client, "tran", 3) == expected
    names, html = _listed(client, "tran", 2)
    assert names == expected[3:6] and "7 đảng viên" in html and "Trang 2/3" in html
    assert _listed(client, "tran", 4)[0] == []  # past the end: no one


def test_a_renamed_member_moves_to_their_new_place_in_the_search(client, auth, make, world, monkeypatch):
    users = [make.user(cell=world["cell2"], full_name=name) for name in NAMES]
    db.session.commit()
    auth.login("capuy")
    users[0].full_name = "Trần Ái"  # was "Trần Võ", the last
    db.session.commit()
    expected = _in_collation_order([u.id for u in users])
    assert expected.index("Trần Ái") < expected.index("Trần Dương")
    assert _listed(client, "tran")[0] == expected


def test_a_committee_admin_finds_only_the_members_of_its_subtree(client, auth, make, world, monkeypatch):
    other_base = make.org("Đảng bộ cơ sở Khác", kind="base", parent=world["bloc"])
    other_cell = make.org("Chi bộ Khác", kind="cell", parent=other_base)
    outside = make.user(cell=other_cell, full_name="Trần Khác")
    inside = [make.user(cell=world["cell2"], full_name=name).id for name in NAMES]
    make.user("capcoso", cell=world["cell1"], role="admin", role_org=world["base"], full_name="Lý Cơ Sở")
    db.session.commit()
    monkeypatch.setattr(routes_members, "PAGE_SIZE", 4)
    auth.login("capcoso")
    assert _every_page(client, "tran", 2) == _in_collation_order(inside)
    assert "7 đảng viên" in _listed(client, "tran")[1]
    assert _listed(client, "tran khac")[0] == []  # a member of the other base
    auth.logout()
    auth.login("capuy")  # the bloc's admin sees both bases
    assert _every_page(client, "tran", 2) == _in_collation_order(inside + [outside.id])
    assert _listed(client, "tran khac")[0] == ["Trần Khác"]


def _migration():
    path = Path(__file__).parents[1] / "migrations" / "versions" / "0027_search.py"
    spec = importlib.util.spec_from_file_location("sort_key_migration", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _sort_keys() -> dict[int, bytes]:
    return {row.id: bytes(row.sort_key) for row in db.session.execute(
        select(SearchEntry.id, SearchEntry.sort_key).where(SearchEntry.kind == "member"))}


def test_the_migration_writes_the_sort_keys_the_app_writes(make, world):
    for name in NAMES:
        make.user(cell=world["cell2"], full_name=name)
    db.session.commit()
    keys = _sort_keys()
    assert len(keys) >= len(NAMES) and all(keys.values())
    db.session.execute(text("UPDATE search_entry SET sort_key = NULL"))
    _migration().fill_sort_keys(db.session.connection())
    assert _sort_keys() == keys
