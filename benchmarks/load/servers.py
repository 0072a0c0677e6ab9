"""Start the app (or a bare Flask app) under a named application server, for the load scripts.

A server is named `KIND:WORKERS[xTHREADS]`:
  sync:4         gunicorn, 4 sync workers (one request at a time each)
  gthread:2x4    gunicorn, 2 workers of 4 threads
  granian:2      granian (Rust HTTP, WSGI interface), 2 workers
  granian:2x4    granian, 2 workers with 4 blocking threads each
The app is `app:app` (the handbook) or `bare` (a Flask app answering "ok", the ceiling
of Flask itself under the same server: `bare_app.py`).
`cpus` pins the server's processes with taskset (e.g. "0" or "0,1"); None leaves them free.
"""

import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
PY = os.environ.get("PY", str(ROOT / ".venv" / "bin" / "python"))


@dataclass
class Server:
    spec: str
    port: int
    app: str = "app:app"
    cpus: str | None = None
    process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def command(self) -> list[str]:
        kind, _, size = self.spec.partition(":")
        workers, _, threads = (size or "4").partition("x")
        target = "bare_app:app" if self.app == "bare" else self.app
        if kind in ("sync", "gthread"):
            cmd = [PY, "-m", "gunicorn", "--bind", f"127.0.0.1:{self.port}", "--workers", workers,
                   "--worker-class", kind, "--backlog", "2048"]
            if threads:
                cmd += ["--threads", threads]
            if self.app == "bare":
                cmd += ["--chdir", str(HERE)]
            cmd.append(target)
        elif kind == "granian":
            cmd = [PY, "-m", "granian", "--interface", "wsgi", "--host", "127.0.0.1", "--port", str(self.port),
                   "--workers", workers, "--no-ws", "--log-level", "warning"]
            if threads:
                cmd += ["--blocking-threads", threads]
            if self.app == "bare":
                cmd += ["--working-dir", str(HERE)]
            cmd.append(target)
        else:
            raise SystemExit(f"unknown server kind {kind!r} in {self.spec!r}")
        if self.cpus and shutil.which("taskset"):
            cmd = ["taskset", "-c", self.cpus, *cmd]
        return cmd

    def start(self, env: dict, log_path: Path) -> "Server":
        log = open(log_path, "ab")  # noqa: SIM115 - kept open for the server's life
        self.process = subprocess.Popen(self.command(), cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
                                        start_new_session=True)
        probe = "/" if self.app == "bare" else "/healthz"
        for _ in range(150):
            try:
                urllib.request.urlopen(self.url + probe, timeout=2).read()
                return self
            except OSError:
                if self.process.poll() is not None:
                    raise SystemExit(f"{self.spec} stopped at start; see {log_path}") from None
                time.sleep(0.2)
        raise SystemExit(f"{self.spec} did not answer; see {log_path}")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()


def server_env(database_url: str, **extra: str) -> dict:
    """What run.sh gives the server: the database, one proxy in front (each member's own
    address in X-Forwarded-For), a random secret; logs as in production (JSON lines)."""
    import secrets

    env = dict(os.environ)
    env.update(DATABASE_URL=database_url, HANDBOOK_ENV="development", FLASK_APP="app", PROXY_COUNT="1",
               SECRET_KEY=env.get("SECRET_KEY") or secrets.token_hex(32), PYTHONPATH=str(ROOT))
    env.update(extra)
    return env


def run(cmd: list[str], cpus: str | None = None, **kwargs) -> subprocess.CompletedProcess:
    if cpus and shutil.which("taskset"):
        cmd = ["taskset", "-c", cpus, *cmd]
    return subprocess.run(cmd, cwd=ROOT, check=True, text=True, **kwargs)


def login(base_url: str, count: int, out: Path, env: dict, cells_total: int, evening_cells: int) -> None:
    run([PY, str(HERE / "sessions.py"), "login", "--count", str(count), "--base-url", base_url, "--out", str(out),
         "--cells-total", str(cells_total), "--evening-cells", str(evening_cells)], env=env, stdout=sys.stderr)


def mint(count: int, out: Path, env: dict, cells_total: int, evening_cells: int) -> None:
    """The members' sessions opened in-process (sessions.py mint): no password hash per member."""
    run([PY, str(HERE / "sessions.py"), "mint", "--count", str(count), "--out", str(out),
         "--cells-total", str(cells_total), "--evening-cells", str(evening_cells)], env=env, stdout=sys.stderr)


def refresh(out: Path, env: dict) -> None:
    run([PY, str(HERE / "sessions.py"), "refresh", "--out", str(out)], env=env)
