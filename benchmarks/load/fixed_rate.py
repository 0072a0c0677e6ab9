"""Open-loop load at a fixed rate: requests leave on a schedule, whatever the server does.

    python benchmarks/load/fixed_rate.py --rate 450 --duration 60 --mix evening \\
        --sessions benchmarks/out/sessions.tsv --base-url http://127.0.0.1:5560

Request i is due at start + i / rate. It is sent at that time (a new connection is opened
when every open one is busy), and its latency is counted from the time it was DUE, not from
when it went out: when the server falls behind, the requests that wait for a connection or
for the generator itself carry that wait in their latency (coordinated omission corrected,
as wrk2 does). A closed-loop tool (wrk, ab) sends the next request only after an answer, so
a slow server gets fewer requests and its queue never shows.

The mix and the sessions file are those of `mix.lua` (`weight METHOD /path/{key} [body]`,
one member per line of sessions.tsv); members are taken in turn. An autosave carries the
member's note version as the server last answered it, and a member whose save is still in
flight is skipped for the next save, so no member races their own note (their next save
would be a conflict, as it would on a phone that sent twice).

Prints one line `RESULT key=value ...`: offered and achieved rate, p50/p95/p99/max latency
from the due time, errors (socket errors, timeouts, 3xx/4xx/5xx), autosave conflicts, how
late the generator itself sent (`send_lag_p99_ms`: when that grows, the generator is the
bottleneck, not the server), and the generator's own CPU time as a share of one core.
With --json the same, per request kind too, as one JSON object.

Why aiohttp and not Locust: Locust's constant_throughput is per user and closed-loop within
a user (a user waits for its answer before the next task), so a slow server still lowers the
offered rate unless one runs thousands of users; its gevent workers cost more CPU per request
than one asyncio loop, and on a 2-core machine the generator's CPU is taken from the server.
"""

import argparse
import asyncio
import itertools
import json
import random
import re
import resource
import sys
import time
from pathlib import Path

import aiohttp

HERE = Path(__file__).resolve().parent
VERSION = re.compile(rb'id="note-version"[^>]*value="(\d+)"')
CONFLICT = b'data-state="conflict"'


def read_lines(path: Path) -> list[str]:
    return [line.strip() for line in path.read_text().splitlines()
            if line.strip() and not line.lstrip().startswith("#")]


def read_mix(name: str) -> list[tuple[int, str, str, str | None]]:
    path = Path(name) if name.endswith(".mix") else HERE / f"{name}.mix"
    kinds = []
    for line in read_lines(path):
        weight, method, url, *body = line.split(None, 3)
        kinds.append((int(weight), method, url, body[0] if body else None))
    return kinds


def read_sessions(path: str) -> list[dict]:
    rows = []
    for line in Path(path).read_text().splitlines():
        if line.strip():
            rows.append(dict(pair.split("=", 1) for pair in line.split("\t") if "=" in pair))
    return rows


def percentile(values: list[float], p: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * len(ordered) + 0.5)) - 1)]


class Load:
    def __init__(self, args):
        self.args = args
        self.kinds = read_mix(args.mix)
        self.weights = [k[0] for k in self.kinds]
        self.members = read_sessions(args.sessions)
        self.queries = read_lines(HERE / "queries.txt")
        self.rng = random.Random(args.seed)
        self.turn = itertools.cycle(range(len(self.members)))
        self.saving: set[int] = set()
        self.latencies: list[float] = []
        self.by_kind: dict[str, list[float]] = {f"{m} {u}": [] for _, m, u, _ in self.kinds}
        self.send_lag: list[float] = []
        self.errors: dict[str, int] = {}
        self.conflicts = self.saves = self.completed = 0
        self.measuring = False

    def fill(self, template: str, values: dict) -> str:
        def one(match):
            key = match.group(1)
            if key == "rand":
                return str(self.rng.randrange(1, 10**9))
            if key == "query":
                return self.rng.choice(self.queries)
            return values.get(key, "{" + key + "}")
        return re.sub(r"{(\w+)}", one, template)

    def pick(self):
        kind = self.rng.choices(self.kinds, weights=self.weights)[0]
        _, method, url, body = kind
        for _ in range(len(self.members)):
            index = next(self.turn)
            if not body or index not in self.saving:
                return index, kind
        return None, kind

    def error(self, what: str) -> None:
        if self.measuring:
            self.errors[what] = self.errors.get(what, 0) + 1

    async def one(self, http: aiohttp.ClientSession, due: float) -> None:
        index, (_, method, url, body) = self.pick()
        if index is None:
            self.error("no member free")
            return
        values = self.members[index]
        headers = {"Cookie": values.get("cookie", ""), "X-CSRFToken": values.get("csrf", "")}
        data = None
        if body:
            data = self.fill(body, values)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["HX-Request"] = "true"
            self.saving.add(index)
        else:
            headers["Accept-Encoding"] = "gzip"  # as phones ask; the body is not decompressed here
        measuring = self.measuring
        lag = time.perf_counter() - due
        try:
            async with http.request(method, self.args.base_url + self.fill(url, values), data=data,
                                    headers=headers, allow_redirects=False) as answer:
                payload = await answer.read()
                status = answer.status
        except (TimeoutError, aiohttp.ClientError) as exc:
            self.saving.discard(index)
            self.error(type(exc).__name__)
            return
        took = (time.perf_counter() - due) * 1000
        self.saving.discard(index)
        if body and status == 200:
            version = VERSION.search(payload)
            if version:
                values["version"] = version.group(1).decode()
            if measuring:
                self.saves += 1
                self.conflicts += CONFLICT in payload
        if not measuring:
            return
        if status >= 300:
            self.error(f"HTTP {status}")
        self.completed += 1
        self.latencies.append(took)
        self.send_lag.append(lag * 1000)
        self.by_kind[f"{method} {url}"].append(took)

    async def run(self) -> dict:
        args = self.args
        connector = aiohttp.TCPConnector(limit=args.connections, limit_per_host=args.connections,
                                         force_close=False, ttl_dns_cache=None)
        timeout = aiohttp.ClientTimeout(total=args.timeout)
        async with aiohttp.ClientSession(connector=connector, timeout=timeout, auto_decompress=False,
                                         cookie_jar=aiohttp.DummyCookieJar()) as http:
            tasks: set[asyncio.Task] = set()
            interval = 1.0 / args.rate
            start = time.perf_counter()
            warm_end = start + args.warmup
            end = warm_end + args.duration
            cpu_start = None
            i = 0
            while True:
                due = start + i * interval
                if due >= end:
                    break
                if not self.measuring and due >= warm_end:
                    self.measuring = True
                    cpu_start = resource.getrusage(resource.RUSAGE_SELF)
                    measured_from = due
                now = time.perf_counter()
                # Behind schedule, send at once, but let the loop read answers between sends:
                # a generator that only sent would stop timing what it had sent.
                await asyncio.sleep(max(0.0, due - now))
                task = asyncio.ensure_future(self.one(http, due))
                tasks.add(task)
                task.add_done_callback(tasks.discard)
                i += 1
            sent_until = time.perf_counter()
            if tasks:
                await asyncio.wait(tasks, timeout=args.timeout + 1)
            cpu_end = resource.getrusage(resource.RUSAGE_SELF)
        wall = time.perf_counter() - measured_from
        cpu = (cpu_end.ru_utime - cpu_start.ru_utime) + (cpu_end.ru_stime - cpu_start.ru_stime)
        lat = self.latencies
        return {
            "offered_rps": args.rate, "seconds": args.duration, "requests": self.completed,
            "achieved_rps": round(self.completed / max(wall, 1e-9), 1),
            "p50_ms": round(percentile(lat, 50), 1), "p95_ms": round(percentile(lat, 95), 1),
            "p99_ms": round(percentile(lat, 99), 1), "max_ms": round(max(lat, default=0), 1),
            "errors": sum(self.errors.values()), "error_kinds": self.errors,
            "saves": self.saves, "conflicts": self.conflicts,
            "send_lag_p99_ms": round(percentile(self.send_lag, 99), 1),
            "generator_cpu_pct": round(100 * cpu / max(wall, 1e-9), 1),
            "tail_s": round(time.perf_counter() - sent_until, 1),
            "kinds": {kind: {"n": len(v), "p50_ms": round(percentile(v, 50), 1), "p95_ms": round(percentile(v, 95), 1)}
                      for kind, v in self.by_kind.items()},
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rate", type=float, required=True, help="requests per second offered")
    parser.add_argument("--duration", type=float, default=60, help="measured seconds")
    parser.add_argument("--warmup", type=float, default=0, help="seconds at the same rate before measuring")
    parser.add_argument("--mix", default="evening", help="a mix name of benchmarks/load or a .mix file")
    parser.add_argument("--sessions", default="benchmarks/out/sessions.tsv")
    parser.add_argument("--base-url", default="http://127.0.0.1:5560")
    parser.add_argument("--connections", type=int, default=256, help="most connections open at once")
    parser.add_argument("--timeout", type=float, default=10, help="seconds before a request counts as an error")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of the RESULT line")
    args = parser.parse_args()
    result = asyncio.run(Load(args).run())
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
    else:
        flat = {k: v for k, v in result.items() if k not in ("kinds", "error_kinds")}
        print("RESULT " + " ".join(f"{k}={v}" for k, v in flat.items()))
        for kind, figures in result["kinds"].items():
            print(f"  {kind:48} n={figures['n']:6} p50={figures['p50_ms']:7.1f} p95={figures['p95_ms']:7.1f}")
        if result["error_kinds"]:
            print("  errors: " + ", ".join(f"{k} {v}" for k, v in result["error_kinds"].items()))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
