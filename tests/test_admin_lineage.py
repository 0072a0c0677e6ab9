"""The organisation in time: merges, splits and renames keep every record and the names of
their time; dashboards count each cell once across a merge; closed organisations leave the
pickers (the 2025 reorganisation, handbook/orgs/__init__.py)."""

import re
from datetime import date, datetime, timedelta

from sqlalchemy import select

from handbook.admin import dashboard
from handbook.admin.models import MembershipChange
from handbook.audit import AuditEntry
from handbook.auth.models import User
from handbook.extensions import db
from handbook.meetings.models import Meeting
from handbook.orgs import history
from handbook.orgs.models import Organization, OrganizationLink, OrganizationName
from handbook.timefmt import vn_date, vn_today
from handbook.year.models import Rating
from handbook.year.stats import year_table
from tests import admin_factories
from tests.conftest import text_of
from tests.meetings.factories import meeting
from tests.meetings.minutes.test_minutes import complete

DAY = date(2025, 7, 1)


def _merge(client, source, target, day="01/07/2025", confirm=False):
    data = {"merge-target": str(target.id), "merge-day": day}
    if confirm:
        data["merge-confirm"] = "1"
    return client.post(f"/admin/orgs/{source.id}/merge", data=data)


def _org(org_id) -> Organization:
    db.session.expire_all()
    return db.session.get(Organization, org_id)


def _dashboard_cells(client, root, year, month) -> list[int]:
    html = client.get(f"/admin/dashboard?org={root.id}&year={year}&month={month}").get_data(as_text=True)
    return [int(i) for i in re.findall(r'<th scope="row"><a href="/admin/orgs/(\d+)"', html)]


def test_merging_two_base_organisations_moves_their_cells_and_keeps_their_history(client, auth, world, make):
    finance = make.org("Đảng bộ Sở Tài chính", "base", world["base"].parent)
    budget = make.org("Chi bộ Phòng Ngân sách", "cell", finance)
    member = make.user("ngansach", cell=budget, full_name="Lý Thị Ngân")
    june = admin_factories.meeting(budget, day=datetime(2025, 6, 5, 14), present=[member])
    admin_factories.study(finance)
    auth.login("capuy")

    preview = _merge(client, finance, world["base"])
    assert preview.status_code == 200
    text = text_of(preview)
    assert "Sáp nhập “Đảng bộ Sở Tài chính” vào “Đảng bộ Sở Khoa học và Công nghệ (demo)” từ 01/07/2025" in text
    assert "1 tổ chức trực thuộc chuyển về" in text and "Chi bộ Phòng Ngân sách" in text
    assert "1 chi bộ đang hoạt động với 1 đảng viên" in text
    assert "0 văn bản đăng riêng cho “Đảng bộ Sở Tài chính” và 1 lượt giao học tập của nó vẫn thuộc nó" in text
    assert not _org(finance.id).closed  # the summary changes nothing

    assert _merge(client, finance, world["base"], confirm=True).status_code == 302
    finance, budget, base = _org(finance.id), _org(budget.id), _org(world["base"].id)
    assert finance.closed and finance.valid_to == DAY
    assert budget.parent_id == base.id and budget.path == f"{base.path}{budget.id}/"
    link = db.session.scalar(select(OrganizationLink).where(OrganizationLink.from_org_id == finance.id))
    assert (link.to_org_id, link.kind, link.effective_on) == (base.id, "merged", DAY)
    assert "Sáp nhập “Đảng bộ Sở Tài chính”" in db.session.scalar(
        select(AuditEntry.summary).where(AuditEntry.action == "org.merged", AuditEntry.target_id == finance.id))
    # The cell took its members and its meetings along; the superior of its past is kept.
    assert db.session.get(User, member.id).cell_id == budget.id
    assert db.session.get(Meeting, june.id).cell_id == budget.id
    assert history.parent_on(budget, date(2025, 6, 5)).id == finance.id
    assert history.parent_on(budget, DAY).id == base.id
    # The member list (a search index with the tree as facets) finds the member under the survivor.
    assert "Lý Thị Ngân" in text_of(client.get(f"/admin/members?org={base.id}&q=Ngan"))
    assert "Lý Thị Ngân" not in text_of(client.get(f"/admin/members?org={finance.id}&q=Ngan"))
    # Each cell once, in the month before the merge and after it, from the top of the tree.
    for year, month in ((2025, 6), (2025, 7), (2026, 1)):
        cells = _dashboard_cells(client, world["bloc"], year, month)
        assert len(cells) == len(set(cells)) and budget.id in cells
    assert dashboard.figures([budget], 2025, 6)[0].regular == 1
    assert _dashboard_cells(client, base, 2025, 6).count(budget.id) == 1
    assert _dashboard_cells(client, finance, 2025, 6) == []
    # The organisation merged away is history: out of the tree, and its page says where it went.
    assert "Đảng bộ Sở Tài chính" not in text_of(client.get("/admin/orgs"))
    assert "Đảng bộ Sở Tài chính" in text_of(client.get("/admin/orgs?closed=1"))
    page = text_of(client.get(f"/admin/orgs/{finance.id}"))
    assert "01/07/2025: sáp nhập vào Đảng bộ Sở Khoa học và Công nghệ (demo)" in page and "Mở lại" not in page
    client.post(f"/admin/orgs/{finance.id}/close")  # a merge is not undone by reopening
    assert _org(finance.id).closed


def test_merging_two_cells_moves_the_members_and_old_meetings_keep_the_old_cell(client, auth, world, make):
    planning = make.org("Chi bộ Phòng Kế hoạch", "cell", world["base"])
    member = make.user("kehoach", cell=planning, full_name="Đinh Văn Kế", role="secretary")
    june = admin_factories.meeting(planning, day=datetime(2025, 6, 10, 14), present=[member])
    auth.login("capuy")

    text = text_of(_merge(client, planning, world["cell2"]))
    assert "1 đảng viên chuyển sang “Chi bộ Văn phòng Sở”: Đinh Văn Kế" in text
    assert "Thôi chức trách ở “Chi bộ Phòng Kế hoạch”: bí thư chi bộ Đinh Văn Kế" in text
    assert "1 buổi họp đã có" in text

    assert _merge(client, planning, world["cell2"], confirm=True).status_code == 302
    moved = db.session.get(User, member.id)
    assert moved.cell_id == world["cell2"].id and moved.roles == []
    change = db.session.scalar(select(MembershipChange).where(MembershipChange.user_id == member.id,
                                                              MembershipChange.link_id.is_not(None)))
    assert (change.from_cell_id, change.to_cell_id) == (planning.id, world["cell2"].id)
    assert "01/07/2025: từ Chi bộ Phòng Kế hoạch đến Chi bộ Văn phòng Sở Sáp nhập" in text_of(
        client.get(f"/admin/members/{member.id}"))
    assert _org(planning.id).closed and db.session.get(Meeting, june.id).cell_id == planning.id
    # June: the merged cell has its own row with its meeting; July: only the survivor counts.
    june_cells = _dashboard_cells(client, world["bloc"], 2025, 6)
    assert june_cells.count(planning.id) == 1 and june_cells.count(world["cell2"].id) == 1
    assert planning.id not in _dashboard_cells(client, world["bloc"], 2025, 7)
    assert dashboard.figures([_org(planning.id)], 2025, 6)[0].regular == 1
    months = {m["month"]: m for m in dashboard.year_overview(world["bloc"], 2025)}
    # The demo's own cell merged into cell 2 on the same day leaves too.
    assert months[6]["cells"] - months[7]["cells"] == 2 and months[6]["cells_met"] == 2


def test_a_merged_cell_leaves_the_pickers_and_takes_no_new_member(client, auth, world, make):
    planning = make.org("Chi bộ Phòng Kế hoạch", "cell", world["base"])
    auth.login("capuy")
    assert _merge(client, planning, world["cell2"], confirm=True).status_code == 302
    client.get(f"/admin/orgs/{world['cell2'].id}")  # where the flash about the merge is read
    assert "Chi bộ Phòng Kế hoạch" not in text_of(client.get("/admin/members/new"))
    refused = client.post("/admin/members/new", data={"full_name": "Mai Văn Mới", "card_number": "93880001",
                                                      "cell": str(planning.id)})
    assert refused.status_code == 422 and db.session.scalar(select(User).where(User.full_name == "Mai Văn Mới")) is None
    assert "Chi bộ Phòng Kế hoạch" not in text_of(client.get(f"/admin/members/{world['users']['dangvien'].id}"))
    assert "Chi bộ Phòng Kế hoạch" not in text_of(client.get(f"/admin/orgs/{world['cell1'].id}"))
    tree = text_of(client.get(f"/admin/orgs/{world['base'].id}?closed=1"))
    assert "Chi bộ Phòng Kế hoạch Chi bộ Thôi hoạt động từ 01/07/2025" in tree


def test_a_merge_is_refused_while_the_cell_meets_after_the_day_or_the_day_is_ahead(client, auth, world, make):
    auth.login("capuy")
    refused = _merge(client, world["cell2"], world["cell1"], confirm=True)  # cell 2 met last month
    assert refused.status_code == 422 and "buổi họp từ ngày này trở đi" in text_of(refused)
    ahead = _merge(client, world["cell2"], world["cell1"], day=vn_date(vn_today() + timedelta(days=2)), confirm=True)
    assert ahead.status_code == 422 and "Ngày sáp nhập không hợp lệ" in text_of(ahead)
    other_kind = _merge(client, world["cell2"], world["base"], confirm=True)
    assert other_kind.status_code == 422 and "Chỉ sáp nhập được chi bộ vào chi bộ" in text_of(other_kind)
    assert not _org(world["cell2"].id).closed
    assert db.session.get(User, world["users"]["dangvien3"].id).cell_id == world["cell2"].id


def test_a_rename_keeps_the_old_name_on_the_minutes_and_figures_of_before(client, auth, world):
    before = meeting(world["cell1"], status="held", starts_in=timedelta(days=-40), title="Sinh hoạt trước khi đổi tên")
    complete(client, auth, before)
    auth.logout()
    auth.login("capuy")
    day = vn_today() - timedelta(days=20)
    renamed = client.post(f"/admin/orgs/{world['cell1'].id}/rename",
                          data={"name": "Chi bộ Phòng Chuyển đổi số", "day": vn_date(day)})
    assert renamed.status_code == 302
    after = meeting(world["cell1"], status="held", starts_in=timedelta(hours=-3), title="Sinh hoạt sau khi đổi tên")
    complete(client, auth, after)
    auth.logout()
    auth.login("dangvien2")
    old_book = text_of(client.get(f"/meetings/{before.id}/print")).split("BIÊN BẢN SINH HOẠT CHI BỘ")[0]
    new_book = text_of(client.get(f"/meetings/{after.id}/print")).split("BIÊN BẢN SINH HOẠT CHI BỘ")[0]
    assert "CHI BỘ PHÒNG CÔNG NGHỆ THÔNG TIN" in old_book and "CHUYỂN ĐỔI SỐ" not in old_book
    assert "CHI BỘ PHÒNG CHUYỂN ĐỔI SỐ" in new_book
    assert "Chi bộ Chi bộ Phòng Công nghệ thông tin" in text_of(client.get(f"/meetings/{before.id}"))
    assert "Chi bộ Chi bộ Phòng Chuyển đổi số" in text_of(client.get(f"/meetings/{after.id}"))
    auth.logout()
    auth.login("capuy")
    old_month = (day - timedelta(days=31)).replace(day=1)
    figures = text_of(client.get(f"/admin/dashboard?year={old_month.year}&month={old_month.month}"))
    assert "Chi bộ Phòng Công nghệ thông tin (nay là Chi bộ Phòng Chuyển đổi số)" in figures
    page = text_of(client.get(f"/admin/orgs/{world['cell1'].id}"))
    assert f"Tên “Chi bộ Phòng Công nghệ thông tin” đến hết {vn_date(day - timedelta(days=1))}" in page
    # A name takes effect after the present one only; a second rename on its day corrects it.
    earlier = client.post(f"/admin/orgs/{world['cell1'].id}/rename",
                          data={"name": "Chi bộ Khác", "day": vn_date(day - timedelta(days=1))})
    assert earlier.status_code == 422 and f"Tên hiện nay có từ {vn_date(day)}" in text_of(earlier)
    client.post(f"/admin/orgs/{world['cell1'].id}/rename", data={"name": "Chi bộ Phòng Chuyển đổi số và Dữ liệu",
                                                                  "day": vn_date(day)})
    names = db.session.scalars(select(OrganizationName.name).where(OrganizationName.org_id == world["cell1"].id))
    assert list(names) == ["Chi bộ Phòng Công nghệ thông tin"]


def test_the_years_table_prints_the_committees_name_of_that_year(client, auth, world):
    auth.login("capuy")
    this_year = vn_today().year
    client.post(f"/admin/orgs/{world['bloc'].id}/rename",
                data={"name": "Đảng bộ tỉnh mới (demo)", "day": f"01/01/{this_year}"})
    last = text_of(client.get(f"/year/{this_year - 1}/stats?print=1"))
    assert "Đảng bộ tỉnh (demo)" in last and "tỉnh mới" not in last
    assert "Đảng bộ tỉnh mới (demo)" in text_of(client.get(f"/year/{this_year}/stats?print=1"))
    assert "Đảng bộ tỉnh (demo)" in client.get(f"/year/{this_year - 1}/stats.csv").get_data(as_text=True)


def test_the_years_ratings_count_once_across_a_merge_of_base_organisations(client, auth, world, make):
    finance = make.org("Đảng bộ Sở Tài chính", "base", world["base"].parent)
    budget = make.org("Chi bộ Phòng Ngân sách", "cell", finance)
    member = make.user("ngansach", cell=budget)
    db.session.add(Rating(user_id=member.id, year=2025, cell_id=budget.id, level="good", conduct="good"))
    db.session.commit()
    before = {org.id: year_table(org, 2025).evaluated for org in (world["bloc"], world["base"], finance)}
    auth.login("capuy")
    assert _merge(client, finance, world["base"], confirm=True).status_code == 302
    after = {org.id: year_table(_org(org.id), 2025).evaluated for org in (world["bloc"], world["base"], finance)}
    assert after[world["bloc"].id] == before[world["bloc"].id]  # the province counts the rating once
    assert (after[world["base"].id], after[finance.id]) == (before[world["base"].id] + 1, 0)


def test_a_self_review_prints_the_cell_it_was_written_in_after_its_member_moves(client, auth, world):
    đạt = world["users"]["dangvien3"]
    year = vn_today().year - 1  # the demo's finished year
    auth.login("capuy")
    data = {"split-name": "Chi bộ Lưu trữ", "split-day": vn_date(vn_today()), "split-parts": [str(đạt.id)],
            "split-confirm": "1"}
    assert client.post(f"/admin/orgs/{world['cell2'].id}/split", data=data).status_code == 302
    auth.logout()
    auth.login("dangvien3")
    paper = text_of(client.get(f"/year/{year}/review/print"))
    assert "Chi bộ: Chi bộ Văn phòng Sở" in paper and "Lưu trữ" not in paper


def test_splitting_a_cell_moves_the_chosen_members_to_a_new_cell(client, auth, world):
    hương = world["users"]["dangvien2"]  # also the cell's treasurer in the demo
    data = {"split-name": "Chi bộ Phòng Dữ liệu", "split-day": vn_date(vn_today()), "split-parts": [str(hương.id)]}
    auth.login("capuy")
    preview = text_of(client.post(f"/admin/orgs/{world['cell1'].id}/split", data=data))
    assert "1 đảng viên chuyển sang “Chi bộ Phòng Dữ liệu”: Phạm Thị Hương" in preview and "thủ quỹ" in preview
    done = client.post(f"/admin/orgs/{world['cell1'].id}/split", data={**data, "split-confirm": "1"})
    assert done.status_code == 302
    new = db.session.scalar(select(Organization).where(Organization.name == "Chi bộ Phòng Dữ liệu"))
    assert new.parent_id == world["base"].id and new.is_cell and new.valid_from == vn_today()
    moved = db.session.get(User, hương.id)
    assert moved.cell_id == new.id and moved.roles == []
    link = db.session.scalar(select(OrganizationLink).where(OrganizationLink.to_org_id == new.id))
    assert (link.from_org_id, link.kind) == (world["cell1"].id, "split")
    assert not _org(world["cell1"].id).closed
    nobody = client.post(f"/admin/orgs/{world['cell1'].id}/split", data={**data, "split-parts": []})
    assert nobody.status_code == 422 and "Hãy chọn những đảng viên" in text_of(nobody)


def test_the_demo_shows_the_2025_reorganisation(client, auth, world):
    auth.login("capuy")
    tree = text_of(client.get("/admin/orgs"))
    for name in ("Đảng bộ các cơ quan Đảng tỉnh (demo)", "Đảng bộ UBND tỉnh (demo)", "Đảng bộ xã Tân Sơn (demo)"):
        assert name in tree
    assert "Đảng bộ Khối Cơ quan và Doanh nghiệp tỉnh (demo)" not in tree and "huyện" not in tree
    old_cell = db.session.scalar(select(Organization).where(Organization.name.startswith("Chi bộ Văn phòng Sở Thông")))
    june = db.session.scalar(select(Meeting).where(Meeting.cell_id == old_cell.id))
    book = text_of(client.get(f"/meetings/{june.id}/print")).split("BIÊN BẢN SINH HOẠT CHI BỘ")[0]
    assert "ĐẢNG BỘ SỞ THÔNG TIN VÀ TRUYỀN THÔNG (DEMO)" in book and "CHI BỘ VĂN PHÒNG SỞ THÔNG TIN" in book
