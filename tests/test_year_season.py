"""The review season (YEAR_REVIEW_MONTHS, December and January by default): "Năm của tôi" in the
member's navigation on the phone too, a home card while the self-review is due, and the year
page of the year under review."""

import re
from datetime import date

import pytest

from handbook.year import settings
from handbook.year.access import this_year
from tests.conftest import text_of
from tests.year_factories import REVIEW

YEAR = this_year()


@pytest.fixture
def on(monkeypatch):
    def set_day(day: date):
        monkeypatch.setattr(settings, "today", lambda: day)
    return set_day


def year_entry(html: str) -> str:
    """The navigation's <li> that links to the year."""
    return re.search(r'<li[^>]*><a href="/year"[^>]*>', html).group(0)


def test_in_the_season_the_year_is_in_the_members_navigation_and_on_the_home_page(client, auth, world, on):
    on(date(YEAR, 12, 6))
    auth.login("dangvien")
    home = client.get("/").get_data(as_text=True)
    assert "wide-only" not in year_entry(home)  # on the phone's bottom bar too
    card = text_of(client.get("/"))
    assert f"Tự kiểm điểm năm {YEAR}" in card and "Viết bản tự kiểm điểm" in card
    client.post(f"/year/{YEAR}/review", data={**REVIEW, "version": "0"})
    assert "Bản nháp đã lưu, chưa nộp chi bộ" in text_of(client.get("/"))
    client.post(f"/year/{YEAR}/review/submit")
    assert f"Tự kiểm điểm năm {YEAR}" not in text_of(client.get("/"))  # nothing due any more
    # Out of the season the year stays on wide screens only, with no card.
    on(date(YEAR, 6, 15))
    home = client.get("/").get_data(as_text=True)
    assert 'class="wide-only"' in year_entry(home) and "Tự kiểm điểm năm" not in text_of(client.get("/"))
    # A committee account belongs to no cell: no paper is due, in the season or not.
    auth.logout()
    auth.login("capuy")
    on(date(YEAR, 12, 6))
    home = client.get("/").get_data(as_text=True)
    assert 'class="wide-only"' in year_entry(home) and "Tự kiểm điểm năm" not in text_of(client.get("/"))


def test_in_january_the_year_page_is_the_year_just_ended(client, auth, world, make, on):
    on(date(YEAR, 1, 10))
    make.user("thang1", cell=world["cell1"])
    auth.login("thang1")
    response = client.get("/year")
    assert response.status_code == 302 and response.headers["Location"].endswith(f"/year/{YEAR - 1}")
    assert f"Tự kiểm điểm năm {YEAR - 1}" in text_of(client.get("/"))
    auth.logout()
    auth.login("dangvien")  # the demo's member submitted last year's paper: nothing is due
    assert f"Tự kiểm điểm năm {YEAR - 1}" not in text_of(client.get("/"))
