"""A member moved to another cell around the year-end rating: the rating belongs to the cell
that gave it. No other cell rewrites it, it is locked when that cell finishes, and the new cell
lists the member as rated elsewhere and finishes without them."""

import pytest
from sqlalchemy import select

from handbook.extensions import db
from handbook.year.access import this_year
from handbook.year.models import CellYear, Rating
from tests.conftest import text_of
from tests.year_factories import rating_data

YEAR = this_year()


@pytest.fixture
def cell2_secretary(make, world):
    return make.user("bithu2", cell=world["cell2"], role="secretary", full_name="Ngô Văn Bình")


def rate(client, cell, member, level="good", conduct="good"):
    data = rating_data(member, level, conduct)
    return client.post(f"/year/{YEAR}/cells/{cell.id}/ratings", data=data, follow_redirects=True)


def finish(client, cell):
    return client.post(f"/year/{YEAR}/cells/{cell.id}/finish", follow_redirects=True)


def as_user(client, auth, username):
    auth.logout()
    auth.login(username)


def move(client, auth, member, cell):
    as_user(client, auth, "capuy")
    client.post(f"/admin/members/{member.id}/move", data={"cell": str(cell.id)})


def finished(cell) -> bool:
    return db.session.scalar(select(CellYear.finished_at).where(CellYear.cell_id == cell.id,
                                                                CellYear.year == YEAR)) is not None


def stored(member) -> tuple[str, int]:
    db.session.expire_all()
    rating = db.session.scalar(select(Rating).where(Rating.user_id == member.id, Rating.year == YEAR))
    return rating.level, rating.cell_id


def test_a_finished_cells_rating_cannot_be_rewritten_from_the_members_new_cell(client, auth, world,
                                                                              cell2_secretary):
    users, cell1, cell2 = world["users"], world["cell1"], world["cell2"]
    auth.login("bithu")
    for name in ("bithu", "dangvien", "dangvien2"):
        rate(client, cell1, users[name])
    finish(client, cell1)
    move(client, auth, users["dangvien"], cell2)
    as_user(client, auth, "bithu2")
    refused = rate(client, cell2, users["dangvien"], level="excellent")
    assert f"đã được {cell1.name} xếp loại năm {YEAR}" in text_of(refused)
    assert stored(users["dangvien"]) == ("good", cell1.id)  # cell 1's locked row is untouched
    page = text_of(client.get(f"/year/{YEAR}/cells/{cell2.id}"))
    assert f"Đã được xếp loại ở {cell1.name}" in page
    rate(client, cell2, users["dangvien3"])
    rate(client, cell2, cell2_secretary)
    finish(client, cell2)
    assert finished(cell2)  # the moved member is not waited for


def test_a_member_moved_before_their_old_cell_finished_keeps_its_rating(client, auth, world, cell2_secretary):
    users, cell1, cell2 = world["users"], world["cell1"], world["cell2"]
    moved = users["dangvien"]
    auth.login("bithu")
    for name in ("bithu", "dangvien", "dangvien2"):
        rate(client, cell1, users[name])
    move(client, auth, moved, cell2)
    as_user(client, auth, "bithu2")
    refused = rate(client, cell2, moved, level="excellent")
    assert f"đã được {cell1.name} xếp loại năm {YEAR}" in text_of(refused)
    assert stored(moved) == ("good", cell1.id)
    rate(client, cell2, users["dangvien3"])
    rate(client, cell2, cell2_secretary)
    finish(client, cell2)
    assert finished(cell2)
    # The old cell still holds the rating: it lists the member as moved, may correct the
    # rating while its year is open, and counts it when it finishes.
    as_user(client, auth, "bithu")
    page = text_of(client.get(f"/year/{YEAR}/cells/{cell1.id}"))
    assert f"{moved.full_name} Đã chuyển sang {cell2.name}" in page
    assert client.get(f"/year/{YEAR}/cells/{cell1.id}/members/{moved.id}").status_code == 200  # their papers
    corrected = rate(client, cell1, moved, level="done")
    assert f"Đã ghi xếp loại của đồng chí {moved.full_name}" in text_of(corrected)
    assert stored(moved) == ("done", cell1.id)
    finish(client, cell1)
    assert finished(cell1)
    as_user(client, auth, "dangvien")
    assert "Hoàn thành nhiệm vụ" in text_of(client.get(f"/year/{YEAR}"))


def test_the_new_cell_rates_a_member_moved_before_anyone_rated_them(client, auth, world, cell2_secretary):
    users, cell1, cell2 = world["users"], world["cell1"], world["cell2"]
    move(client, auth, users["dangvien"], cell2)
    as_user(client, auth, "bithu2")
    rate(client, cell2, users["dangvien"], level="done")
    assert stored(users["dangvien"]) == ("done", cell2.id)
    as_user(client, auth, "bithu")
    assert "không sinh hoạt ở chi bộ" in text_of(rate(client, cell1, users["dangvien"]))
    assert stored(users["dangvien"]) == ("done", cell2.id)
