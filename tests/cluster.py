"""Two application servers behind a real HAProxy, on loopback ports: what a province runs.

Each node is gunicorn with its own instance folder and the same DATABASE_URL, SECRET_KEY and
RATELIMIT_STORAGE_URI; NODE_NAME makes each answer say who it is (the X-Node header). The
balancer's configuration is deploy/haproxy.cfg with the ports swapped for free ones.
"""

import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import requests

from tests.e2e.server import free_port

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
TEMPLATE = ROOT / "deploy" / "haproxy.cfg"
READY_TIMEOUT = 30  # seconds for gunicorn to import the app, and for HAProxy to see both up
REDIS_DB = 11  # a Redis database of its own for the nodes' rate limits


def haproxy_path() -> str | None:
    return shutil.which("haproxy") or next((p for p in ("/usr/sbin/haproxy",) if os.path.exists(p)), None)


class Node:
    def __init__(self, name: str, workdir: Path, env: dict):
        self.name = name
        self.port = free_port()
        self.instance = workdir / f"instance-{name}"
        self.instance.mkdir()
        self.log_path = workdir / f"{name}.log"
        self.env = {**env, "NODE_NAME": name, "INSTANCE_PATH": str(self.instance)}
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        gunicorn = shutil.which("gunicorn", path=str(BIN)) or "gunicorn"
        with open(self.log_path, "wb") as log:
            self.process = subprocess.Popen(
                [gunicorn, "--bind", f"127.0.0.1:{self.port}", "--workers", "1", "--threads", "4",
                 "--graceful-timeout", "2", "app:app"],
                cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)

    def wait_ready(self) -> None:
        deadline = time.monotonic() + READY_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"node {self.name} exited:\n{self.log()}")
            try:
                # The master listens before its worker has imported the app: a first request waits.
                if requests.get(f"http://127.0.0.1:{self.port}/healthz", timeout=5).status_code == 200:
                    return
            except requests.RequestException:
                time.sleep(0.2)
        raise RuntimeError(f"node {self.name} did not answer /healthz:\n{self.log()}")

    def kill(self) -> None:
        """Stops the server at once, workers included, as a crash or a pulled plug would."""
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")[-4000:] if self.log_path.exists() else ""


class Cluster:
    """`url` is the balancer's; `nodes` the two servers behind it."""

    def __init__(self, workdir: Path, database_url: str, haproxy: str):
        env = {k: v for k, v in os.environ.items() if k not in ("TEST_DATABASE_URL", "HANDBOOK_ENV", "CI")}
        env.update(DATABASE_URL=database_url, SECRET_KEY=secrets.token_urlsafe(48), HANDBOOK_ENV="development",
                   RATELIMIT_STORAGE_URI=f"redis://127.0.0.1:6379/{REDIS_DB}", LOG_LEVEL="WARNING",
                   PYTHONUNBUFFERED="1")
        self.nodes = [Node("node1", workdir, env), Node("node2", workdir, env)]
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.config_path = workdir / "haproxy.cfg"
        self.log_path = workdir / "haproxy.log"
        self.haproxy = haproxy
        self.process: subprocess.Popen | None = None

    def config(self) -> str:
        """deploy/haproxy.cfg with its example ports replaced by the free ones."""
        text = TEMPLATE.read_text()
        ports = {"8000": self.port, "8001": self.nodes[0].port, "8002": self.nodes[1].port}
        return re.sub(r"127\.0\.0\.1:(800[012])\b", lambda m: f"127.0.0.1:{ports[m.group(1)]}", text)

    def start(self) -> None:
        for node in self.nodes:
            node.start()
        for node in self.nodes:
            node.wait_ready()
        self.config_path.write_text(self.config())
        with open(self.log_path, "wb") as log:
            self.process = subprocess.Popen([self.haproxy, "-db", "-f", str(self.config_path)],
                                            stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        self._wait_both_up()

    def _wait_both_up(self) -> None:
        """Until two requests in a row reach both nodes: HAProxy has seen each pass its check."""
        deadline = time.monotonic() + READY_TIMEOUT
        while time.monotonic() < deadline:
            try:
                seen = {requests.get(self.url + "/healthz", timeout=2).headers.get("X-Node") for _ in range(2)}
                if seen == {node.name for node in self.nodes}:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.2)
        raise RuntimeError(f"HAProxy did not bring both nodes up:\n{self.log_path.read_text(errors='replace')}")

    def after(self, node: str) -> None:
        """Makes `node` the last one to have answered, so round-robin sends the next request to
        the other one (health checks do not move the rotation; requests do)."""
        for _ in range(4):
            if requests.get(self.url + "/healthz", timeout=5).headers.get("X-Node") == node:
                return
        raise AssertionError(f"{node} never answered through the balancer")

    def stop(self) -> None:
        """The balancer, then every node still running, stopped together (gunicorn's graceful stop)."""
        running = [p for p in [self.process, *(n.process for n in self.nodes)] if p is not None and p.poll() is None]
        for process in running:
            process.terminate()
        for process in running:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()


class Visitor:
    """A browser without JavaScript: its own cookies, the CSRF token of the last form seen."""

    def __init__(self, base: str):
        self.base = base
        self.http = requests.Session()
        self.csrf = ""

    def get(self, path: str, **kwargs) -> requests.Response:
        response = self.http.get(self.base + path, allow_redirects=False, timeout=10, **kwargs)
        found = re.search(r'name="csrf_token" value="([^"]+)"', response.text) or \
            re.search(r'"X-CSRFToken": "([^"]+)"', response.text)
        if found:
            self.csrf = found.group(1)
        return response

    def post(self, path: str, data: dict | None = None, htmx: bool = False, **kwargs) -> requests.Response:
        headers = {"X-CSRFToken": self.csrf, **({"HX-Request": "true"} if htmx else {})}
        return self.http.post(self.base + path, data={"csrf_token": self.csrf, **(data or {})}, headers=headers,
                              allow_redirects=False, timeout=10, **kwargs)

    def login(self, username: str, password: str = "sotay-demo") -> requests.Response:
        self.get("/login")
        return self.post("/login", {"username": username, "password": password})
