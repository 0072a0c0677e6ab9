"""A member's whole quiz attempt against the app in-process: requests, bytes on the wire (as
served: brotli to a phone), and the time they take on a slow 3G line, computed from them.

Usage (from the project root): .venv/bin/python benchmarks/quiz_bench.py
Runs on a throwaway SQLite database seeded with the demo data: the demo's quiz of 10 questions,
and a quiz of 30 on the same bank (as Thái Nguyên's 30 questions in 60 minutes).

The line (state it with the figures): 400 kbit/s down, 400 kbit/s up, 400 ms round trip, one
connection kept open (HTTP keep-alive) after a first set-up of two round trips (TCP, TLS 1.3).
Each request costs a round trip plus its bytes up and its answer's bytes down; a page's static
files are fetched together after its HTML (one more round trip), and only on a first visit (they
are cached for a year under versioned URLs). Slow start and packet loss are left out.
"""

import re
import sys
import tempfile
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from flask_migrate import upgrade  # noqa: E402
from sqlalchemy import select  # noqa: E402

from handbook import create_app  # noqa: E402
from handbook.demo import DEMO_PASSWORD, seed_demo  # noqa: E402
from handbook.extensions import db  # noqa: E402
from handbook.models_base import utcnow  # noqa: E402
from handbook.quiz.demo import QUIZ_TITLE  # noqa: E402
from handbook.quiz.models import Quiz  # noqa: E402
from tests.page_walk import ASSET  # noqa: E402
from tests.test_budget import GZIP, HTMX, _html  # noqa: E402

DOWN_BPS = 400_000
UP_BPS = 400_000
RTT_S = 0.4
SETUP_RTTS = 2
# What a phone's browser sends besides the body (request line, cookies, user agent, accept
# headers); the test client sends less, so a typical Chrome-on-Android figure is used.
REQUEST_HEADERS = 700


class Line:
    def __init__(self):
        self.rows: list[tuple[str, int, int, int]] = []  # (what, requests, bytes up, bytes down)

    def add(self, what: str, up: int, down: int, requests: int = 1) -> None:
        self.rows.append((what, requests, up, down))

    def seconds(self) -> float:
        return SETUP_RTTS * RTT_S + sum(
            RTT_S + up * 8 / UP_BPS + down * 8 / DOWN_BPS for _what, _n, up, down in self.rows)


def _down(response) -> int:
    headers = sum(len(k) + len(v) + 4 for k, v in response.headers.items()) + 17  # + status line
    return headers + len(response.get_data())


def _up(body: dict | None = None) -> int:
    from urllib.parse import urlencode

    return REQUEST_HEADERS + (len(urlencode(body or {}, doseq=True)) if body else 0)


def _page(client, line: Line, what: str, url: str, cached: set) -> str:
    page = client.get(url, headers=GZIP)
    assert page.status_code == 200, (url, page.status)
    line.add(what, _up(), _down(page))
    assets = [a.replace("&amp;", "&") for a in sorted(set(ASSET.findall(_html(page)))) if a not in cached]
    if assets:
        down = 0
        for asset in assets:
            with client.get(asset, headers=GZIP) as response:
                down += _down(response)
            cached.add(asset)
        line.add(f"  its static files ({len(assets)})", _up() * len(assets), down, requests=len(assets))
    return _html(page)


def attempt(app, quiz_id: int, username: str, cached: set) -> Line:
    """One member's attempt: home, the quiz, start, the page, each answer, hand in, results.
    `cached`: the static files the phone already holds (it gains those fetched here)."""
    line = Line()
    client = app.test_client()
    client.post("/login", data={"username": username, "password": DEMO_PASSWORD})
    _page(client, line, "home (the open quiz's card)", "/", cached)
    _page(client, line, "quiz page", f"/quiz/{quiz_id}", cached)
    started = client.post(f"/quiz/{quiz_id}/start", headers=GZIP)
    line.add("start (302)", _up({"csrf_token": "x" * 91}), _down(started))
    url = started.headers["Location"]
    html = _page(client, line, "attempt page (all questions)", url, cached)
    positions = sorted({int(p) for p in re.findall(r'name="a(\d+)"', html)})
    answers = {}
    for position in positions:
        body = {f"a{position}": "B"}
        saved = client.post(f"{url}/answers/{position}", data=body, headers=HTMX)
        assert saved.status_code == 200, saved.status
        line.add(f"answer {position}", _up(body), _down(saved))
        answers.update(body)
    body = {"csrf_token": "x" * 91, "answers": "1", **answers}
    done = client.post(f"{url}/submit", data=body, headers=GZIP)
    line.add("hand in (302)", _up(body), _down(done))
    _page(client, line, "results", done.headers["Location"], cached)
    return line


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp}/quiz.sqlite3", "WTF_CSRF_ENABLED": False,
                          "RATELIMIT_ENABLED": False})
        with app.app_context():
            upgrade()
            seed_demo()
            demo = db.session.scalar(select(Quiz).where(Quiz.title == QUIZ_TITLE))
            long = Quiz(title="30 câu trong 60 phút", bank_id=demo.bank_id, org_id=demo.org_id, question_count=30,
                        minutes=60, attempts_allowed=1, opens_at=utcnow() - timedelta(hours=1),
                        closes_at=utcnow() + timedelta(days=1))
            db.session.add(long)
            db.session.commit()
            quizzes = [(demo.id, "10 questions"), (long.id, "30 questions")]
        print(f"line: {DOWN_BPS // 1000} kbit/s down, {UP_BPS // 1000} kbit/s up, {RTT_S * 1000:.0f} ms RTT")
        for (quiz_id, label), (first, second) in zip(quizzes, (("dangvien", "dangvien2"), ("dangvien3", "bithu")),
                                                      strict=True):
            cached: set = set()
            for cold, username in ((True, first), (False, second)):
                with app.app_context():
                    line = attempt(app, quiz_id, username, cached)
                print(f"\n{label}, {'first visit (empty cache)' if cold else 'static files cached'}")
                print(f"{'request':<34} {'n':>3} {'up B':>7} {'down B':>8}")
                for what, n, up, down in line.rows:
                    if not what.startswith("answer ") or what.endswith(" 1"):
                        print(f"{what:<34} {n:>3} {up:>7} {down:>8}")
                answers = [row for row in line.rows if row[0].startswith("answer ")]
                print(f"{'answers, each (mean)':<34} {'':>3} {sum(r[2] for r in answers) // len(answers):>7} "
                      f"{sum(r[3] for r in answers) // len(answers):>8}")
                total_n = sum(r[1] for r in line.rows)
                print(f"{'total':<34} {total_n:>3} {sum(r[2] for r in line.rows):>7} "
                      f"{sum(r[3] for r in line.rows):>8}   {line.seconds():.1f} s on the line")


if __name__ == "__main__":
    main()
