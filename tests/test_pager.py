"""Long lists page with ?trang=N, the name the library's reader uses; the old ?page=N still works."""

from datetime import timedelta

from handbook.audit import AuditEntry
from handbook.extensions import db
from handbook.models_base import utcnow


def test_lists_page_with_trang_and_still_answer_page(client, auth, world):
    start = utcnow() - timedelta(days=1)
    db.session.add_all(AuditEntry(action="org.updated", org_id=world["bloc"].id, summary=f"Sự kiện số {n:03d}",
                                  at=start + timedelta(seconds=n)) for n in range(150))
    db.session.commit()
    auth.login("capuy")
    first = client.get("/admin/audit?action=org.updated").get_data(as_text=True)
    assert "Sự kiện số 149" in first and "Sự kiện số 049" not in first
    assert 'href="/admin/audit?action=org.updated&amp;trang=2"' in first
    for asked in ("trang=2", "page=2"):
        second = client.get(f"/admin/audit?action=org.updated&{asked}").get_data(as_text=True)
        assert "Sự kiện số 049" in second and "Sự kiện số 149" not in second, asked
        assert 'href="/admin/audit?action=org.updated&amp;trang=1"' in second, asked
