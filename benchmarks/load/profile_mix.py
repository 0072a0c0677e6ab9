"""Where a mix's requests spend their time, in one process, without gunicorn or wrk.

    DATABASE_URL=sqlite:///province.sqlite3 python benchmarks/load/profile_mix.py evening
    DATABASE_URL=... python benchmarks/load/profile_mix.py evening --only /search --profile "GET /search?q={query}"

Logs in `--members` members of the cells meeting tonight (as `run.sh` does on the province
dataset), then replays each line of the mix `--repeat` times, rotating members, and prints
per request kind the median and p95 time and the SQL statements per request. Templates are
filled as `mix.lua` fills them; {query} takes the lines of queries.txt in turn, so every
query of the list is asked about equally often. With `--profile KIND` (the mix line's
method and path as written, templates unfilled) the requests of that kind run under
cProfile and the top functions print; with `--sql`, each kind's statements (the last request's) with the time each took.
The load test (`run.sh`) measures the server; this tells which part of a request costs.
"""

import argparse
import cProfile
import itertools
import pstats
import re
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parents[1]))

import sessions  # noqa: E402  (the load test's members and their evening values)


def read_mix(name: str) -> list[tuple[str, str, str | None]]:
    kinds = []
    for line in (HERE / f"{name}.mix").read_text().splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        _, method, path, *body = line.split(None, 3)
        kinds.append((method, path, body[0] if body else None))
    return kinds


def read_queries() -> list[str]:
    """The search queries of {query}, URL-encoded already; `#` lines are comments."""
    lines = (HERE / "queries.txt").read_text().splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


QUERIES = itertools.cycle(read_queries())


def fill(template: str, values: dict, counter: list[int]) -> str:
    def one(match):
        key = match.group(1)
        if key == "rand":
            counter[0] += 1
            return str(counter[0])
        if key == "query":
            return next(QUERIES)
        return str(values.get(key, ""))

    return re.sub(r"{(\w+)}", one, template)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mix")
    parser.add_argument("--members", type=int, default=40)
    parser.add_argument("--repeat", type=int, default=200)
    parser.add_argument("--cells-total", type=int, default=3000)
    parser.add_argument("--evening-cells", type=int, default=300)
    parser.add_argument("--profile", help="a mix line's 'METHOD path' to run under cProfile")
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--only", help="replay only the mix lines whose 'METHOD path' contains this")
    parser.add_argument("--sql", action="store_true",
                        help="print the statements of each kind's last request (first line of each)")
    args = parser.parse_args()

    from sqlalchemy import event

    from handbook import create_app
    from handbook.extensions import db

    app = create_app({"WTF_CSRF_ENABLED": False, "RATELIMIT_ENABLED": False})
    numbers = sessions.member_numbers(args.members, args.cells_total, args.evening_cells)
    evening = sessions.evening_values(numbers)
    members = []
    for n in numbers:
        client = app.test_client()
        answer = client.post("/login", data={"username": sessions.username(n), "password": sessions.PASSWORD})
        assert answer.status_code == 302, (sessions.username(n), answer.status_code)
        members.append((client, {"user": sessions.username(n), **evening[n]}))

    statements = [0]
    seen: list[list] = []  # [ms, statement] of the request being made

    def count(conn, cursor, statement, *rest):
        statements[0] += 1
        seen.append([time.perf_counter(), " ".join(statement.split())[:150]])

    def took(*args):
        seen[-1][0] = (time.perf_counter() - seen[-1][0]) * 1000

    with app.app_context():
        event.listen(db.engine, "before_cursor_execute", count)
        event.listen(db.engine, "after_cursor_execute", took)

    print(f"{len(members)} members, {args.repeat} requests per kind")
    print(f"{'request':44} {'p50 ms':>8} {'p95 ms':>8} {'queries':>8}")
    counter = [0]
    for method, path, body in read_mix(args.mix):
        kind = f"{method} {path}"
        if args.only and args.only not in kind:
            continue
        profiler = cProfile.Profile() if args.profile == kind else None
        times, queries = [], []
        for i in range(args.repeat):
            client, values = members[i % len(members)]
            url = fill(path, values, counter)
            data = None
            if body:
                # The note's version as the server last answered it, as the wrk script keeps it.
                data = dict(pair.split("=", 1) for pair in fill(body, values, counter).split("&"))
            statements[0] = 0
            seen.clear()
            started = time.perf_counter()
            if profiler:
                profiler.enable()
            answer = client.open(url, method=method, data=data, headers={"HX-Request": "true"} if body else {})
            if profiler:
                profiler.disable()
            times.append((time.perf_counter() - started) * 1000)
            queries.append(statements[0])
            if answer.status_code != 200:
                raise SystemExit(f"{kind}: {url} answered {answer.status_code}")
            version = re.search(rb'id="note-version"[^>]*value="(\d+)"', answer.data)
            if body and version:
                values["version"] = int(version.group(1))
        times.sort()
        p95 = times[int(len(times) * 0.95) - 1]
        print(f"{kind[:44]:44} {statistics.median(times):8.2f} {p95:8.2f} {statistics.median(queries):8.0f}")
        if args.sql:
            print("".join(f"    {n:2}. {ms:6.2f} ms  {line}\n" for n, (ms, line) in enumerate(seen, 1)))
        if profiler:
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(args.top)
            pstats.Stats(profiler).sort_stats("tottime").print_stats(args.top)


if __name__ == "__main__":
    main()
