"""The member's search page at province size, timed in process: `/search?q=…` as the evening
mix asks it (the queries of load/queries.txt, load members of the cells meeting tonight),
through the Flask test client (login session, every source, template), with the statements
of each search counted.

    DATABASE_URL=postgresql+psycopg://postgres@127.0.0.1:5432/<province> \\
      .venv/bin/python benchmarks/search_page_bench.py --members 40 --rounds 3
    # the same searches, each asked of another checkout's code in turn (a second worktree with
    # this script copied in): on a loaded machine, only figures taken side by side compare
    .venv/bin/python benchmarks/search_page_bench.py --against ../other-worktree

Runs on a database built by province_generate.py. Each round asks every query once for a
member drawn with a fixed seed; the first round only warms the worker (its caches, the
statement cache, the database's buffers) and is not counted. Prints p50/p95 per query and
for all, and the statements a search takes (min, median, max); `--profile` the time spent
in each statement (by its start), `--show` one search's statements per query.
"""

import argparse
import os
import random
import statistics
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def queries() -> list[str]:
    path = Path(__file__).resolve().parent / "load" / "queries.txt"
    return [urllib.parse.unquote_plus(line) for line in path.read_text().splitlines()
            if line.strip() and not line.startswith("#")]


class Searcher:
    """The app with `members` logged in; `search(q, member)` -> (ms, statements seen)."""

    def __init__(self, members: int, cells_total: int, evening_cells: int):
        from load.sessions import PASSWORD, member_numbers, username
        from sqlalchemy import event

        from handbook import create_app
        from handbook.extensions import db

        self.app = create_app({"SQLALCHEMY_DATABASE_URI": os.environ["DATABASE_URL"], "WTF_CSRF_ENABLED": False,
                               "RATELIMIT_ENABLED": False, "SERVER_NAME": "localhost"})
        self.clients = []
        for n in member_numbers(members, cells_total, evening_cells):
            client = self.app.test_client()
            answer = client.post("/login", data={"username": username(n), "password": PASSWORD})
            assert answer.status_code == 302, username(n)
            self.clients.append(client)
        self.seen: list[str] = []
        self.cpu: list[float] = []  # this process's CPU time per search, ms
        self.spent: dict[str, list[float]] = {}  # statement's start -> ms
        clock: list[float] = []

        def record(conn, cursor, statement, *rest):
            self.seen.append(" ".join(statement.split())[:160])
            clock.append(time.perf_counter())

        def done(conn, cursor, statement, *rest):
            key = " ".join(statement.split())[:70]
            self.spent.setdefault(key, []).append((time.perf_counter() - clock[-1]) * 1000)

        with self.app.app_context():
            event.listen(db.engine, "before_cursor_execute", record)
            event.listen(db.engine, "after_cursor_execute", done)
            self.dialect = db.engine.dialect.name

    def search(self, q: str, member: int) -> tuple[float, list[str]]:
        self.seen.clear()
        started, cpu = time.perf_counter(), time.process_time()
        answer = self.clients[member].get("/search", query_string={"q": q})
        elapsed = (time.perf_counter() - started) * 1000
        self.cpu.append((time.process_time() - cpu) * 1000)
        assert answer.status_code == 200, (q, answer.status_code)
        return elapsed, list(self.seen)


def serve(searcher: Searcher) -> None:
    """For --against: one search per line of stdin ("member<TAB>query"), answered on stdout."""
    print("ready", flush=True)
    for line in sys.stdin:
        member, q = line.rstrip("\n").split("\t", 1)
        ms, seen = searcher.search(q, int(member))
        print(f"{ms:.3f}\t{len(seen)}\t{searcher.cpu[-1]:.3f}", flush=True)


def summary(label: str, times: list[float], statements: list[int], cpu: list[float]) -> str:
    return (f"{label}: n={len(times)} p50 {pct(times, 50):.1f} ms  p95 {pct(times, 95):.1f} ms  "
            f"mean {statistics.mean(times):.1f} ms (this process's CPU: p50 {pct(cpu, 50):.1f} ms); "
            f"statements min {min(statements)} "
            f"median {statistics.median(statements):g} max {max(statements)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=40, help="load members searching (of the evening's cells)")
    parser.add_argument("--rounds", type=int, default=3, help="rounds counted, after one to warm")
    parser.add_argument("--cells-total", type=int, default=3000)
    parser.add_argument("--evening-cells", type=int, default=300)
    parser.add_argument("--show", action="store_true", help="print one search's statements per query")
    parser.add_argument("--profile", action="store_true", help="time spent per statement, by its start")
    parser.add_argument("--against", help="another checkout: each search asked of both, in turn")
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()

    searcher = Searcher(args.members, args.cells_total, args.evening_cells)
    if args.serve:
        serve(searcher)
        return
    other = None
    if args.against:
        root = Path(args.against).resolve()
        other = subprocess.Popen(
            [str(root / ".venv/bin/python"), str(root / "benchmarks/search_page_bench.py"), "--serve",
             "--members", str(args.members), "--cells-total", str(args.cells_total),
             "--evening-cells", str(args.evening_cells)],
            cwd=root, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        assert other.stdout.readline().strip() == "ready"

    def ask_other(q: str, member: int) -> tuple[float, int, float]:
        other.stdin.write(f"{member}\t{q}\n")
        other.stdin.flush()
        ms, n, cpu = other.stdout.readline().split("\t")
        return float(ms), int(n), float(cpu)

    rng = random.Random(28)
    typed = queries()
    times: dict[str, list[float]] = {}
    statements: list[int] = []
    theirs: list[float] = []
    their_statements: list[int] = []
    cpu: list[float] = []
    their_cpu: list[float] = []
    shown: set[str] = set()
    turn = 0
    for round_ in range(args.rounds + 1):
        for q in typed:
            member = rng.randrange(len(searcher.clients))
            turn += 1
            if other is not None and turn % 2:
                their = ask_other(q, member)
            elapsed, seen = searcher.search(q, member)
            if other is not None and not turn % 2:
                their = ask_other(q, member)
            if round_ == 0:
                searcher.spent.clear()
                continue
            times.setdefault(q, []).append(elapsed)
            statements.append(len(seen))
            cpu.append(searcher.cpu[-1])
            if other is not None:
                theirs.append(their[0])
                their_statements.append(their[1])
                their_cpu.append(their[2])
            if args.show and q not in shown:
                shown.add(q)
                print(f"--- {q!r}: {len(seen)} statements, {elapsed:.1f} ms")
                for s in seen:
                    print("    " + s)
    if other is not None:
        other.stdin.close()
        other.wait()
    every = [t for ts in times.values() for t in ts]
    if args.profile:
        for start, ms in sorted(searcher.spent.items(), key=lambda kv: -sum(kv[1])):
            print(f"  {sum(ms) / len(every):6.2f} ms a search  {len(ms) / len(every):4.2f}×  {start}")
    print(f"{searcher.dialect}: {len(searcher.clients)} members, {len(typed)} queries × {args.rounds} rounds")
    for q, ts in times.items():
        print(f"  {q[:36]:<36} p50 {pct(ts, 50):6.1f} ms  max {max(ts):6.1f} ms")
    print(summary("search, all", every, statements, cpu))
    if other is not None:
        print(summary(f"search, all, {args.against}", theirs, their_statements, their_cpu))
        print(f"this / that: p50 {pct(every, 50) / pct(theirs, 50):.2f}, p95 {pct(every, 95) / pct(theirs, 95):.2f}, "
              f"mean {statistics.mean(every) / statistics.mean(theirs):.2f}")


if __name__ == "__main__":
    main()
