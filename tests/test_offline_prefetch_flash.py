"""A page the phone's worker fetches for the offline pack (X-Offline-Prefetch) leaves the message
waiting for the member: it neither shows it (an offline copy would keep "Đã lưu…" forever) nor
takes it from the page the member opens next (the member's own page lost it to a background
fetch that happened to come first)."""

from handbook.year.access import this_year
from tests.conftest import text_of

YEAR = this_year()


def test_a_prefetched_page_leaves_the_message_for_the_members_next_page(client, auth, world):
    auth.login("dangvien")
    saved = client.post(f"/year/{YEAR}/commitment", data={"body": "Việc 1", "version": "0"})
    assert saved.status_code == 302
    kept = client.get(f"/year/{YEAR}", headers={"X-Offline-Prefetch": "1"})
    assert kept.status_code == 200 and "Đã lưu lúc" not in text_of(kept)
    assert "Đã lưu lúc" in text_of(client.get(saved.headers["Location"]))
