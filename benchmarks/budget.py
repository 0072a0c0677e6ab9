"""Each member page's in-process median time against its time budget (not a test: timings vary
with the machine; the statement budgets are the test, `tests/test_statement_budget.py`).

    python benchmarks/budget.py [--repeat 200] [--cpu]

Builds the demo on a throwaway SQLite file, logs in the demo accounts with Flask's test client
and requests every page of the page-weight walk (`tests/test_budget.py`), `/healthz`, the next
meeting's conditional revisit (304) and an autosave of dangvien's note on it (htmx POST on top
of the version last answered), round after round, interleaved. Prints per page the median,
its budget where the performance issue set one, and the statements of its last request.
With --cpu, times are this process's CPU time (for a machine shared with other work).
"""

import argparse
import re
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from flask_migrate import upgrade  # noqa: E402
from sqlalchemy import event  # noqa: E402

from handbook import create_app  # noqa: E402
from handbook.demo import DEMO_PASSWORD, seed_demo  # noqa: E402
from handbook.extensions import db  # noqa: E402
from tests.page_walk import FIRST_LOADS, _resolve  # noqa: E402

# Milliseconds, in-process median on the demo SQLite (issue "Performance, fourth round").
BUDGETS_MS = {
    "- /healthz": 0.4,
    "dangvien /meetings/{next_meeting} (304)": 0.6,
    "dangvien /": 2.5,
    "dangvien /meetings/{next_meeting}": 2.5,
    "dangvien /library/08-qdi-tw": 2.5,
    "dangvien autosave /meetings/{next_meeting}/note": 2.0,
}
GZIP = {"Accept-Encoding": "gzip, deflate, br"}


def _autosave(client, url: str, state: dict):
    answer = client.post(url, headers={"HX-Request": "true"},
                         data={"body": f"ghi chep {state['n']}", "version": state["version"]})
    state["n"] += 1
    found = re.search(rb'id="note-version"[^>]*value="(\d+)"', answer.data)
    if found:
        state["version"] = int(found.group(1))
    return answer


def requests_to_time(app, world) -> list[tuple[str, object, int]]:
    """(label, a function making the request, the status it must answer)."""
    clients = {}
    for who in {who for who, _ in FIRST_LOADS if who}:
        clients[who] = app.test_client()
        assert clients[who].post("/login", data={"username": who, "password": DEMO_PASSWORD}).status_code == 302
    anon = app.test_client()
    with app.app_context():
        # A quiz attempt's pages change state (an open attempt, once handed in, redirects).
        urls = [(who, page, _resolve(page, world)) for who, page in FIRST_LOADS if who and "attempts" not in page]
        meeting = _resolve("/meetings/{next_meeting}", world)
    member = clients["dangvien"]
    tag = member.get(meeting, headers=GZIP).headers.get("ETag", "")
    note = {"n": 0, "version": 0}
    member.get(f"{meeting}/note")
    table = [("- /healthz", lambda: anon.get("/healthz"), 200),
             ("dangvien /meetings/{next_meeting} (304)",
              lambda: member.get(meeting, headers={**GZIP, "If-None-Match": tag}), 304 if tag else 200),
             ("dangvien autosave /meetings/{next_meeting}/note",
              lambda: _autosave(member, f"{meeting}/note", note), 200)]
    for who, page, url in urls:
        table.append((f"{who} {page}", lambda c=clients[who], u=url: c.get(u, headers=GZIP), 200))
    return table


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=200)
    parser.add_argument("--cpu", action="store_true", help="time each request in process CPU time")
    args = parser.parse_args()
    timer = time.process_time if args.cpu else time.perf_counter
    with tempfile.TemporaryDirectory() as tmp:
        app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp}/budget.sqlite3", "WTF_CSRF_ENABLED": False,
                          "RATELIMIT_ENABLED": False, "LOG_LEVEL": "WARNING"})
        with app.app_context():
            upgrade()
            world = seed_demo()
            db.session.commit()
        table = requests_to_time(app, world)
        statements = [0]
        with app.app_context():
            event.listen(db.engine, "before_cursor_execute",
                         lambda *a: statements.__setitem__(0, statements[0] + 1))
        times: dict[str, list[float]] = defaultdict(list)
        counts: dict[str, int] = {}
        for _ in range(args.repeat):
            for label, make, status in table:
                statements[0] = 0
                started = timer()
                answer = make()
                times[label].append((timer() - started) * 1000)
                counts[label] = statements[0]
                assert answer.status_code == status, (label, answer.status_code)
        print(f"{'page':58} {'median ms':>9} {'budget':>7} {'':4} {'SQL':>4}")
        for label, *_ in table:
            median = statistics.median(times[label])
            budget = BUDGETS_MS.get(label)
            verdict = "" if budget is None else ("ok" if median <= budget else f"×{median / budget:.1f}")
            shown = f"{budget:.1f}" if budget is not None else "–"
            print(f"{label[:58]:58} {median:9.2f} {shown:>7} {verdict:4} {counts[label]:4}")


if __name__ == "__main__":
    main()
