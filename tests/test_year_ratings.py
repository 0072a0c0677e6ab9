"""The cell's rating at the year-end meeting: points decided by the cell and the level they give,
exemplary conduct, the cap on "xuất sắc" with its arithmetic said once, the confirmed finish,
the cell's vote where one was held, and who sees what."""

from datetime import timedelta

from sqlalchemy import func, select

from handbook.extensions import db
from handbook.meetings.models import Attendance
from handbook.meetings.votes import service as votes
from handbook.year.access import this_year
from handbook.year.levels import LEVELS, excellent_allowed, level_of, over_cap, percent
from handbook.year.models import CellYear, Rating
from tests.conftest import text_of
from tests.meetings.factories import meeting
from tests.year_factories import rating_data

YEAR = this_year()


def rate(client, world, username, level="good", conduct="good", **extra):
    data = rating_data(world["users"][username], level, conduct, **extra)
    return client.post(f"/year/{YEAR}/cells/{world['cell1'].id}/ratings", data=data, follow_redirects=True)


def ratings_count() -> int:
    return db.session.scalar(select(func.count(Rating.id)).where(Rating.year == YEAR))


def test_the_cap_on_excellent_counts_those_rated_good_or_better():
    assert excellent_allowed(1, 4, 20) == 1 and not over_cap(1, 4, 20)
    assert over_cap(1, 3, 20)  # 4 rated "tốt" or better: 20% of them is under one
    assert over_cap(2, 8, 20) is False and over_cap(3, 7, 20) is True
    assert excellent_allowed(0, 0, 20) == 0


def test_shares_are_printed_as_the_report_prints_them():
    assert [percent(n, 1521) for n in (1506, 11, 4)] == ["99%", "0,7%", "0,3%"]
    assert [percent(n, 3098) for n in (3032, 53, 13)] == ["97,9%", "1,7%", "0,4%"]
    assert percent(1, 8) == "12,5%" and percent(1, 16) == "6,3%"  # halves round up
    assert percent(0, 0) == "0%"


def test_a_vote_label_names_its_level():
    assert level_of("  Hoàn thành tốt  nhiệm vụ") == "good" and level_of("Tán thành") is None


def test_bad_ratings_are_refused_with_a_sentence_and_change_nothing(client, auth, world, make):
    auth.login("bithu")
    assert "Điểm mục “Tư tưởng chính trị” phải là số từ 0 đến 10" in text_of(
        rate(client, world, "dangvien", score_political="mười"))
    assert "Điểm mục “Kết quả thực hiện nhiệm vụ được giao” phải là số từ 0 đến 70" in text_of(
        rate(client, world, "dangvien", score_tasks="70,5"))
    assert "Tỷ lệ nhiệm vụ hoàn thành vượt mức phải là số phần trăm từ 0 đến 100" in text_of(
        rate(client, world, "dangvien", beyond="150"))
    assert "Hãy chọn mức nêu gương" in text_of(rate(client, world, "dangvien", conduct=""))
    assert "Hãy chọn mức nêu gương" in text_of(rate(client, world, "dangvien", conduct="x"))
    other = rate(client, world, "dangvien3")  # a member of cell 2
    assert "không sinh hoạt ở chi bộ" in text_of(other)
    future = client.post(f"/year/{YEAR + 1}/cells/{world['cell1'].id}/ratings",
                         data=rating_data(world["users"]["dangvien"]))
    assert future.status_code == 400 and "chưa tới" in text_of(future)
    assert ratings_count() == 0


def test_nothing_is_chosen_for_the_cell_in_advance(client, auth, world):
    auth.login("bithu")
    page = client.get(f"/year/{YEAR}/cells/{world['cell1'].id}").get_data(as_text=True)
    card = page[page.index(f'id="member-{world["users"]["dangvien"].id}"'):]
    card = card[:card.index("</section>")]
    assert 'name="level"' not in card  # the level follows from the points
    assert " selected" not in card  # conduct starts on "— chọn —"
    assert all(f'name="score_{g}" inputmode="decimal" autocomplete="off" value=""' in card
               for g in ("political", "ethics", "discipline", "tasks"))
    assert 'name="beyond" inputmode="numeric" autocomplete="off" value=""' in card


def test_the_cell_finishes_only_with_everyone_rated_and_the_cap_held(client, auth, world):
    auth.login("bithu")
    rate(client, world, "bithu", level="excellent")
    page = rate(client, world, "dangvien")
    assert "20% × 2 = 0,4 → tối đa 0 đồng chí" in text_of(page)  # the arithmetic while rating
    confirm = text_of(client.get(f"/year/{YEAR}/cells/{world['cell1'].id}/finish"))
    assert "còn 1 đảng viên chưa được xếp loại (Phạm Thị Hương)" in confirm
    assert "Xác nhận chốt" not in confirm
    refused = client.post(f"/year/{YEAR}/cells/{world['cell1'].id}/finish", follow_redirects=True)
    assert "Còn 1 đảng viên chưa được xếp loại: Phạm Thị Hương" in text_of(refused)
    rate(client, world, "dangvien2")
    confirm = text_of(client.get(f"/year/{YEAR}/cells/{world['cell1'].id}/finish"))
    assert confirm.count("tối đa 0 đồng chí") == 1 and "Xác nhận chốt" not in confirm
    capped = text_of(client.post(f"/year/{YEAR}/cells/{world['cell1'].id}/finish", follow_redirects=True))
    assert "vượt mức tối đa" in capped and capped.count("tối đa 0 đồng chí") == 1  # said once, not twice
    assert db.session.scalar(select(CellYear.finished_at).where(CellYear.year == YEAR)) is None
    rate(client, world, "bithu", level="good", comment="Gương mẫu")
    confirm = text_of(client.get(f"/year/{YEAR}/cells/{world['cell1'].id}/finish"))
    assert "Hoàn thành tốt nhiệm vụ: 3" in confirm and "Xác nhận chốt xếp loại năm" in confirm
    client.post(f"/year/{YEAR}/cells/{world['cell1'].id}/finish")
    assert db.session.scalar(select(CellYear.finished_at).where(CellYear.year == YEAR)) is not None
    locked = rate(client, world, "dangvien", level="done")
    assert "đã chốt xếp loại" in text_of(locked)
    assert db.session.scalar(select(Rating.level).where(Rating.user_id == world["users"]["dangvien"].id,
                                                        Rating.year == YEAR)) == "good"


def test_a_member_sees_their_own_result_once_the_cell_has_finished(client, auth, world):
    auth.login("bithu")
    for name in ("bithu", "dangvien", "dangvien2"):
        rate(client, world, name, comment=f"Nhận xét cho {name}")
    auth.logout()
    auth.login("dangvien")
    assert "Chi bộ chưa chốt xếp loại" in text_of(client.get(f"/year/{YEAR}"))
    auth.logout()
    auth.login("bithu")
    client.post(f"/year/{YEAR}/cells/{world['cell1'].id}/finish")
    auth.logout()
    auth.login("dangvien")
    mine = text_of(client.get(f"/year/{YEAR}"))
    assert "Hoàn thành tốt nhiệm vụ" in mine and "Nhận xét cho dangvien" in mine
    assert "Nhận xét cho dangvien2" not in mine
    assert client.get(f"/year/{YEAR}/cells/{world['cell1'].id}").status_code == 404


def test_the_cells_vote_on_a_member_is_shown_and_linked_when_the_points_agree(client, auth, world):
    m = meeting(world["cell1"], status="published", starts_in=-timedelta(minutes=10))
    for name in ("bithu", "dangvien", "dangvien2"):
        db.session.add(Attendance(meeting_id=m.id, user_id=world["users"][name].id, status="present"))
    member = world["users"]["dangvien2"]
    vote = votes.open_vote(m, question="Xếp loại đồng chí Phạm Thị Hương", kind="rating",
                           choices=list(LEVELS.values()), subject=member)
    votes.close(vote, [0, 0, 3, 0])
    db.session.commit()
    auth.login("bithu")
    page = text_of(client.get(f"/year/{YEAR}/cells/{world['cell1'].id}"))
    assert "Chi bộ đã biểu quyết: Hoàn thành nhiệm vụ" in page
    rate(client, world, "dangvien2", level="done")
    assert db.session.scalar(select(Rating.vote_id).where(Rating.user_id == member.id, Rating.year == YEAR)) == vote.id


def test_the_cell_rates_its_members_in_vietnamese_alphabetical_order(world, make):
    from handbook.year.ratings import cell_members

    cell = world["cell2"]
    names = ["Võ An", "Đỗ An", "An Bình", "Đinh An", "Dương An", "Ân Bình"]
    for n, name in enumerate(names):
        make.user(f"thu_tu_{n}", cell=cell, full_name=name)
    listed = [u.full_name for u in cell_members(cell) if u.full_name in names]
    assert listed == ["An Bình", "Ân Bình", "Dương An", "Đinh An", "Đỗ An", "Võ An"]
