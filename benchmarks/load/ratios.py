"""Shares of the ceiling, in one run: a bare Flask route, /healthz, the login form, home, the
meeting page and its conditional revisit (304), under one or more application servers.

    python benchmarks/load/ratios.py --servers "sync:4 gthread:2x4 granian:2" --rounds 3 --seconds 5

Builds the demo on a throwaway SQLite file (or uses DATABASE_URL, holding the demo), starts
every server named (servers.py) on its own port, plus each server once more with the bare
app, logs `dangvien` in, then runs Debian's wrk (closed loop, `-t2 -c8`, gzip asked for) on
each (server, route) in turn, round after round: A, B, C, A, B, C. Prints the median req/s of
the rounds and each route's share of /healthz and of the bare route under the same server.
The targets: a logged-in page >= 50% of /healthz, /healthz >= 60% of bare, 304 >= 80% of
/healthz. wrk runs under `taskset -c GENERATOR_CPUS` when given.
"""

import argparse
import http.cookiejar
import os
import re
import statistics
import subprocess
import sys
import tempfile
import urllib.parse
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parents[1]))

import servers  # noqa: E402

GZIP = "Accept-Encoding: gzip"


def login(base: str, username: str, password: str) -> tuple[str, str]:
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(base + "/login").read().decode()
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page).group(1)
    opener.open(base + "/login", data=urllib.parse.urlencode(
        {"csrf_token": token, "username": username, "password": password}).encode()).read()
    cookie = "; ".join(f"{c.name}={c.value}" for c in jar)
    tag = opener.open(base + "/meetings/3").headers["ETag"]
    return cookie, tag


def wrk(url: str, seconds: float, headers: list[str], cpus: str | None, threads: int, connections: int) -> float:
    cmd = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{int(seconds)}s"]
    for header in headers:
        cmd += ["-H", header]
    if cpus:
        cmd = ["taskset", "-c", cpus, *cmd]
    out = subprocess.run([*cmd, url], capture_output=True, text=True, check=True).stdout
    found = re.search(r"Requests/sec:\s+([\d.]+)", out)
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if non2xx:
        raise SystemExit(f"{url}: {non2xx.group(1)} answers not 2xx/3xx")
    return float(found.group(1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--servers", default="sync:4")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--generator-cpus", default=None)
    parser.add_argument("--server-cpus", default=None)
    parser.add_argument("--port", type=int, default=5590)
    parser.add_argument("--routes", default="bare healthz login home meeting revisit")
    args = parser.parse_args()

    from handbook.demo import DEMO_PASSWORD

    tmp = tempfile.mkdtemp()
    url = os.environ.get("DATABASE_URL")
    if not url:
        sys.path.insert(0, str(HERE))
        from overhead import build_demo

        build_demo(os.path.join(tmp, "demo.sqlite3"))
        url = f"sqlite:///{os.path.join(tmp, 'demo.sqlite3')}"
    env = servers.server_env(url, LOG_LEVEL=os.environ.get("LOG_LEVEL", "INFO"))
    specs = args.servers.split()
    apps, bares = [], []
    for i, spec in enumerate(specs):
        apps.append(servers.Server(spec, args.port + 2 * i, cpus=args.server_cpus))
        bares.append(servers.Server(spec, args.port + 2 * i + 1, app="bare", cpus=args.server_cpus))
    routes = args.routes.split()
    results: dict[tuple[str, str], list[float]] = {}
    try:
        for server in apps + bares:
            server.start(env, Path(tmp) / f"server-{server.port}.log")
        cookie, tag = login(apps[0].url, "dangvien", DEMO_PASSWORD)
        member = [f"Cookie: {cookie}", GZIP]
        plan = {
            "healthz": ("/healthz", []),
            "login": ("/login", [GZIP]),
            "home": ("/", member),
            "meeting": ("/meetings/3", member),
            "revisit": ("/meetings/3", [*member, f"If-None-Match: {tag}"]),
            "account": ("/account", member),
        }
        print(f"database: {url.split(':')[0]}  load average {os.getloadavg()[0]:.1f}", flush=True)
        for n in range(args.rounds):
            for route in routes:
                for app_server, bare in zip(apps, bares, strict=True):
                    if route == "bare":
                        target, headers = bare.url + "/", []
                    else:
                        path, headers = plan[route]
                        target = app_server.url + path
                    rps = wrk(target, args.seconds, headers, args.generator_cpus, args.threads, args.connections)
                    results.setdefault((app_server.spec, route), []).append(rps)
            print(f"round {n + 1} done, load average {os.getloadavg()[0]:.1f}", flush=True)
    finally:
        for server in apps + bares:
            server.stop()

    print(f"\n{'route':10}" + "".join(f"{spec:>26}" for spec in specs))
    for route in routes:
        cells = []
        for spec in specs:
            value = statistics.median(results[(spec, route)])
            healthz = statistics.median(results.get((spec, "healthz"), [value]))
            bare = statistics.median(results.get((spec, "bare"), [value]))
            share = f"{100 * value / bare:.0f}% bare" if route == "healthz" else f"{100 * value / healthz:.0f}% hz"
            cells.append(f"{value:9.0f} req/s {share:>10}")
        print(f"{route:10}" + "".join(f"{c:>26}" for c in cells))
    print("\neach server against the first, same route:")
    for route in routes:
        base = statistics.median(results[(specs[0], route)])
        print(f"{route:10}" + "".join(f"{statistics.median(results[(s, route)]) / base:>26.2f}" for s in specs))


if __name__ == "__main__":
    main()
