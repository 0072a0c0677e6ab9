"""A member's draft papers are theirs alone: no page of the year shows another member's draft,
whoever asks; once submitted, only the cell's leaders and the committee read them."""

import pytest

from handbook.year.access import this_year
from tests.conftest import text_of, without_csrf

YEAR = this_year()
SECRET = "Điều riêng tư chưa muốn nộp"


def _year_pages(app, world, member) -> list[str]:
    """Every GET page of the year with its arguments filled for `member` and the demo's cells."""
    args = {"year": YEAR, "cell_id": world["cell1"].id, "user_id": member.id}
    pages = []
    for rule in app.url_map.iter_rules():
        if rule.endpoint.startswith("year.") and "GET" in rule.methods:
            path = rule.rule
            for name in rule.arguments:
                path = path.replace(f"<int:{name}>", str(args[name]))
            pages.append(path)
    assert len(pages) >= 10
    return pages + [f"/year/{YEAR}/stats?print=1", f"/year/{YEAR}/stats?org={world['cell1'].id}"]


def _write(client, auth, submit: bool) -> None:
    auth.login("dangvien")
    client.post(f"/year/{YEAR}/commitment", data={"body": SECRET, "version": "0"})
    client.post(f"/year/{YEAR}/review", data={"political": SECRET, "ethics": "x", "discipline": "x", "tasks": "x",
                                               "exemplary": "x", "shortcomings": "x", "self_level": "good",
                                               "version": "0"})
    if submit:
        client.post(f"/year/{YEAR}/commitment/submit")
        client.post(f"/year/{YEAR}/review/submit")
    auth.logout()


@pytest.mark.parametrize("username", ["dangvien2", "dangvien3", "bithu", "capuy"])
def test_nobody_else_reads_a_draft(app, client, auth, world, username):
    _write(client, auth, submit=False)
    auth.login(username)
    for path in _year_pages(app, world, world["users"]["dangvien"]):
        assert SECRET not in client.get(path, follow_redirects=True).get_data(as_text=True), (path, username)


@pytest.mark.parametrize("username,reads", [("dangvien2", False), ("dangvien3", False), ("bithu", True),
                                            ("capuy", True)])
def test_submitted_papers_reach_the_cell_leaders_and_committee_only(app, client, auth, world, username, reads):
    _write(client, auth, submit=True)
    auth.login(username)
    seen = [path for path in _year_pages(app, world, world["users"]["dangvien"])
            if SECRET in text_of(client.get(path, follow_redirects=True))]
    assert bool(seen) is reads, seen


@pytest.mark.parametrize("typed", ["", "Đã hướng dẫn tổ dân phố"])
def test_copying_evidence_from_another_members_note_answers_as_from_a_note_that_does_not_exist(
        client, auth, world, typed):
    """Same status, same page: the answer does not tell that a note of that number exists."""
    from datetime import timedelta

    from tests.meetings.factories import meeting
    from tests.notes_factories import note
    from tests.test_year_papers import commitment_of

    held = meeting(world["cell1"], status="held", starts_in=-timedelta(hours=5))
    theirs = note(world["users"]["dangvien2"], meeting=held, body="Ghi chép riêng của người khác")
    auth.login("dangvien")
    client.post(f"/year/{YEAR}/commitment", data={"body": "Việc 1", "version": "0"}, follow_redirects=True)
    url = f"/year/{YEAR}/commitment/evidence"
    other = client.post(url, data={"month": "6", "text": typed, "note_id": str(theirs.id)})
    missing = client.post(url, data={"month": "6", "text": typed, "note_id": str(theirs.id + 1000)})
    assert other.status_code == missing.status_code == 422
    assert without_csrf(other) == without_csrf(missing)
    assert "Hãy chọn một ghi chép của đồng chí trong danh sách" in text_of(other)
    assert "Ghi chép riêng" not in text_of(other)
    assert commitment_of(world["users"]["dangvien"]).evidence == []
