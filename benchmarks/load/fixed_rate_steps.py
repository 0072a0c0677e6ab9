"""Step the offered rate of a mix and report the highest rate held with p95 <= 100 ms and no
error, for one or more application servers compared in the same run.

    PROVINCE_CELLS=3000 DATABASE_URL=sqlite:///province.sqlite3 \\
      python benchmarks/load/fixed_rate_steps.py --rates "150 250 350 450" --duration 60 \\
        --servers "sync:4" --generator-cpus 1

Every server named in --servers is started at once on its own port, against the same
database, and the members are logged in once (the sessions live in the database). Then for
each rate, `--rounds` times, each server gets one `fixed_rate.py` run in turn (A, B, A, B):
what the shared machine does meanwhile falls on all of them alike, and the medians of the
rounds are compared. Before its first run each server gets `--warmup-first` seconds at the
lowest rate unmeasured (the workers' caches: tonight's agendas, documents' layouts).
Members' sessions are opened in-process (`sessions.py mint`, the app's own start_session
and cookie signing) unless --login-form; they are kept between runs (one secret key in
benchmarks/out, one sessions file per database). The generator runs under
`taskset -c GENERATOR_CPUS` and the servers under `taskset -c SERVER_CPUS` when given. On a
2-core machine: the generator on one core, the servers unpinned, since pinning the server
to the other core alone would halve what it may use.
Every run appends its JSON result to benchmarks/out/fixed-rate-results.jsonl.
"""

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import servers  # noqa: E402

ROOT = HERE.parents[1]
OUT = ROOT / "benchmarks" / "out"
TARGET_P95_MS = 100.0


def fixed_rate(base_url: str, rate: float, args, sessions: Path, warmup: float, duration: float, env: dict) -> dict:
    cmd = [servers.PY, str(HERE / "fixed_rate.py"), "--json", "--rate", str(rate), "--duration", str(duration),
           "--warmup", str(warmup), "--mix", args.mix, "--sessions", str(sessions), "--base-url", base_url,
           "--connections", str(args.connections)]
    done = servers.run(cmd, cpus=args.generator_cpus, env=env, capture_output=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def held(result: dict) -> bool:
    return result["p95_ms"] <= TARGET_P95_MS and result["errors"] == 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rates", default="150 250 350 450")
    parser.add_argument("--duration", type=float, default=60)
    parser.add_argument("--warmup", type=float, default=5, help="unmeasured seconds before each run, same rate")
    parser.add_argument("--warmup-first", type=float, default=30)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--mix", default="evening")
    parser.add_argument("--servers", default="sync:4", help="space-separated server names (servers.py)")
    parser.add_argument("--sessions", type=int, default=int(os.environ.get("SESSIONS", "2000")))
    parser.add_argument("--connections", type=int, default=256)
    parser.add_argument("--generator-cpus", default=None)
    parser.add_argument("--server-cpus", default=None)
    parser.add_argument("--port", type=int, default=5570)
    parser.add_argument("--login-form", action="store_true",
                        help="log members in through the form (a password hash each) instead of sessions.py mint")
    parser.add_argument("--stop-after-miss", action="store_true", help="stop stepping once no server held a rate")
    args = parser.parse_args()

    database_url = os.environ.get("DATABASE_URL") or f"sqlite:///{OUT / 'load.sqlite3'}"
    cells = int(os.environ.get("PROVINCE_CELLS", "0"))
    evening_cells = int(os.environ.get("EVENING_CELLS", "300"))
    OUT.mkdir(parents=True, exist_ok=True)
    # Logging in costs a password hash at the production cost (a second or so each here), so
    # the members' sessions are kept between runs: one secret key (the cookies are signed
    # with it) and one sessions file per database, reused while it holds enough members.
    secret = OUT / "load-secret-key"
    if not secret.exists():
        secret.write_text(__import__("secrets").token_hex(32))
    env = servers.server_env(database_url, SECRET_KEY=secret.read_text().strip())
    sessions = OUT / f"sessions-fixed-{database_url.rsplit('/', 1)[-1].replace('.', '-')}.tsv"
    reuse = sessions.exists() and len(sessions.read_text().splitlines()) >= args.sessions
    specs = args.servers.split()
    running = [servers.Server(spec, args.port + i, cpus=args.server_cpus) for i, spec in enumerate(specs)]
    rates = [float(r) for r in args.rates.split()]
    results: dict[tuple[str, float], list[dict]] = {}
    if not cells:  # no province: a migrated database with the demo and SESSIONS load-test members
        servers.run([servers.PY, "-m", "flask", "db", "upgrade"], env=env, capture_output=True)
        servers.run([servers.PY, str(HERE / "sessions.py"), "create", "--count", str(args.sessions)], env=env,
                    capture_output=True)
    try:
        for server in running:
            server.start(env, OUT / f"server-{server.port}.log")
        if not reuse and args.login_form:
            servers.login(running[0].url, args.sessions, sessions, env, cells, evening_cells)
        elif not reuse:
            servers.mint(args.sessions, sessions, env, cells, evening_cells)
        load = os.getloadavg()[0]
        print(f"database: {database_url.split(':')[0]}  servers: {args.servers}  sessions: {args.sessions}  "
              f"load average {load:.1f}", flush=True)
        for server in running:
            servers.refresh(sessions, env)
            fixed_rate(server.url, rates[0], args, sessions, 0, args.warmup_first, env)
        print(f"{'server':14} {'offered':>8} {'achieved':>9} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} "
              f"{'errors':>7} {'gen CPU':>8} {'load':>5}", flush=True)
        for rate in rates:
            for _ in range(args.rounds):
                for server in running:
                    servers.refresh(sessions, env)
                    result = fixed_rate(server.url, rate, args, sessions, args.warmup, args.duration, env)
                    result.update(server=server.spec, database=database_url.split(":")[0],
                                  load=round(os.getloadavg()[0], 1), at=time.strftime("%Y-%m-%dT%H:%M:%S"))
                    results.setdefault((server.spec, rate), []).append(result)
                    with open(OUT / "fixed-rate-results.jsonl", "a") as log:
                        log.write(json.dumps(result, ensure_ascii=False) + "\n")
                    print(f"{server.spec:14} {rate:8.0f} {result['achieved_rps']:9.1f} {result['p50_ms']:8.1f} "
                          f"{result['p95_ms']:8.1f} {result['p99_ms']:8.1f} {result['errors']:7} "
                          f"{result['generator_cpu_pct']:7.0f}% {result['load']:5.1f}", flush=True)
            if args.stop_after_miss and not any(
                    held(r) for server in running for r in results[(server.spec, rate)]):
                break
    finally:
        for server in running:
            server.stop()

    print("\nmedians of the rounds, and the highest rate held (p95 <= 100 ms, no error):")
    for server in running:
        best = None
        for rate in rates:
            runs = results.get((server.spec, rate))
            if not runs:
                continue
            p95 = statistics.median(r["p95_ms"] for r in runs)
            errors = max(r["errors"] for r in runs)
            print(f"  {server.spec:14} {rate:6.0f}/s  p50 {statistics.median(r['p50_ms'] for r in runs):7.1f}  "
                  f"p95 {p95:7.1f}  p99 {statistics.median(r['p99_ms'] for r in runs):7.1f}  errors {errors}")
            if p95 <= TARGET_P95_MS and errors == 0:
                best = rate
        print(f"  {server.spec}: highest held {best if best else 'none'} req/s")


if __name__ == "__main__":
    main()
