"""The committee's figures reproduce the published table of a bloc's year exactly.

The published report (DOMAIN.md, "Annual evaluation") gives, for 2023: leaders and managers
1,506 / 11 / 4 rated "nêu gương tốt" / "nêu gương" / "chưa nêu gương" (99% / 0.7% / 0.3%),
other members 3,032 / 53 / 13 (97.9% / 1.7% / 0.4%). Its headline "4,617 evaluated" is two
fewer than its own six counts add up to (4,619); a table built from the members' ratings can
only print the sum, so that is what is asserted here.
"""

import csv
import io

from sqlalchemy import insert

from handbook.auth.models import User
from handbook.extensions import db
from handbook.models_base import utcnow
from handbook.year.models import CellYear, Rating
from tests.conftest import text_of

YEAR = 2023
# (cell, leader, conduct, how many): spread over three cells of two branches.
PUBLISHED = [("a", True, "good", 1506), ("a", True, "yes", 11), ("a", True, "no", 4),
             ("b", False, "good", 3000), ("c", False, "good", 32), ("c", False, "yes", 53), ("c", False, "no", 13)]


def seed_bloc(make):
    bloc = make.org("Đảng bộ Khối thử", kind="bloc")
    branch1, branch2 = make.org("Đảng bộ cơ sở 1", "base", bloc), make.org("Đảng bộ cơ sở 2", "base", bloc)
    cells = {"a": make.org("Chi bộ A", "cell", branch1), "b": make.org("Chi bộ B", "cell", branch1),
             "c": make.org("Chi bộ C", "cell", branch2)}
    users, n = [], 0
    for cell, leader, _conduct, count in PUBLISHED:
        for _ in range(count):
            n += 1
            users.append({"id": 100000 + n, "username": f"dv{n}", "full_name": f"Đảng viên {n}",
                          "password_hash": "x", "cell_id": cells[cell].id, "holds_leadership_post": leader})
    db.session.execute(insert(User.__table__), users)
    ratings, n = [], 0
    for cell, leader, conduct, count in PUBLISHED:
        for _ in range(count):
            n += 1
            ratings.append({"user_id": 100000 + n, "year": YEAR, "cell_id": cells[cell].id, "conduct": conduct,
                            "level": "excellent" if n % 10 == 0 else "good", "leader": leader, "comment": ""})
    db.session.execute(insert(Rating.__table__), ratings)
    db.session.add_all([CellYear(cell_id=cells[c].id, year=YEAR, finished_at=utcnow()) for c in ("a", "b")])
    db.session.commit()
    make.user("capuy_thu", role="admin", role_org=bloc)
    return bloc, branch2


def rows_of(csv_text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(csv_text.lstrip("\ufeff"))))


def test_the_committee_table_reproduces_the_published_figures(client, auth, make):
    bloc, _ = seed_bloc(make)
    auth.login("capuy_thu")
    page = text_of(client.get(f"/year/{YEAR}/stats"))
    assert "4.619 đảng viên được đánh giá" in page
    assert ("Đảng viên giữ chức vụ lãnh đạo, quản lý 1.521 1.506 99% 11 0,7% 4 0,3%") in page
    assert ("Đảng viên không giữ chức vụ lãnh đạo, quản lý 3.098 3.032 97,9% 53 1,7% 13 0,4%") in page
    table = rows_of(client.get(f"/year/{YEAR}/stats.csv").get_data(as_text=True))
    assert ["Đảng viên giữ chức vụ lãnh đạo, quản lý", "1521", "1506", "99%", "11", "0,7%", "4", "0,3%"] in table
    assert ["Đảng viên không giữ chức vụ lãnh đạo, quản lý", "3098", "3032", "97,9%", "53", "1,7%", "13",
            "0,4%"] in table
    printed = text_of(client.get(f"/year/{YEAR}/stats?print=1"))
    assert "KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI ĐẢNG VIÊN NĂM 2023" in printed and "97,9%" in printed


def test_a_branch_counts_only_its_cells_and_unfinished_cells_are_listed(client, auth, make):
    bloc, branch2 = seed_bloc(make)
    auth.login("capuy_thu")
    page = text_of(client.get(f"/year/{YEAR}/stats?org={branch2.id}"))
    assert "98 đảng viên được đánh giá" in page
    assert "Đảng viên không giữ chức vụ lãnh đạo, quản lý 98 32 32,7% 53 54,1% 13 13,3%" in page
    assert "Chi bộ chưa chốt xếp loại (1) Chi bộ C" in page


def test_only_the_committee_of_the_subtree_reads_the_figures(client, auth, make, world):
    _, branch2 = seed_bloc(make)
    auth.login("capuy")  # the demo bloc's admin: another subtree
    assert client.get(f"/year/{YEAR}/stats?org={branch2.id}").status_code == 404
    auth.logout()
    auth.login("bithu")
    assert client.get(f"/year/{YEAR}/stats").status_code == 404
