"""Build a province for the load test and the search benchmarks: one bloc, ~75 base
organisations, 3,000 cells, 440,000 members (Vietnamese names with a real province's
spread, card numbers and phones), 3 years of monthly meetings per cell with agendas (some
items linked to library articles), each cell's next meeting published, 1,000,000 notes,
the 2,000-document library, and the search index over all of it.

    DATABASE_URL=sqlite:///province.sqlite3 python benchmarks/province_generate.py
    DATABASE_URL=postgresql+psycopg://postgres@127.0.0.1:5432/province python benchmarks/province_generate.py

Options: --members, --cells, --bases, --months, --notes, --documents (see --help).
Members are named like the load test's (`load000000`, ...), member n in cell n % cells, so
`benchmarks/load/sessions.py login` can log in members of the first cells; they share one
password hash, computed once at a low scrypt cost. Rows go in with Core executemany
batches, not the ORM one by one; the schema comes from the real migrations.
"""

import argparse
import os
import random
import sys
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import library_generate  # noqa: E402  (its library builder and word list are reused as they are)
import vn_names  # noqa: E402

BATCH = 10_000
ITEM_TITLES = ["Thông qua chương trình", "Đánh giá tình hình tháng", "Quán triệt văn bản cấp trên",
               "Phương hướng tháng tới", "Sinh hoạt chuyên đề"]


def _timer():
    started = time.perf_counter()
    return lambda: f"{time.perf_counter() - started:.1f} s"


def _insert(table, rows: list[dict]) -> None:
    from sqlalchemy import insert

    from handbook.extensions import db

    for start in range(0, len(rows), BATCH):
        db.session.execute(insert(table), rows[start:start + BATCH])


def _next_id(model) -> int:
    from sqlalchemy import func, select

    from handbook.extensions import db

    return (db.session.scalar(select(func.max(model.id))) or 0) + 1


def build(args) -> None:
    from load.sessions import PASSWORD, username
    from sqlalchemy import select, text

    from handbook import create_app
    from handbook.auth.identifiers import identifier_rows
    from handbook.auth.models import LoginIdentifier, User
    from handbook.auth.passwords import hash_password
    from handbook.extensions import db
    from handbook.library.models import Document, Section
    from handbook.meetings.models import AgendaItem, AgendaLink, Meeting
    from handbook.models_base import utcnow
    from handbook.notes.models import Note
    from handbook.orgs.models import create_org
    from handbook.search.index import optimize, rebuild

    total = _timer()
    step = _timer()
    library_generate.build(args.documents, 50)  # migrates first; skips if documents exist
    print(f"library: {step()}", flush=True)

    rng = random.Random(11)
    app = create_app({"SQLALCHEMY_DATABASE_URI": os.environ["DATABASE_URL"], "PASSWORD_HASH_METHOD": "scrypt:1024:8:1"})
    with app.app_context():
        if db.session.scalar(select(User.id).where(User.username == username(0))):
            print("database already has the province's members; use an empty one")
            return
        step = _timer()
        bloc = create_org("Đảng bộ Khối Cơ quan và Doanh nghiệp tỉnh (tải)", "bloc")
        bases = [create_org(f"Đảng bộ cơ sở số {b + 1}", "base", bloc) for b in range(args.bases)]
        cells = [create_org(f"Chi bộ số {c + 1}", "cell", bases[c % args.bases]) for c in range(args.cells)]
        db.session.commit()
        cell_ids = [c.id for c in cells]
        print(f"{1 + len(bases)} committees, {len(cells)} cells: {step()}", flush=True)

        step = _timer()
        password_hash = hash_password(PASSWORD)
        first_user = _next_id(User)
        members = [
            {"id": first_user + n, "username": username(n), "full_name": vn_names.full_name(rng),
             "card_number": f"8{n:07d}", "phone": f"09{n:08d}", "cell_id": cell_ids[n % args.cells],
             "password_hash": password_hash, "must_change_password": False}
            for n in range(args.members)]
        _insert(User.__table__, members)
        # Bulk rows skip the ORM hook that records login names: without these, none could log in.
        _insert(LoginIdentifier.__table__, identifier_rows(members))
        db.session.commit()
        print(f"{args.members} members: {step()}", flush=True)

        step = _timer()
        articles = db.session.execute(
            select(Section.id, Document.slug).join(Document).where(Section.level == "dieu").order_by(Section.id)
        ).all()
        now = utcnow().replace(minute=0, second=0, microsecond=0)
        meeting_id, item_id, link_id = _next_id(Meeting), _next_id(AgendaItem), _next_id(AgendaLink)
        meetings, items, links, counts = [], [], [], [0, 0, 0]
        cell_meetings: dict[int, list[tuple[int, str]]] = {}
        for c, cell_id in enumerate(cell_ids):
            # months-1 past meetings, then the next one in the coming week.
            for m in range(args.months):
                upcoming = m == args.months - 1
                back = timedelta(days=30 * (args.months - 1 - m))
                starts = now + timedelta(days=1 + c % 7) if upcoming else now - back
                title = f"Sinh hoạt chi bộ định kỳ tháng {starts:%m/%Y}"
                meetings.append({"id": meeting_id, "cell_id": cell_id, "kind": "regular", "title": title,
                                 "starts_at": starts, "location": "Hội trường",
                                 "status": "published" if upcoming else "closed",
                                 "published_at": starts - timedelta(days=7), "created_at": starts - timedelta(days=10),
                                 "updated_at": starts - timedelta(days=7)})
                cell_meetings.setdefault(cell_id, []).append((meeting_id, f"{title} ({starts:%d/%m/%Y})"))
                for position, item_title in enumerate(ITEM_TITLES):
                    items.append({"id": item_id, "meeting_id": meeting_id, "position": position, "title": item_title,
                                  "description": library_generate.sentence(rng, 20), "presenter": "Bí thư chi bộ",
                                  "planned_minutes": 15})
                    # The study item of the next meeting, and of one past meeting in four, links an article.
                    if position == 2 and articles and (upcoming or m % 4 == 0):
                        # Spread over the library: neighbouring cells study different documents.
                        section_id = articles[(c * 7 + m * 131) % len(articles)][0]
                        links.append({"id": link_id, "item_id": item_id, "section_id": section_id})
                        link_id += 1
                    item_id += 1
                meeting_id += 1
            if len(items) >= 50_000 or c == len(cell_ids) - 1:
                _insert(Meeting.__table__, meetings)
                _insert(AgendaItem.__table__, items)
                _insert(AgendaLink.__table__, links)
                db.session.commit()
                counts = [a + len(b) for a, b in zip(counts, (meetings, items, links), strict=True)]
                meetings, items, links = [], [], []
        print(f"{counts[0]} meetings, {counts[1]} agenda items, {counts[2]} article links: {step()}", flush=True)

        step = _timer()
        note_id = _next_id(Note)
        per_member, extra = divmod(args.notes, max(1, args.members))
        written, rows = 0, []
        for n in range(args.members):
            if written >= args.notes:
                break
            owner = first_user + n
            mine = cell_meetings[cell_ids[n % args.cells]]
            for k in range(min(per_member + (n < extra), len(mine), args.notes - written)):
                # Notes on past meetings (the next meeting's note is what the load test writes).
                meeting, context = mine[(n + k * 3) % (len(mine) - 1)] if len(mine) > 1 else mine[0]
                body = library_generate.sentence(rng, rng.randint(15, 60))
                rows.append({"id": note_id, "owner_id": owner, "meeting_id": meeting, "context_title": context,
                             "body": body, "version": 1,
                             "created_at": now, "updated_at": now - timedelta(hours=k)})
                note_id += 1
                written += 1
            if len(rows) >= 50_000:
                _insert(Note.__table__, rows)
                db.session.commit()
                rows = []
        _insert(Note.__table__, rows)
        db.session.commit()
        print(f"{written} notes: {step()}", flush=True)

        # Core inserts pass the session's events by: the search index is built for them here
        # (the library's sections were indexed by library_generate).
        if db.engine.dialect.name == "sqlite":
            # SQLite's default page cache (2 MB) is far smaller than the full-text index being
            # merged: every merge read its segments back through the file, terabytes in all,
            # and the build ran for hours. A large cache for this bulk build only; the
            # segments are merged once at the end (optimize, below).
            db.session.execute(text("PRAGMA cache_size=-1000000"))
        for name in ("member", "meeting", "note"):
            step = _timer()
            entries = rebuild(name)
            db.session.commit()
            print(f"search index, {name}: {entries} entries: {step()}", flush=True)

        step = _timer()
        if db.engine.dialect.name == "postgresql":
            for table in ("user", "organization", "meeting", "agenda_item", "agenda_link", "note"):
                db.session.execute(text(
                    f"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'), (SELECT max(id) FROM \"{table}\"))"))
            db.session.commit()
            with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                conn.execute(text("VACUUM ANALYZE"))
        else:
            optimize()
            db.session.execute(text("ANALYZE"))
            db.session.commit()
        print(f"analyze: {step()}")
        print(f"done in {total()}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=440_000)
    parser.add_argument("--cells", type=int, default=3_000)
    parser.add_argument("--bases", type=int, default=75)
    parser.add_argument("--months", type=int, default=37, help="meetings per cell: months-1 past + the next one")
    parser.add_argument("--notes", type=int, default=1_000_000)
    parser.add_argument("--documents", type=int, default=2_000)
    build(parser.parse_args())
