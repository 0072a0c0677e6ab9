"""Who sees which fees: a member their own and nobody else's; the cell's treasurer, secretary and
deputy the cell's; the committee admins above the cell its reports; everyone else 404. The
secretary names and relieves the treasurer, in the audit log."""

import pytest
from sqlalchemy import select

from handbook.admin.members import move_member
from handbook.audit import AuditEntry
from handbook.extensions import db
from tests.conftest import text_of
from tests.fees_factories import MONTH, YEAR, fee_cell, record, sheet_url


@pytest.fixture
def cell(make):
    w = fee_cell(make)
    record(w["salaried"], base=6_235_500)  # 62,355 đ
    record(w["retired"], category="retired", base=5_120_300, paid=0)  # owes 25,602 đ
    return w


def test_a_member_reads_their_own_months_and_no_one_elses(client, auth, cell):
    auth.login("luong")
    page = client.get(f"/fees/{YEAR}")
    assert page.status_code == 200 and page.headers["Cache-Control"] == "no-store"
    text = text_of(page)
    assert f"Tháng {MONTH}/{YEAR} Đã đóng đủ" in text and "6.235.500 đ × 1% → phải đóng 62.355 đ" in text
    assert "25.602" not in text and "Đinh Văn Hưu" not in text
    auth.logout()
    auth.login("huu")
    text = text_of(client.get(f"/fees/{YEAR}"))
    assert f"Tháng {MONTH}/{YEAR} Chưa đóng 25.602 đ" in text and "62.355" not in text


CELL_PAGES = ["", "/report", "/report.csv"]


@pytest.mark.parametrize("who", ["luong", "outsider", "other_secretary", "other_admin"])
def test_the_cells_fees_answer_404_to_anyone_outside_it(client, auth, make, cell, who):
    other = make.org("Chi bộ khác", "cell", cell["base"])
    make.user("outsider", cell=other)
    make.user("other_secretary", cell=other, role="secretary")
    make.user("other_admin", role="admin", role_org=make.org("Đảng bộ khác", "bloc"))
    auth.login(who)
    for path in CELL_PAGES:
        assert client.get(sheet_url(cell["cell"]) + path).status_code == 404, path
    assert client.get(f"/fees/cells/{cell['cell'].id}/{YEAR}").status_code == 404
    assert client.post(sheet_url(cell["cell"]), data={}).status_code == 404
    assert client.post(f"/fees/cells/{cell['cell'].id}/treasurers",
                       data={"member_id": cell["salaried"].id}).status_code == 404


def test_the_committee_above_reads_the_reports_but_does_not_record(client, auth, make, cell):
    make.user("capuy2", role="admin", role_org=cell["bloc"])
    auth.login("capuy2")
    assert client.get(sheet_url(cell["cell"]) + "/report").status_code == 200
    assert client.get(sheet_url(cell["cell"]) + "/report.csv").status_code == 200
    assert client.get(f"/fees/committee/{YEAR}/{MONTH}").status_code == 200
    assert client.get(sheet_url(cell["cell"])).status_code == 404
    page = text_of(client.get(f"/fees/cells/{cell['cell'].id}/{YEAR}"))
    assert "Báo cáo" in page and "Ghi tháng" not in page and "Người thu đảng phí" not in page


def test_the_treasurer_records_but_neither_names_treasurers_nor_sees_the_flag(client, auth, cell):
    auth.login("tq")
    assert client.get(sheet_url(cell["cell"])).status_code == 200
    page = text_of(client.get(f"/fees/cells/{cell['cell'].id}/{YEAR}"))
    assert f"Sửa tháng {MONTH}" in page and "Người thu đảng phí" not in page and "Chưa đóng từ 3 tháng" not in page
    assert client.post(f"/fees/cells/{cell['cell'].id}/treasurers",
                       data={"member_id": cell["salaried"].id}).status_code == 404
    assert client.get(f"/fees/committee/{YEAR}/{MONTH}").status_code == 404


def test_a_treasurer_moved_to_another_cell_no_longer_records_the_old_one(client, auth, make, cell):
    other = make.org("Chi bộ mới", "cell", cell["base"])
    move_member(cell["treasurer"], other)
    db.session.commit()
    assert not cell["treasurer"].roles
    auth.login("tq")
    assert client.get(sheet_url(cell["cell"])).status_code == 404


def test_the_secretary_names_and_relieves_the_treasurer(client, auth, cell):
    auth.login("bt")
    url = f"/fees/cells/{cell['cell'].id}/treasurers"
    named = client.post(url, data={"member_id": cell["salaried"].id}, follow_redirects=True)
    assert "Đã giao đồng chí Cao Văn Lương thu và ghi đảng phí của chi bộ." in text_of(named)
    again = client.post(url, data={"member_id": cell["salaried"].id}, follow_redirects=True)
    assert "Đồng chí Cao Văn Lương đã là người thu đảng phí của chi bộ." in text_of(again)
    auth.logout()
    auth.login("luong")
    assert client.get(sheet_url(cell["cell"])).status_code == 200
    auth.logout()
    auth.login("bt")
    relieved = client.post(f"{url}/{cell['salaried'].id}/remove", follow_redirects=True)
    assert "Đồng chí Cao Văn Lương thôi thu đảng phí của chi bộ." in text_of(relieved)
    actions = [(e.action, e.actor_id, e.target_id, e.org_id) for e in db.session.scalars(
        select(AuditEntry).order_by(AuditEntry.id))]
    who = (cell["secretary"].id, cell["salaried"].id, cell["cell"].id)
    assert actions == [("role.assigned", *who), ("role.removed", *who)]
    auth.logout()
    auth.login("luong")
    assert client.get(sheet_url(cell["cell"])).status_code == 404


def test_only_a_member_of_the_cell_can_be_named(client, auth, make, cell):
    stranger = make.user("stranger", cell=make.org("Chi bộ khác", "cell", cell["base"]))
    auth.login("bt")
    url = f"/fees/cells/{cell['cell'].id}/treasurers"
    for value in (stranger.id, "abc", ""):
        answer = client.post(url, data={"member_id": value}, follow_redirects=True)
        assert "Chỉ giao được cho đảng viên đang sinh hoạt ở Chi bộ Khu phố 3." in text_of(answer)
    assert client.post(f"{url}/{cell['salaried'].id}/remove").status_code == 404  # not a treasurer
    assert not db.session.scalars(select(AuditEntry)).all()


def test_the_committee_may_relieve_a_treasurer_too(client, auth, make, cell):
    make.user("capuy2", role="admin", role_org=cell["bloc"])
    auth.login("capuy2")
    page = client.get(f"/admin/members/{cell['treasurer'].id}")
    assert "Thủ quỹ chi bộ (thu đảng phí)" in text_of(page)
    client.post(f"/admin/members/{cell['treasurer'].id}/roles/treasurer/remove")
    db.session.expire_all()
    assert not cell["treasurer"].roles
    entry = db.session.scalar(select(AuditEntry).where(AuditEntry.action == "role.removed"))
    assert entry.summary == "Thôi Thủ quỹ chi bộ (thu đảng phí) Chi bộ Khu phố 3 của Bình Thủ Quỹ"
