"""Bytes and CPU time of each encoding Flask-Compress offers, on the pages members open most.

Usage (from the project root): .venv/bin/python benchmarks/compression_bench.py
Runs on a throwaway SQLite database seeded with the demo data; prints, per page, the plain
HTML size and for gzip (level 6, what our own gzip used), brotli (4) and zstd (3) the
compressed size and the time one compression takes (median of 200).
"""

import gzip
import statistics
import sys
import tempfile
import time
from pathlib import Path

import brotli
from backports import zstd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from flask_migrate import upgrade  # noqa: E402

from handbook import create_app  # noqa: E402
from handbook.demo import DEMO_PASSWORD, seed_demo  # noqa: E402
from tests.page_walk import FIRST_LOADS, _resolve  # noqa: E402

ENCODERS = {
    "gzip 6": lambda data: gzip.compress(data, compresslevel=6, mtime=0),
    "br 4": lambda data: brotli.compress(data, quality=4),
    "zstd 3": lambda data: zstd.compress(data, level=3),
}
ROUNDS = 200


def median_us(encode, data: bytes) -> float:
    times = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        encode(data)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1e6


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp}/c.sqlite3", "WTF_CSRF_ENABLED": False,
                          "RATELIMIT_ENABLED": False})
        with app.app_context():
            upgrade()
            world = seed_demo()
        header = f"{'page':<30} {'plain B':>8}" + "".join(f" {name + ' B':>9} {'µs':>6}" for name in ENCODERS)
        print(header)
        for username, path in FIRST_LOADS:
            client = app.test_client()
            if username:
                client.post("/login", data={"username": username, "password": DEMO_PASSWORD})
            with app.app_context():
                url = _resolve(path, world)
            data = client.get(url).get_data()
            row = f"{path:<30} {len(data):>8}"
            for encode in ENCODERS.values():
                row += f" {len(encode(data)):>9} {median_us(encode, data):>6.0f}"
            print(row)


if __name__ == "__main__":
    main()
