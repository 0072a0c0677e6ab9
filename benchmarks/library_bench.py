"""Search latency and reader render time on a library built by library_generate.py.

    DATABASE_URL=sqlite:///bench-library.sqlite3 python benchmarks/library_bench.py
    DATABASE_URL=postgresql+psycopg://postgres@127.0.0.1:5432/bench_library python benchmarks/library_bench.py

Search: a few hundred varied queries (one to three words, accented and unaccented,
quoted phrases, unfinished last words), timed through the library search source as the
search page calls it (query, visibility filter, snippets). Reader: the full reader view
(queries and template) for the largest document. Server time only, one process.
"""

import os
import random
import statistics
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from benchmarks.library_generate import SYLLABLES  # noqa: E402


def queries(n: int = 300, seed: int = 11) -> list[str]:
    from handbook.vietnamese import fold

    rng = random.Random(seed)
    out = []
    for i in range(n):
        words = " ".join(rng.choice(SYLLABLES) for _ in range(rng.randint(1, 3)))
        kind = i % 4
        if kind == 1:
            words = fold(words)  # typed without accents
        elif kind == 2:
            words = f'"{words}"'  # phrase
        elif kind == 3:
            words = fold(words)[:-1]  # search-as-you-type: unfinished last word
        out.append(words)
    return out


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def main() -> None:
    from flask_login import login_user
    from sqlalchemy import select

    from handbook import create_app
    from handbook.auth.models import User
    from handbook.extensions import db
    from handbook.library import routes
    from handbook.library.search import library_source
    from handbook.vietnamese import parse_query

    app = create_app({"SQLALCHEMY_DATABASE_URI": os.environ["DATABASE_URL"], "SERVER_NAME": "localhost"})
    with app.app_context():
        user = db.session.scalar(select(User).where(User.username == "bench"))
        if user is None:
            user = User(username="bench", full_name="Đảng viên Thử", password_hash="x", must_change_password=False)
            db.session.add(user)
            db.session.commit()
        qs = queries()
        times, hits = [], 0
        with app.test_request_context("/search"):
            login_user(user)
            for q in qs[:20]:  # warm caches
                library_source(user, parse_query(q), 20)
            for q in qs:
                t0 = time.perf_counter()
                hits += len(library_source(user, parse_query(q), 20))
                times.append((time.perf_counter() - t0) * 1000)
        print(f"{db.engine.dialect.name}: {len(qs)} queries, {hits} hits; search p50 {pct(times, 50):.1f} ms, "
              f"p95 {pct(times, 95):.1f} ms, max {max(times):.1f} ms")
        render = []
        with app.test_request_context("/library/bench-1"):
            login_user(user)
            for _ in range(12):
                t0 = time.perf_counter()
                html = routes.reader("bench-1")
                render.append((time.perf_counter() - t0) * 1000)
                db.session.expire_all()
        print(f"{db.engine.dialect.name}: reader of the largest document (200 articles, {len(html) // 1024} KB): "
              f"median {statistics.median(render[2:]):.1f} ms, max {max(render[2:]):.1f} ms")


if __name__ == "__main__":
    main()
