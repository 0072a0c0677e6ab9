"""Minutes: autosaved draft, 'hoàn thành' locks and publishes, revisions with a reason, print view."""

from datetime import timedelta

from sqlalchemy import select

from handbook.audit import AuditEntry
from handbook.extensions import db
from handbook.meetings.models import Minutes
from tests.conftest import text_of
from tests.meetings_factories import HTMX, fresh, meeting


def form(m, **overrides):
    """The minutes form as the page sends it, typed on the version stored now."""
    version = db.session.scalar(select(Minutes.version).where(Minutes.meeting_id == m.id)) or 0
    data = {"version": str(version),
            "held_from": "14:00", "held_to": "16:00", "place": "Hội trường", "chair": "Nguyễn Thị Bích",
            "note_taker": "Lê Văn Đức", "conclusions": "Chi bộ hoàn thành nhiệm vụ.",
            "resolution": "Thông qua nghị quyết tháng.", "votes_for": "3", "votes_against": "0", "votes_abstain": "0",
            f"item-{m.items[0].id}": "Đồng chí Bích khai mạc."}
    data.update(overrides)
    return data


def test_draft_autosaves_and_stays_hidden_from_members(client, auth, world):
    m = meeting(world["cell1"], status="held", starts_in=timedelta(hours=-3))
    auth.login("bithu")
    assert client.get(f"/meetings/{m.id}/minutes").status_code == 200
    response = client.post(f"/meetings/{m.id}/minutes", headers=HTMX, data=form(m))
    assert "Đã lưu nháp" in text_of(response)
    minutes = db.session.scalar(select(Minutes).where(Minutes.meeting_id == m.id))
    assert minutes.status == "draft" and minutes.conclusions == "Chi bộ hoàn thành nhiệm vụ."
    auth.logout()
    auth.login("dangvien")
    assert "Chi bộ hoàn thành nhiệm vụ." not in text_of(client.get(f"/meetings/{m.id}"))
    assert client.get(f"/meetings/{m.id}/minutes").status_code == 404


def test_bad_vote_count_is_refused_and_kept(client, auth, world):
    m = meeting(world["cell1"], status="held", starts_in=timedelta(hours=-3))
    auth.login("bithu")
    client.get(f"/meetings/{m.id}/minutes")
    response = client.post(f"/meetings/{m.id}/minutes", data=form(m, votes_for="-2"))
    assert response.status_code == 400 and "Số phiếu phải là số từ 0 đến 1000." in text_of(response)
    assert "Chi bộ hoàn thành nhiệm vụ." in text_of(response)


def test_completing_locks_publishes_and_revisions_keep_every_version(client, auth, world):
    m = meeting(world["cell1"], status="held", starts_in=timedelta(hours=-3))
    auth.login("bithu")
    client.get(f"/meetings/{m.id}/minutes")
    assert client.post(f"/meetings/{m.id}/minutes/lock", data=form(m)).status_code == 302
    assert fresh(m.id).status == "closed"
    assert db.session.scalar(select(AuditEntry).where(AuditEntry.action == "minutes.locked")) is not None
    refused = client.post(f"/meetings/{m.id}/minutes", data=form(m, conclusions="Sửa lén"))
    assert refused.status_code == 400 and "vui lòng ghi lý do sửa" in text_of(refused)
    minutes = db.session.scalar(select(Minutes).where(Minutes.meeting_id == m.id))
    assert minutes.conclusions == "Chi bộ hoàn thành nhiệm vụ."
    client.post(f"/meetings/{m.id}/minutes", data=form(m, conclusions="Kết luận đã sửa.", reason="Ghi sai số liệu"))
    db.session.expire_all()
    minutes = db.session.scalar(select(Minutes).where(Minutes.meeting_id == m.id))
    assert minutes.revision == 2 and minutes.conclusions == "Kết luận đã sửa."
    assert [r.number for r in minutes.revisions] == [1, 2]
    assert db.session.scalar(select(AuditEntry).where(AuditEntry.action == "minutes.revised")) is not None
    auth.logout()
    auth.login("dangvien")
    page = text_of(client.get(f"/meetings/{m.id}"))
    assert "Biên bản" in page and "Kết luận đã sửa." in page and "Đồng chí Bích khai mạc." in page
    history = text_of(client.get(f"/meetings/{m.id}/minutes/revisions"))
    assert "Ghi sai số liệu" in history and "Chi bộ hoàn thành nhiệm vụ." in history and "Kết luận đã sửa." in history


def test_print_view_is_a_clean_page_with_agenda_and_minutes(client, auth, world):
    auth.login("dangvien")
    from tests.routes.meetings import meeting_id

    page = client.get(f"/meetings/{meeting_id(world, 'closed')}/print")
    html = page.get_data(as_text=True)
    assert page.status_code == 200 and 'class="print-page"' in html and "mainnav" not in html
    assert "BIÊN BẢN" in html and "Khai mạc" in html
