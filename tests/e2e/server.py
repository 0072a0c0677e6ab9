"""The real app under gunicorn, on a free port and a fresh, migrated, seeded SQLite file."""

import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
READY_TIMEOUT = 30  # seconds for gunicorn to import the app and answer /healthz


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def app_env(database_url: str) -> dict:
    """The environment the app reads its configuration from (see README)."""
    env = {k: v for k, v in os.environ.items() if k not in ("TEST_DATABASE_URL", "HANDBOOK_ENV")}
    env.update(
        DATABASE_URL=database_url,
        SECRET_KEY=secrets.token_hex(32),
        HANDBOOK_ENV="development",
        FLASK_APP="app",
        PYTHONUNBUFFERED="1",
    )
    return env


def flask_cli(env: dict, *args: str) -> None:
    subprocess.run([sys.executable, "-m", "flask", "--app", "app", *args], cwd=ROOT, env=env, check=True,
                   capture_output=True)


class LiveServer:
    """One gunicorn serving the app; `url` is its base, `database_url` the database it uses."""

    def __init__(self, workdir: Path, workers: int = 2):
        self.workdir = workdir
        self.database_url = "sqlite:///" + str(workdir / "e2e.sqlite3")
        self.env = app_env(self.database_url)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.workers = workers
        self.log_path = workdir / "gunicorn.log"
        self.process: subprocess.Popen | None = None

    def prepare(self) -> None:
        flask_cli(self.env, "db", "upgrade")
        flask_cli(self.env, "seed-demo")

    def start(self) -> None:
        gunicorn = shutil.which("gunicorn", path=str(BIN)) or "gunicorn"
        with open(self.log_path, "wb") as log:
            self.process = subprocess.Popen(
                [gunicorn, "--bind", f"127.0.0.1:{self.port}", "--workers", str(self.workers),
                 "--threads", "4", "--graceful-timeout", "5", "app:app"],
                cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
            )
        self._wait_ready()

    def _wait_ready(self) -> None:
        deadline = time.monotonic() + READY_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited with {self.process.returncode}:\n{self.log()}")
            try:
                with urllib.request.urlopen(self.url + "/healthz", timeout=2) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"the app did not answer /healthz within {READY_TIMEOUT}s:\n{self.log()}")

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)  # gunicorn's graceful shutdown, workers included
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")[-4000:] if self.log_path.exists() else ""

    def run_in_app(self, func):
        """Calls func() inside an app context on the server's database (to arrange test data)."""
        from handbook import create_app
        from handbook.extensions import db

        app = create_app({"SQLALCHEMY_DATABASE_URI": self.database_url, "PASSWORD_HASH_METHOD": "scrypt:1024:8:1"})
        try:
            with app.app_context():
                return func()
        finally:
            with app.app_context():
                db.engine.dispose()

    def create_user(self, username: str, password: str = "sotay-demo", *, must_change_password: bool = False,
                    full_name: str | None = None, role: str | None = None) -> None:
        """A member of the demo's cell 1 (or a secretary there / committee admin with `role`)."""
        from sqlalchemy import select

        from handbook.auth.models import RoleAssignment, User
        from handbook.auth.passwords import hash_password
        from handbook.demo import BLOC, CELL1
        from handbook.extensions import db
        from handbook.orgs.models import Organization

        def create():
            cell = db.session.scalar(select(Organization).where(Organization.name == CELL1))
            bloc = db.session.scalar(select(Organization).where(Organization.name == BLOC))
            user = User(username=username, full_name=full_name or f"Đồng chí {username}", cell=cell,
                        password_hash=hash_password(password), must_change_password=must_change_password)
            db.session.add(user)
            if role:
                db.session.add(RoleAssignment(user=user, org=bloc if role == "admin" else cell, role=role))
            db.session.commit()

        self.run_in_app(create)
