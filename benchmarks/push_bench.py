"""How long publishing an agenda keeps the secretary waiting when a cell of 40 members each has
a phone subscribed to Web Push: jobs inline (no Redis) or on RQ, with every push service
answering, and with one phone's service too slow to answer. Pushes go to a push service of our
own on loopback (the tests' one), so the figures hold encryption and HTTP, not the Internet.

Run from the project root:  .venv/bin/python benchmarks/push_bench.py [--redis-url URL]
It builds a fresh SQLite file in a temporary directory; the Redis database given is emptied.
"""

import argparse
import os
import sys
import tempfile
import time
from datetime import timedelta

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from bench_cell import PASSWORD, cell_with_members  # noqa: E402
from redis import Redis  # noqa: E402

from handbook import create_app  # noqa: E402
from handbook.extensions import db  # noqa: E402
from handbook.meetings.agenda.service import create_meeting  # noqa: E402
from handbook.models_base import utcnow  # noqa: E402
from handbook.push import keys, sender  # noqa: E402
from handbook.push.subscriptions import subscribe  # noqa: E402
from tests.jobs_helpers import run_worker  # noqa: E402
from tests.push_service import HOST, PushService  # noqa: E402

MEMBERS = 40


def build(app, service, slow: bool) -> None:
    with app.app_context():
        cell, users = cell_with_members(MEMBERS)
        for i, user in enumerate(users):
            kind = "slow" if slow and i == 1 else "ok"
            subscribe(user, **_keys(service.device(kind, f"m{i}")), user_agent="bench")
        create_meeting(cell, kind="regular", title="Sinh hoạt định kỳ", starts_at=utcnow() + timedelta(days=5),
                       duration_minutes=120, location="Hội trường", template="regular")
        db.session.commit()


def _keys(device) -> dict:
    sub = device.subscription()
    return {"endpoint": sub["endpoint"], "p256dh": sub["keys"]["p256dh"], "auth": sub["keys"]["auth"]}


def run(redis_url: str | None, slow: bool) -> tuple[float, float | None, int]:
    private, public = keys.generate()
    with tempfile.TemporaryDirectory() as folder, PushService() as service:
        sender.open_session = service.session  # push.test's endpoints reach the loopback service
        app = create_app({"TESTING": True, "WTF_CSRF_ENABLED": False, "SERVER_NAME": "localhost",
                          "SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder}/bench.sqlite3", "REDIS_URL": redis_url or "",
                          "VAPID_PRIVATE_KEY": private, "VAPID_PUBLIC_KEY": public,
                          "VAPID_SUBJECT": "mailto:bench@example.vn", "PUSH_SERVICE_HOSTS": [HOST],
                          "PUSH_TIMEOUT_SECONDS": 2.0, "LOG_LEVEL": "WARNING"})
        build(app, service, slow)
        client = app.test_client()
        with app.app_context():
            client.post("/login", data={"username": "m0", "password": PASSWORD})
            started = time.perf_counter()
            client.post("/meetings/1/publish", data={"confirm": "y"})
            request_ms = (time.perf_counter() - started) * 1000
            worker_ms = None
            if redis_url:
                started = time.perf_counter()
                run_worker(app)
                worker_ms = (time.perf_counter() - started) * 1000
            db.engine.dispose()
        return request_ms, worker_ms, len(service.received)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/9")
    args = parser.parse_args()
    Redis.from_url(args.redis_url).flushdb()
    print("| jobs | a slow push service | publish request | worker | pushes received |")
    print("|---|---|---|---|---|")
    for redis_url in (None, args.redis_url):
        for slow in (False, True):
            request_ms, worker_ms, received = run(redis_url, slow)
            worker = f"{worker_ms:.0f} ms" if worker_ms is not None else "—"
            print(f"| {'RQ' if redis_url else 'inline'} | {'yes' if slow else 'no'} | {request_ms:.0f} ms | "
                  f"{worker} | {received} |")
    Redis.from_url(args.redis_url).flushdb()


if __name__ == "__main__":
    main()
