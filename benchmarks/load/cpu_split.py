"""Where the machine's CPU goes under a fixed rate: the app's workers, the database, the rest.

    PROVINCE_CELLS=3000 DATABASE_URL=postgresql+psycopg://…/province \\
      python benchmarks/load/cpu_split.py --rate 120 --duration 30 [--py-spy]

Starts the project's gunicorn (sync:4) on the database, replays the evening mix at a fixed
rate (`fixed_rate.py`, the generator on `--generator-cpus`) for `--warmup` seconds unmeasured,
then `--duration` seconds measured, and reads the CPU time each group of processes used
meanwhile from /proc: the workers, the database's processes (`postgres`), and the machine as a
whole. Prints each group's share of the machine's cores and its CPU milliseconds per request.
When the whole machine is near all its cores, requests wait for a core, every kind alike:
the "pauses" a fixed-rate run shows beyond the rate the machine holds.

With --py-spy, the workers are sampled meanwhile (`py-spy record --subprocesses --gil`: only
a worker running Python, not one waiting for the database) and the functions of the app under
which most samples fell are printed (inclusive, and the leaf frames), so the next lever is
read off the real mix, members' first requests included. Sampling costs CPU of its own: keep
`--spy-rate` low and read the split from a run without it.

Uses the sessions `fixed_rate_steps.py` opened (run it once first on the same database).
"""

import argparse
import collections
import contextlib
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import servers  # noqa: E402
from fixed_rate_steps import OUT  # noqa: E402

TICKS = os.sysconf("SC_CLK_TCK")


def _cpu_seconds(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / TICKS  # utime, stime


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        with contextlib.suppress(OSError):  # a thread that ended meanwhile
            found += [int(child) for child in (task / "children").read_text().split()]
    return found


def _postgres_pids() -> list[int]:
    pids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError):  # a process that ended meanwhile
                if (entry / "comm").read_text().strip() == "postgres":
                    pids.append(int(entry.name))
    return pids


def _machine_busy() -> float:
    """Seconds of CPU the whole machine has spent busy (all cores), from /proc/stat."""
    values = [int(v) for v in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    idle = values[3] + values[4]
    return (sum(values[:8]) - idle) / TICKS


def snapshot(master: int) -> dict:
    workers = _children(master)
    return {"workers": {pid: _cpu_seconds(pid) for pid in workers},
            "postgres": {pid: _cpu_seconds(pid) for pid in _postgres_pids()},
            "machine": _machine_busy()}


def _used(before: dict, after: dict) -> float:
    # A process that began meanwhile (a new database backend) counts from zero.
    return sum(value - before.get(pid, 0.0) for pid, value in after.items())


def top_frames(raw: Path, limit: int) -> None:
    """The app's functions most samples fell under (inclusive) and the leaf frames (self)."""
    inclusive, leaf, total = collections.Counter(), collections.Counter(), 0
    for line in raw.read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        if not stack:
            continue
        count = int(count)
        total += count
        frames = stack.split(";")
        leaf[frames[-1]] += count
        for frame in set(frames):
            if "handbook/" in frame or "templates/" in frame:
                inclusive[frame] += count
    print(f"\n{total} samples; the app's frames, inclusive:")
    for frame, count in inclusive.most_common(limit):
        print(f"  {count / total:6.1%}  {frame}")
    print("\nleaf frames (where the time is spent itself):")
    for frame, count in leaf.most_common(limit):
        print(f"  {count / total:6.1%}  {frame}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rate", type=float, default=120)
    parser.add_argument("--duration", type=float, default=30)
    parser.add_argument("--warmup", type=float, default=60)
    parser.add_argument("--mix", default="evening")
    parser.add_argument("--server", default="sync:4")
    parser.add_argument("--generator-cpus", default="1")
    parser.add_argument("--port", type=int, default=5590)
    parser.add_argument("--py-spy", action="store_true", help="sample the workers while measuring")
    parser.add_argument("--spy-rate", type=int, default=25,
                        help="samples a second per worker (py-spy's CPU is taken from the server's)")
    parser.add_argument("--top", type=int, default=30)
    args = parser.parse_args()

    database_url = os.environ["DATABASE_URL"]
    sessions = OUT / f"sessions-fixed-{database_url.rsplit('/', 1)[-1].replace('.', '-')}.tsv"
    if not sessions.exists():
        raise SystemExit(f"no {sessions.name}: run fixed_rate_steps.py on this database first")
    env = servers.server_env(database_url, SECRET_KEY=(OUT / "load-secret-key").read_text().strip())
    server = servers.Server(args.server, args.port).start(env, OUT / f"server-{args.port}.log")
    spy = None
    try:
        servers.refresh(sessions, env)

        def load(seconds: float, warmup: float = 0) -> dict:
            cmd = [servers.PY, str(HERE / "fixed_rate.py"), "--json", "--rate", str(args.rate), "--duration",
                   str(seconds), "--warmup", str(warmup), "--mix", args.mix, "--sessions", str(sessions),
                   "--base-url", server.url]
            done = servers.run(cmd, cpus=args.generator_cpus, env=env, capture_output=True)
            return json.loads(done.stdout.strip().splitlines()[-1])

        load(args.warmup)
        raw = Path(tempfile.mkdtemp()) / "samples.txt"
        if args.py_spy:
            spy = subprocess.Popen(["py-spy", "record", "--pid", str(server.process.pid), "--subprocesses",
                                    "--format", "raw", "--rate", str(args.spy_rate), "--gil", "--nonblocking",
                                    "--output", str(raw), "--duration", str(int(args.duration) + 5)],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        before = snapshot(server.process.pid)
        started = time.monotonic()
        result = load(args.duration, warmup=5)
        elapsed = time.monotonic() - started
        after = snapshot(server.process.pid)
    finally:
        server.stop()
    groups = {"app workers": _used(before["workers"], after["workers"]),
              "database": _used(before["postgres"], after["postgres"]),
              "machine, all": after["machine"] - before["machine"]}
    print(f"rate {args.rate:.0f}/s: achieved {result['achieved_rps']:.1f}, p50 {result['p50_ms']:.1f} ms, "
          f"p95 {result['p95_ms']:.1f} ms, errors {result['errors']}, "
          f"generator {result['generator_cpu_pct']:.0f}% of a core")
    # The window is the generator's whole run (its 5 s warm-up included), all at the same rate.
    for name, seconds in groups.items():
        per_request = seconds * 1000 / (args.rate * elapsed)
        print(f"  {name:14} {seconds / elapsed:5.2f} cores  {per_request:6.2f} ms CPU a request")
    print(f"  (of {os.cpu_count()} cores, over the generator's {elapsed:.0f} s at the offered rate; "
          f"{result['requests']} requests measured)")
    if spy is not None:
        spy.wait()
        top_frames(raw, args.top)


if __name__ == "__main__":
    main()
