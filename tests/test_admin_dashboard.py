"""Dashboard figures per cell and month, its CSV, and the audit log viewer."""

import re
from datetime import datetime

from handbook.admin import dashboard
from handbook.audit import record
from handbook.extensions import db
from tests import admin_factories as af
from tests.conftest import text_of


def _march_meetings(world):
    u = world["users"]
    af.meeting(world["cell1"], day=datetime(2026, 3, 5, 14), present=[u["bithu"], u["dangvien"]],
               absent=[u["dangvien2"]], readers=[u["bithu"], u["dangvien"]], duration=120)
    af.meeting(world["cell1"], day=datetime(2026, 3, 20, 14), kind="thematic", published_days_before=0.5,
               present=[u["bithu"]])
    af.meeting(world["cell2"], day=datetime(2026, 3, 6, 8), status="published")  # not held yet
    af.meeting(world["cell1"], day=datetime(2026, 1, 5, 8))
    af.meeting(world["cell1"], day=datetime(2026, 2, 28, 23, 30))  # late evening, Vietnamese time: still February
    af.study(world["bloc"], studied_by=[u["dangvien"]])


def test_figures_per_cell_for_one_month(world):
    _march_meetings(world)
    cell1, cell2 = dashboard.figures([world["cell1"], world["cell2"]], 2026, 3)
    assert (cell1.regular, cell1.thematic, cell1.published, cell1.on_time) == (1, 1, 2, 1)
    assert cell1.planned_minutes == 210 and cell1.members == 3
    assert (cell1.present, cell1.attendance_rows) == (3, 4)
    assert cell1.reads == 2 and round(cell1.read_rate, 2) == round(2 / 6, 2)
    assert (cell1.study_done, cell1.study_due) == (1, 3)
    assert cell1.missed is False and cell1.missed_months == []
    assert cell2.missed is True and cell2.missed_months == [1, 2, 3] and cell2.published == 1


def test_dashboard_page_flags_cells_that_missed_the_month_and_draws_svg(client, auth, world):
    _march_meetings(world)
    auth.login("capuy")
    response = client.get("/admin/dashboard?year=2026&month=3")
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and "<svg" in html and "style=" not in html
    row = re.search(r"<tr class=\"bad\">.*?</tr>", html, re.S).group(0)
    assert "Chi bộ Văn phòng Sở" in row and "Thiếu họp" in row
    assert "1 chi bộ chưa có buổi sinh hoạt định kỳ" in text_of(response)
    # The table lists only the cells that missed (the cards below it are about the whole subtree).
    page = client.get("/admin/dashboard?year=2026&month=3&missed=1").get_data(as_text=True)
    only = re.search(r'<div id="dashboard-table">.*?</table>', page, re.S).group(0)
    assert "Chi bộ Văn phòng Sở" in only and "Chi bộ Phòng Công nghệ thông tin" not in only


def test_dashboard_csv_has_the_same_figures(client, auth, world):
    _march_meetings(world)
    world["cell2"].name = "=cmd|' /C calc'!A0"
    db.session.commit()
    auth.login("capuy")
    body = client.get("/admin/dashboard.csv?year=2026&month=3").get_data(as_text=True)
    lines = body.lstrip("\ufeff").splitlines()
    assert lines[0].startswith("Chi bộ,Tháng")
    assert "Chi bộ Phòng Công nghệ thông tin,03/2026,3,1,1,0,2,1,210,75%,33%,33%," in body
    assert any(line.startswith("'=cmd") for line in lines) and not any(line.startswith("=") for line in lines)


def test_dashboard_of_a_sub_organisation(client, auth, world, make):
    other_base = make.org("Đảng bộ Sở Y tế", "base", world["bloc"])
    make.org("Chi bộ Khoa Nội", "cell", other_base)
    auth.login("capuy")
    page = text_of(client.get(f"/admin/dashboard?org={other_base.id}"))
    assert "Chi bộ Khoa Nội" in page and "Chi bộ Văn phòng Sở" not in page


def test_audit_log_shows_the_subtree_and_filters(client, auth, world, make):
    other = make.org("Đảng bộ khác", "bloc")
    record("org.updated", org=other, summary="Việc của đảng bộ khác")
    record("agenda.published", org=world["cell1"], actor=world["users"]["bithu"],
           summary="Công bố chương trình tháng 3")
    db.session.commit()
    auth.login("capuy")
    client.post(f"/admin/members/{world['users']['dangvien'].id}/password")
    page = text_of(client.get("/admin/audit"))
    assert "Công bố chương trình tháng 3" in page and "Cấp lại mật khẩu" in page
    assert "Việc của đảng bộ khác" not in page and "127.0.0.1" in page
    filtered = text_of(client.get("/admin/audit?action=agenda.published"))
    assert "Công bố chương trình tháng 3" in filtered and "Cấp lại mật khẩu cho" not in filtered
    by_actor = text_of(client.get("/admin/audit?actor=bithu"))
    assert "Công bố chương trình tháng 3" in by_actor and "Cấp lại mật khẩu cho" not in by_actor
    assert "Công bố chương trình tháng 3" not in text_of(client.get("/admin/audit?to=2000-01-01"))


def test_audit_rows_cannot_be_changed_through_the_app(client, auth, world, app):
    auth.login("capuy")
    rules = [r for r in app.url_map.iter_rules() if r.endpoint == "admin.audit"]
    assert [sorted(r.methods - {"HEAD", "OPTIONS"}) for r in rules] == [["GET"]]
    assert client.post("/admin/audit").status_code == 405


def test_home_shows_admins_how_many_cells_missed_last_month(client, auth, world, make):
    auth.login("capuy")
    # The demo's two cells met last month; a new cell has not.
    assert "mọi chi bộ đã sinh hoạt định kỳ" in text_of(client.get("/"))
    make.org("Chi bộ mới", "cell", world["base"])
    assert "1 chi bộ chưa sinh hoạt định kỳ" in text_of(client.get("/"))
    auth.logout()
    auth.login("bithu")
    assert "chưa sinh hoạt định kỳ" not in text_of(client.get("/"))
