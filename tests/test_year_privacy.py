"""A member's draft papers are theirs alone: no page of the year shows another member's draft,
whoever asks; once submitted, only the cell's leaders and the committee read them."""

import pytest

from handbook.year.access import this_year
from tests.conftest import text_of

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
