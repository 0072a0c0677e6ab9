"""Shared set-up for the admin benchmarks: an app on a chosen database, migrated, with a logged-in admin."""

import argparse
import os
import statistics
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from flask_migrate import upgrade  # noqa: E402

from handbook import create_app  # noqa: E402

BENCH_CONFIG = {"TESTING": True, "WTF_CSRF_ENABLED": False, "SERVER_NAME": "localhost",
                "RATELIMIT_ENABLED": False, "PASSWORD_HASH_METHOD": "scrypt:1024:8:1"}


def arguments(description: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--database-url", default="",
                        help="SQLAlchemy URL (default: a new SQLite file in the temporary directory)")
    parser.add_argument("--repeat", type=int, default=5)
    return parser.parse_args()


def make_app(url: str):
    if not url:
        url = "sqlite:///" + os.path.join(tempfile.mkdtemp(prefix="handbook-bench-"), "bench.sqlite3")
    app = create_app({**BENCH_CONFIG, "SQLALCHEMY_DATABASE_URI": url,
                      "UPLOAD_FOLDER": tempfile.mkdtemp(prefix="handbook-bench-uploads-")})
    with app.app_context():
        upgrade()
    return app


def timed(call, repeat: int) -> tuple[float, float, object]:
    """Median and best wall time in milliseconds, and the last result."""
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = call()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), min(times), result
