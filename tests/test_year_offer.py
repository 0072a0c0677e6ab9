"""What an autosave of a paper redraws beside the form: the submit button only when the page
lacks it or it appears or goes, never over the one being pressed (pressing it takes the focus
from the last field, whose `change` saves at once); the review's points total on every save."""

import json

from handbook.year.access import this_year
from tests.meetings.factories import HTMX
from tests.year_factories import REVIEW

YEAR = this_year()
COMMIT_BUTTON = "Nộp bản cam kết cho chi bộ"
REVIEW_BUTTON = "Nộp bản tự kiểm điểm"


def _save(client, paper: str, version, **fields):
    return client.post(f"/year/{YEAR}/{paper}", data={**fields, "version": str(version)}, headers=HTMX)


def _saved(response) -> dict:
    return json.loads(response.headers["HX-Trigger"])["text-saved"]


def _version(response) -> int:
    return _saved(response)["version"]


def test_the_commitment_button_comes_with_the_first_text_and_is_then_left_alone(client, auth, world):
    auth.login("dangvien")
    first = _save(client, "commitment", 0, body="Việc 1")
    assert COMMIT_BUTTON in first.text  # the page had none
    later = _save(client, "commitment", _version(first), body="Việc 1\nViệc 2")
    assert _saved(later)["status"] == "saved"
    assert COMMIT_BUTTON not in later.text and "submit-paper" not in later.text


def test_emptying_the_commitment_takes_the_button_away(client, auth, world):
    auth.login("dangvien")
    first = _save(client, "commitment", 0, body="Việc 1")
    emptied = _save(client, "commitment", _version(first), body="  ")
    assert 'id="submit-paper" hx-swap-oob="true"' in emptied.text and COMMIT_BUTTON not in emptied.text


def test_a_page_drawn_before_the_paper_existed_gets_the_button_from_its_save(client, auth, world):
    """Two phones opened the empty paper; the first one's save created it: the second's page,
    still on version 0, has no button, and its save brings it (a different text is a conflict,
    whose choice redraws the page)."""
    auth.login("dangvien")
    _save(client, "review", 0, **REVIEW)
    second = _save(client, "review", 0, **REVIEW)
    assert _saved(second)["status"] == "unchanged"
    assert REVIEW_BUTTON in second.text


def test_the_review_total_follows_every_save_without_redrawing_the_button(client, auth, world):
    auth.login("dangvien")
    first = _save(client, "review", 0, **REVIEW)
    assert REVIEW_BUTTON in first.text
    assert "86,5/100" in first.text
    later = _save(client, "review", _version(first), **{**REVIEW, "proposed_discipline": "9"})
    assert 'id="proposal" role="status" hx-swap-oob="true"' in later.text
    assert "87/100" in later.text
    assert REVIEW_BUTTON not in later.text
