"""Page weight budget for slow mobile networks, measured in compressed bytes on the wire.

A first visit (HTML and every static file it references) stays within 60 KB, its HTML
within 14 KB (about ten TCP packets: one round trip on a fresh connection), and htmx
fragments within 8 KB. The pages are tests/page_walk.py's (FIRST_LOADS, FRAGMENTS); a path
may name demo objects with {placeholders} resolved by DEMO_URL_PARTS. Pages a member opens
often also have a statement budget: the SQL statements they cost, counted, never timed.
"""

import gzip
import re

import brotli
import pytest

from tests.page_walk import ASSET, FIRST_LOADS, FRAGMENTS, _resolve

KB = 1024
FIRST_LOAD_BUDGET = 60 * KB
HTML_BUDGET = 14 * KB
FRAGMENT_BUDGET = 8 * KB
YEAR = 31536000
GZIP = {"Accept-Encoding": "gzip, deflate, br"}  # a phone browser: it gets brotli
HTMX = {**GZIP, "HX-Request": "true"}
DECODE = {"br": brotli.decompress, "gzip": gzip.decompress}

# (who is logged in, path) of pages a member may open first.
def _wire_size(response) -> int:
    assert response.status_code == 200, response.status
    return len(response.get_data())


def _html(response) -> str:
    data = response.get_data()
    encoding = response.headers.get("Content-Encoding")
    if encoding:
        data = DECODE[encoding](data)
    return data.decode()


def _as(client, auth, username):
    if username:
        auth.login(username)


@pytest.mark.parametrize(("username", "path"), FIRST_LOADS)
def test_first_load_fits_the_budget(client, auth, world, username, path):
    _as(client, auth, username)
    page = client.get(_resolve(path, world), headers=GZIP)
    html_size = _wire_size(page)
    assert page.headers.get("Content-Encoding") == "br"
    sizes = {"html": html_size}
    for url in sorted(set(ASSET.findall(_html(page)))):
        url = url.replace("&amp;", "&")
        with client.get(url, headers=GZIP) as asset:
            sizes[url] = _wire_size(asset)
    total = sum(sizes.values())
    assert html_size <= HTML_BUDGET, f"{path}: HTML is {html_size} B compressed"
    assert total <= FIRST_LOAD_BUDGET, f"{path}: first load is {total} B compressed: {sizes}"


@pytest.mark.parametrize(("username", "path"), FRAGMENTS)
def test_fragments_fit_the_budget(client, auth, world, username, path):
    _as(client, auth, username)
    fragment = client.get(_resolve(path, world), headers=HTMX)
    size = _wire_size(fragment)
    assert size <= FRAGMENT_BUDGET, f"{path}: fragment is {size} B compressed"


def test_static_files_are_versioned_cached_for_a_year_and_compressed(client, auth, world):
    auth.login("dangvien")
    html = _html(client.get("/", headers=GZIP))
    assets = sorted(set(ASSET.findall(html)))
    assert any(url.startswith("/static/css/") for url in assets)
    assert any(url.startswith("/static/vendor/htmx") for url in assets)
    for url in assets:
        assert re.search(r"[?&]v=[0-9a-f]{10}$", url), f"{url} has no content version"
        with client.get(url, headers=GZIP) as response:
            cache = response.headers["Cache-Control"]
            assert f"max-age={YEAR}" in cache and "public" in cache, f"{url}: {cache}"
            assert "Set-Cookie" not in response.headers, f"{url} sets a cookie: shared caches would not keep it"
            if response.mimetype in ("text/css", "text/javascript", "application/javascript"):
                assert response.headers.get("Content-Encoding") == "br", url


# (who, path, SQL statements at most) of pages a member opens often: the count is the page's
# own reads (records, panels) plus the session's and the bell's, and must not grow with the
# data a member accumulates (a year of months).
STATEMENT_BUDGETS = [
    ("dangvien", "/fees", 3),  # session and member, the year's records with their recorders, the bell
]


@pytest.mark.parametrize(("username", "path", "budget"), STATEMENT_BUDGETS)
def test_pages_keep_to_their_statement_budget(client, auth, world, username, path, budget):
    from sqlalchemy import select

    from handbook.auth.models import User
    from handbook.extensions import db
    from handbook.fees.access import this_month
    from handbook.fees.models import FeeRecord
    from tests.fees_factories import record
    from tests.test_load_queries import statements

    _as(client, auth, username)
    client.get(path)  # a worker that has served the member before: no session lookup in either count
    with statements() as seen:
        assert client.get(path).status_code == 200
    assert len(seen) <= budget, f"{path}: {len(seen)} statements: {seen}"
    # A full year of records for the member costs no more statements.
    member = db.session.scalar(select(User).where(User.username == username))
    year = this_month()[0]
    recorded = set(db.session.scalars(select(FeeRecord.month).where(FeeRecord.user_id == member.id,
                                                                    FeeRecord.year == year)))
    for month in sorted(set(range(1, 13)) - recorded):
        record(member, year, month, base=6_235_500, by=world["users"]["dangvien2"])
    with statements() as fuller:
        assert client.get(path).status_code == 200
    assert len(fuller) == len(seen)
# Statements a request may run, whatever the quiz's length: the member's quiz page and the
# autosave of one answer are the requests of a quiz evening (500 secretaries at once).
QUIZ_PAGE_STATEMENTS = 6  # session, attempt, quiz, its items, their questions, their choices
QUIZ_ANSWER_STATEMENTS = 6  # session, attempt, item, question, its choices, the write


@pytest.mark.parametrize("questions", [10, 30])
def test_a_quiz_page_and_an_answer_keep_to_their_statement_budget(client, auth, world, questions):
    from tests import quiz_factories as qf
    from tests.test_load_queries import statements

    quiz = qf.quiz(world["cell1"], qf.bank(world["cell1"], questions=30), count=questions)
    auth.login("dangvien")
    attempt_id = qf.start(client, quiz)
    with statements() as page:
        assert client.get(f"/quiz/attempts/{attempt_id}", headers=GZIP).status_code == 200
    with statements() as answer:
        saved = client.post(f"/quiz/attempts/{attempt_id}/answers/{questions}", data={f"a{questions}": "B"},
                            headers=HTMX)
    assert saved.status_code == 200
    assert len(page) <= QUIZ_PAGE_STATEMENTS, page
    assert len(answer) <= QUIZ_ANSWER_STATEMENTS, answer


# (who, path, SQL statements at most) of the members' voice and good examples a member opens: the
# same count however many questions, FAQ entries and examples there are.
VOICE_BUDGETS = [
    ("dangvien", "/questions", 4),  # session and member, the count, the page with where each went, the bell
    # Session, the question, where it was sent, its article and document, who answered (and roles), the bell.
    ("dangvien", "/questions/{own_question}", 8),
    ("dangvien", "/questions/faq", 5),  # session, the member's cell, the count, the page, the bell
    ("dangvien", "/examples", 5),  # session, the member's cell, the count, the page, the bell
]


@pytest.mark.parametrize(("username", "path", "budget"), VOICE_BUDGETS)
def test_voice_pages_keep_to_their_statement_budget(client, auth, world, username, path, budget):
    from handbook.extensions import db
    from handbook.models_base import utcnow
    from tests.test_load_queries import statements
    from tests.voice_factories import example, question

    _as(client, auth, username)
    url = _resolve(path, world)
    client.get(url)  # a worker that has served the member before: no session lookup in either count
    with statements() as seen:
        assert client.get(url).status_code == 200
    assert len(seen) <= budget, f"{path}: {len(seen)} statements: {seen}"
    # Twenty more of each, sent to and published by both of the member's committees, cost nothing more.
    member = world["users"]["dangvien"]
    for n in range(20):
        org = (world["cell1"], world["base"], world["bloc"])[n % 3]
        found = question(member, org, answered_after_hours=5)
        found.faq_org_id, found.faq_subject, found.faq_body, found.published_at = org.id, "Hỏi", "Đáp", utcnow()
        example(org, status="approved")
    db.session.commit()
    with statements() as fuller:
        assert client.get(url).status_code == 200
    assert len(fuller) == len(seen)
