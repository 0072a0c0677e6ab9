"""The year rated by Quy định 366-QĐ/TW: the cell decides points, the level follows from them and
the member's tasks; a year rated under Quy định 124 keeps its rule; members not to be rated are
listed as such; the paper follows the member's kind (2A, 2B, 2C) and carries their proposed
points; a review on demand."""

from datetime import date, timedelta

from sqlalchemy import select

from handbook.extensions import db
from handbook.meetings.models import Task
from handbook.models_base import utcnow
from handbook.year.access import this_year
from handbook.year.models import CellYear, OccasionalRating, Rating, SelfReview
from tests.conftest import text_of
from tests.meetings.factories import HTMX, meeting
from tests.year_factories import REVIEW, rating_data

YEAR = this_year()


def rate(client, cell, member, level="good", **extra):
    return client.post(f"/year/{YEAR}/cells/{cell.id}/ratings", data=rating_data(member, level, **extra),
                       follow_redirects=True)


def stored(member, year=YEAR) -> Rating:
    db.session.expire_all()
    return db.session.scalar(select(Rating).where(Rating.user_id == member.id, Rating.year == year))


def give_tasks(member, cell, on_time: int, late: int) -> None:
    held = meeting(cell, status="held", starts_in=-timedelta(days=300))
    start = date(YEAR, 1, 10)
    for n in range(on_time + late):
        due = start + timedelta(days=n)
        done = due if n < on_time else due + timedelta(days=3)
        db.session.add(Task(meeting_id=held.id, cell_id=cell.id, title=f"Việc {n}", owner_id=member.id, due_on=due,
                            status="done", done_on=done))
    db.session.commit()


def test_the_level_follows_from_the_points_and_the_members_tasks(client, auth, world, make):
    cell = world["cell1"]
    member = make.user("viec", cell=cell, full_name="Lý Văn Việc")
    give_tasks(member, cell, on_time=4, late=1)  # 20% late
    auth.login("bithu")
    page = text_of(rate(client, cell, member, "excellent"))  # 95 points, 30% beyond requirement
    assert "Đã ghi xếp loại của đồng chí Lý Văn Việc: Hoàn thành nhiệm vụ" in page
    rating = stored(member)
    assert (rating.rule, rating.level, rating.score) == ("366", "done", 95.0)
    assert rating.basis_data["tasks_late"] == 1 and rating.basis_data["beyond"] == 30
    assert "95 điểm" in page and "nhiệm vụ đúng hạn 4/5" in page
    other = world["users"]["dangvien2"]  # no task late: the same points give "xuất sắc"
    rate(client, cell, other, "excellent")
    assert stored(other).level == "excellent"


def test_a_year_rated_under_124_keeps_and_shows_its_rule(client, auth, world):
    member, cell = world["users"]["dangvien"], world["cell1"]
    old = YEAR - 2
    db.session.add(Rating(user_id=member.id, year=old, cell_id=cell.id, level="good", conduct="good", rule="124",
                          comment="Theo quy định cũ"))
    db.session.add(CellYear(cell_id=cell.id, year=old, finished_at=utcnow()))
    db.session.commit()
    auth.login("dangvien")
    mine = text_of(client.get(f"/year/{old}"))
    assert "Hoàn thành tốt nhiệm vụ" in mine and "Xếp loại theo Quy định 124-QĐ/TW (04/10/2023)" in mine
    assert "điểm" not in mine[mine.index("Kết quả xếp loại"):]  # a 124 rating has no score
    auth.logout()
    auth.login("bithu")
    assert "Xếp loại theo Quy định 124-QĐ/TW" in text_of(client.get(f"/year/{old}/cells/{cell.id}"))
    rate(client, cell, member)
    assert "Xếp loại theo Quy định 366-QĐ/TW (30/08/2025)" in text_of(client.get(f"/year/{YEAR}/cells/{cell.id}"))
    assert stored(member, old).rule == "124"
    auth.logout()
    auth.login("capuy")
    stats = text_of(client.get(f"/year/{old}/stats"))
    assert "Xếp loại theo Quy định 124-QĐ/TW (04/10/2023): 1 đảng viên." in stats


def test_members_not_to_be_rated_are_listed_and_not_waited_for(client, auth, world, make):
    cell, users = world["cell1"], world["users"]
    suspended = make.user("dinhchi", cell=cell, full_name="Vũ Văn Đình", party_standing="suspended")
    make.user("moivao", cell=cell, full_name="Đỗ Thị Mới", admitted_on=date(YEAR, 10, 1))
    auth.login("bithu")
    page = text_of(client.get(f"/year/{YEAR}/cells/{cell.id}"))
    listed = page[page.index("Không đánh giá, xếp loại năm"):]
    assert "Vũ Văn Đình: Đang bị đình chỉ sinh hoạt đảng" in listed
    assert f"Đỗ Thị Mới: Vào Đảng chưa đủ 6 tháng (vào Đảng ngày 01/10/{YEAR})" in listed
    refused = text_of(rate(client, cell, suspended))
    assert f"Đồng chí Vũ Văn Đình không đánh giá, xếp loại năm {YEAR}" in refused and stored(suspended) is None
    for name in ("bithu", "dangvien", "dangvien2"):
        rate(client, cell, users[name])
    client.post(f"/year/{YEAR}/cells/{cell.id}/finish")
    assert db.session.scalar(select(CellYear.finished_at).where(CellYear.cell_id == cell.id,
                                                                CellYear.year == YEAR)) is not None
    auth.logout()
    auth.login("moivao")
    assert "Không đánh giá, xếp loại năm" in text_of(client.get(f"/year/{YEAR}"))


def test_a_leader_writes_paper_2b_and_a_member_may_switch_to_2c(client, auth, world):
    auth.login("bithu")  # holds a leadership post
    page = client.get(f"/year/{YEAR}/review").get_data(as_text=True)
    assert '<option selected value="2B">' in page and "Về năng lực lãnh đạo, quản lý" in page
    client.post(f"/year/{YEAR}/review", data={**REVIEW, "kind": "2B", "version": "0"})
    refused = text_of(client.post(f"/year/{YEAR}/review/submit", follow_redirects=True))
    assert "Mục “Về năng lực lãnh đạo, quản lý và kết quả của cơ quan, đơn vị được giao phụ trách” còn trống" in refused
    auth.logout()
    auth.login("dangvien")
    first = client.post(f"/year/{YEAR}/review", data={**REVIEW, "version": "0"}, headers=HTMX)
    assert "HX-Refresh" not in first.headers  # the kind did not change
    switched = client.post(f"/year/{YEAR}/review", data={**REVIEW, "kind": "2C", "version": "1"}, headers=HTMX)
    assert switched.headers.get("HX-Refresh") == "true"  # the page is drawn again with 2C's parts
    page = text_of(client.get(f"/year/{YEAR}/review"))
    assert "Về việc thực hiện nhiệm vụ đảng viên ở nơi làm việc và nơi cư trú" in page
    assert "Về năng lực lãnh đạo" not in page
    client.post(f"/year/{YEAR}/review/submit")
    printed = text_of(client.get(f"/year/{YEAR}/review/print"))
    assert "Mẫu 2C: đảng viên không làm việc trong hệ thống chính trị" in printed


def test_the_member_proposes_points_and_the_cell_sees_them_beside_its_own(client, auth, world):
    auth.login("dangvien")
    client.post(f"/year/{YEAR}/review", data={**REVIEW, "proposed_tasks": "75", "version": "0"})
    refused = text_of(client.post(f"/year/{YEAR}/review/submit", follow_redirects=True))
    assert "Điểm mục “Kết quả thực hiện nhiệm vụ được giao” phải là số từ 0 đến 70" in refused
    saved = client.post(f"/year/{YEAR}/review", data={**REVIEW, "version": "1"}, headers=HTMX)
    assert "Tổng điểm tự chấm: 86,5/100 → Hoàn thành tốt nhiệm vụ" in text_of(saved)
    client.post(f"/year/{YEAR}/review/submit")
    db.session.expire_all()
    review = db.session.scalar(select(SelfReview).where(SelfReview.user_id == world["users"]["dangvien"].id))
    assert (review.status, review.rule, review.kind, review.self_level) == ("submitted", "366", "2A", "good")
    auth.logout()
    auth.login("bithu")
    page = text_of(client.get(f"/year/{YEAR}/cells/{world['cell1'].id}"))
    assert "(tự chấm 86,5 điểm: hoàn thành tốt nhiệm vụ)" in page and "Tự chấm: 8,5" in page


def test_a_review_on_demand_is_recorded_at_once_and_apart_from_the_year(client, auth, world, make):
    cell, member = world["cell1"], world["users"]["dangvien"]
    url = f"/year/{YEAR}/cells/{cell.id}/members/{member.id}/on-demand"
    data = {**rating_data(member, "good"), "reason": "Xem xét đề bạt"}
    auth.login("bithu")
    assert "Hãy ghi lý do đánh giá" in text_of(client.post(url, data={**data, "reason": " "}, follow_redirects=True))
    done = text_of(client.post(url, data=data, follow_redirects=True))
    assert "Đã ghi kết quả đánh giá khi cần thiết của đồng chí Lê Văn Đức: Hoàn thành tốt nhiệm vụ" in done
    assert db.session.scalar(select(Rating.id).where(Rating.year == YEAR)) is None  # not the year's rating
    past = url.replace(f"/year/{YEAR}/", f"/year/{YEAR - 1}/")
    assert client.post(past, data=data).status_code == 404  # dated today: only on this year's page
    auth.logout()
    make.user("bithu2", cell=world["cell2"], role="secretary")
    auth.login("bithu2")
    assert client.post(url, data=data).status_code == 404
    auth.logout()
    auth.login("dangvien")
    mine = text_of(client.get(f"/year/{YEAR}"))
    assert "Đánh giá khi cần thiết" in mine and "Xem xét đề bạt" in mine and "80 điểm" in mine
    assert len(db.session.scalars(select(OccasionalRating)).all()) == 1
