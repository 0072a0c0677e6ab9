"""Resident memory of one app process after it has served every member page once, as a sync
worker holds it after an evening (goal: under 100 MB).

    python benchmarks/worker_memory.py [--rounds 3] [--database-url URL]

A first process builds the demo on a throwaway SQLite file and resolves the page-weight walk's
addresses (`tests/test_budget.py`: every page of members, secretaries and the committee); a
second, fresh process (the "worker") builds the app, logs the demo accounts in and requests
each page `--rounds` times. It prints its RSS after building the app and after the walk, and
the heavy modules it holds. With --database-url (a PostgreSQL database of its own: its public
schema is emptied), the demo is built there instead, as a production worker meets it.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def rss_mb() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS"):
                return int(line.split()[1]) / 1024
    return 0.0


def database_url(path: str) -> str:
    return path if "://" in path else f"sqlite:///{path}"


def prepare(path: str) -> list[tuple[str, str]]:
    from flask_migrate import upgrade

    from handbook import create_app
    from handbook.demo import seed_demo
    from handbook.extensions import db
    from tests.page_walk import FIRST_LOADS, _resolve

    app = create_app({"SQLALCHEMY_DATABASE_URI": database_url(path), "LOG_LEVEL": "WARNING"})
    with app.app_context():
        if path.startswith("postgresql"):
            from sqlalchemy import text

            with db.engine.begin() as connection:
                connection.execute(text("DROP SCHEMA public CASCADE"))
                connection.execute(text("CREATE SCHEMA public"))
        upgrade()
        world = seed_demo()
        db.session.commit()
        pages = [(who, _resolve(page, world)) for who, page in FIRST_LOADS if who and "attempts" not in page]
        db.session.commit()
    return pages


def worker(path: str, pages: list[tuple[str, str]], rounds: int) -> None:
    from handbook import create_app
    from handbook.demo import DEMO_PASSWORD

    app = create_app({"SQLALCHEMY_DATABASE_URI": database_url(path), "LOG_LEVEL": "WARNING",
                      "WTF_CSRF_ENABLED": False, "RATELIMIT_ENABLED": False})
    built = rss_mb()
    clients = {}
    for who in {who for who, _ in pages}:
        clients[who] = app.test_client()
        clients[who].post("/login", data={"username": who, "password": DEMO_PASSWORD})
    for _ in range(rounds):
        for who, url in pages:
            answer = clients[who].get(url, headers={"Accept-Encoding": "br, gzip"})
            assert answer.status_code == 200, (who, url, answer.status_code)
    heavy = sorted(name for name in ("pywebpush", "py_vapid", "aiohttp", "cryptography", "weasyprint", "reportlab",
                                     "fpdf", "PIL", "fontTools", "alembic", "rq", "redis", "requests", "sentry_sdk",
                                     "rich", "icu", "icalendar", "urllib3", "prometheus_client")
                   if name in sys.modules)
    print(f"after create_app: {built:.1f} MB; after {len(pages)} pages x {rounds}: {rss_mb():.1f} MB")
    print("heavy modules held:", ", ".join(heavy) or "none")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--database-url", help="a PostgreSQL database to build the demo in (emptied first)")
    parser.add_argument("--worker", nargs=2, metavar=("DB", "PAGES"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args.worker[0], json.loads(Path(args.worker[1]).read_text()), args.rounds)
        return
    with tempfile.TemporaryDirectory() as tmp:
        path = args.database_url or os.path.join(tmp, "demo.sqlite3")
        pages_file = Path(tmp) / "pages.json"
        pages_file.write_text(json.dumps(prepare(path)))
        subprocess.run([sys.executable, __file__, "--rounds", str(args.rounds), "--worker", path, str(pages_file)],
                       check=True, env={**os.environ, "LOG_LEVEL": "WARNING"})


if __name__ == "__main__":
    main()
