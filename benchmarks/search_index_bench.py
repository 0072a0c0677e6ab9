"""The one search index at province size, timed in-process: the admin's member search, the
agenda's article picker at every keystroke, and meeting search over every meeting.

    DATABASE_URL=sqlite:///province.sqlite3 .venv/bin/python benchmarks/search_index_bench.py
    DATABASE_URL=postgresql+psycopg://postgres@127.0.0.1:5432/bench_idx \\
      .venv/bin/python benchmarks/search_index_bench.py

Runs on a database built by province_generate.py (440,000 members in one bloc, 111,000
meetings, ~100,000 sections with --documents 2072). It adds three accounts of its own if
missing: an admin of the bloc, the secretary of the first cell (the first load member)
and a draft meeting there to link articles to. Member search and the picker are timed as
the browser asks for them (the htmx GET, through the Flask test client: login session,
query, template); meeting search as the search page calls the meetings source. Queries
are drawn with a fixed seed: see `member_queries`, `picker_keystrokes`, `meeting_queries`.
"""

import argparse
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from library_generate import SYLLABLES  # noqa: E402
from province_generate import ITEM_TITLES  # noqa: E402

HTMX = {"HX-Request": "true"}
BENCH_PASSWORD = "bench-search-12345"


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def report(label: str, times: list[float]) -> str:
    return (f"{label:<34} n={len(times):<4} p50 {pct(times, 50):6.1f} ms  p95 {pct(times, 95):6.1f} ms  "
            f"max {max(times):6.1f} ms")


def member_queries(rng, members) -> list[tuple[str, str]]:
    """What an admin types to find someone, for members drawn at random: the name as written,
    without accents, surname and given name, given name alone, card number, phone, and the
    unaccented name cut short (the search box asks as the admin types)."""
    from handbook.vietnamese import fold

    out = []
    for name, card, phone in members:
        words = name.split()
        plain = fold(name)
        out += [("full name, accented", name), ("full name, unaccented", plain),
                ("surname + given name", fold(f"{words[0]} {words[-1]}")), ("given name", fold(words[-1])),
                ("card number", card), ("phone", phone),
                ("typing (cut short)", plain[:rng.randint(3, len(plain))].rstrip())]
    return out


def picker_keystrokes(rng, documents) -> list[tuple[str, str]]:
    """Every state of the box while a secretary types: an article by document number
    ("dieu 3 12-QĐ/TU"), or words of a heading (with or without accents)."""
    from handbook.vietnamese import fold

    typed = []
    for number in documents:
        typed.append(("article + number", f"dieu {rng.randint(1, 16)} {number}"))
        words = " ".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3)))
        typed.append(("heading words", words if rng.random() < 0.5 else fold(words)))
    return [(kind, text[:end]) for kind, text in typed for end in range(2, len(text) + 1) if text[end - 1] != " "]


def meeting_queries(rng, n: int) -> list[str]:
    from handbook.vietnamese import fold

    out = []
    for i in range(n):
        kind = i % 5
        if kind == 0:
            out.append(fold(rng.choice(ITEM_TITLES)))  # words every agenda has
        elif kind == 1:
            out.append(f"thang {rng.randint(1, 12):02d}/{rng.choice((2024, 2025, 2026))}")
        elif kind == 2:
            out.append(" ".join(rng.choice(SYLLABLES) for _ in range(rng.randint(1, 3))))
        elif kind == 3:
            out.append('"' + " ".join(rng.choice(SYLLABLES) for _ in range(2)) + '"')
        else:
            out.append(fold(" ".join(rng.choice(SYLLABLES) for _ in range(2)))[:-1])  # unfinished
    return out


def accounts():
    """(admin, secretary's cell draft meeting and item) — made once, reused."""
    from load.sessions import username
    from sqlalchemy import select

    from handbook.auth.models import RoleAssignment, User
    from handbook.auth.passwords import hash_password
    from handbook.extensions import db
    from handbook.meetings.models import AgendaItem, Meeting
    from handbook.models_base import utcnow
    from handbook.orgs.models import Organization

    bloc = db.session.scalar(select(Organization).where(Organization.parent_id.is_(None), Organization.kind == "bloc")
                             .order_by(Organization.id.desc()))
    admin = db.session.scalar(select(User).where(User.username == "bench_admin"))
    if admin is None:
        admin = User(username="bench_admin", full_name="Quản trị Thử", must_change_password=False,
                     password_hash=hash_password(BENCH_PASSWORD))
        db.session.add(admin)
        db.session.add(RoleAssignment(user=admin, org=bloc, role="admin"))
    secretary = db.session.scalar(select(User).where(User.username == username(0)))
    # The first load member keeps the load tests' password (profile_mix.py and the load runs
    # log in with it after this bench): the bench logs in with it too.
    if not any(r.role == "secretary" for r in secretary.roles):
        db.session.add(RoleAssignment(user=secretary, org=secretary.cell, role="secretary"))
    meeting = db.session.scalar(select(Meeting).where(Meeting.cell_id == secretary.cell_id,
                                                      Meeting.title == "Họp thử liên kết điều khoản"))
    if meeting is None:
        meeting = Meeting(cell_id=secretary.cell_id, title="Họp thử liên kết điều khoản", status="draft",
                          starts_at=utcnow().replace(year=utcnow().year + 1))
        meeting.items.append(AgendaItem(position=1, title="Quán triệt văn bản"))
        db.session.add(meeting)
    db.session.commit()
    return admin, secretary, meeting


def timed(client, url, params, headers=HTMX) -> float:
    started = time.perf_counter()
    response = client.get(url, query_string=params, headers=headers)
    elapsed = (time.perf_counter() - started) * 1000
    assert response.status_code == 200, (url, params, response.status_code)
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=60, help="members whose names are searched (7 queries each)")
    parser.add_argument("--documents", type=int, default=25, help="picker phrases typed (2 per document)")
    parser.add_argument("--meeting-queries", type=int, default=150)
    parser.add_argument("--only", choices=("members", "picker", "meetings"), default=None)
    args = parser.parse_args()

    from sqlalchemy import func, select

    from handbook import create_app
    from handbook.auth.models import User
    from handbook.extensions import db
    from handbook.library.models import Document, Section
    from handbook.meetings.models import Meeting
    from handbook.meetings.search import search_meetings
    from handbook.vietnamese import parse_query

    app = create_app({"SQLALCHEMY_DATABASE_URI": os.environ["DATABASE_URL"], "WTF_CSRF_ENABLED": False,
                      "RATELIMIT_ENABLED": False, "PASSWORD_HASH_METHOD": "scrypt:1024:8:1",
                      "SERVER_NAME": "localhost"})
    rng = random.Random(16)
    with app.app_context():
        admin, secretary, meeting = accounts()
        counts = {name: db.session.scalar(select(func.count()).select_from(model))
                  for name, model in (("members", User), ("meetings", Meeting), ("sections", Section))}
        print(f"{db.engine.dialect.name}: {counts}")
        total = counts["members"]
        sample = [db.session.execute(select(User.full_name, User.card_number, User.phone)
                                     .where(User.id == rng.randint(1, total), User.card_number.is_not(None))).first()
                  for _ in range(args.members * 2)]
        sample = [row for row in sample if row][:args.members]
        numbers = list(db.session.scalars(select(Document.number).order_by(Document.id).limit(3000)))
        item_id, meeting_id = meeting.items[0].id, meeting.id
        admin_name, secretary_name = admin.username, secretary.username

    def login(name):
        from load.sessions import PASSWORD

        client = app.test_client()
        password = BENCH_PASSWORD if name == admin_name else PASSWORD
        assert client.post("/login", data={"username": name, "password": password}).status_code == 302
        return client

    if args.only in (None, "members"):
        client = login(admin_name)
        queries = member_queries(rng, sample)
        for _kind, q in queries[:15]:
            timed(client, "/admin/members", {"q": q})
        by_kind: dict[str, list[float]] = {}
        for kind, q in queries:
            by_kind.setdefault(kind, []).append(timed(client, "/admin/members", {"q": q}))
        print(report("member search, all", [t for ts in by_kind.values() for t in ts]))
        for kind, times in by_kind.items():
            print(report(f"  {kind}", times))

    if args.only in (None, "picker"):
        client = login(secretary_name)
        url = f"/meetings/{meeting_id}/items/{item_id}/sections"
        keystrokes = picker_keystrokes(rng, rng.sample(numbers, args.documents))
        for _kind, q in keystrokes[:15]:
            timed(client, url, {"q": q})
        by_kind = {}
        for kind, q in keystrokes:
            by_kind.setdefault(kind, []).append(timed(client, url, {"q": q}))
        print(report("article picker, every keystroke", [t for ts in by_kind.values() for t in ts]))
        for kind, times in by_kind.items():
            print(report(f"  {kind}", times))

    if args.only in (None, "meetings"):
        from flask_login import login_user

        queries = meeting_queries(rng, args.meeting_queries)
        with app.app_context():
            members = [db.session.get(User, rng.randint(1, total)) for _ in range(len(queries))]
            for label, users in (("province admin (111,000 meetings)", [db.session.get(User, admin.id)] * len(queries)),
                                 ("members (their cell's meetings)", members)):
                times, hits = [], 0
                with app.test_request_context("/search"):
                    for user, q in list(zip(users, queries, strict=True))[:15]:
                        login_user(user)
                        search_meetings(user, parse_query(q), 20)
                    for user, q in zip(users, queries, strict=True):
                        login_user(user)
                        started = time.perf_counter()
                        hits += len(search_meetings(user, parse_query(q), 20))
                        times.append((time.perf_counter() - started) * 1000)
                print(report(f"meeting search, {label}", times) + f"  hits {hits}")


if __name__ == "__main__":
    main()
