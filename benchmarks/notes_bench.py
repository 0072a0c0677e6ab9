"""Autosave latency with 100,000 notes in the database.

Builds a throwaway SQLite database (real migrations, demo data), inserts N notes spread
over many members and meetings, then times autosave POSTs of one member's note through
the WSGI app in-process (server time: routing, session, form, version check, save, render).

    python benchmarks/notes_bench.py [--notes 100000] [--saves 500] [--database-url URL]
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from flask_migrate import upgrade  # noqa: E402
from sqlalchemy import insert  # noqa: E402

from handbook import create_app  # noqa: E402
from handbook.auth.models import User  # noqa: E402
from handbook.demo import seed_demo  # noqa: E402
from handbook.extensions import db  # noqa: E402
from handbook.meetings.models import Meeting  # noqa: E402
from handbook.notes.models import Note  # noqa: E402
from handbook.search.index import rebuild  # noqa: E402

BODY = ("## 1. Thông tin thời sự\nĐồng chí Bí thư quán triệt Quy định 08-QĐi/TW về trách nhiệm nêu gương. "
        "Ý kiến: đảng viên cần gương mẫu trong công tác chuyên môn.\n") * 4


def build(notes: int) -> tuple[int, int]:
    """Members × meetings ≈ `notes` rows; returns (member id, meeting id) for the timed note."""
    ctx = seed_demo()
    cell = ctx["cell1"]
    meetings_n = 100
    members_n = max(1, notes // meetings_n)
    start = datetime(2020, 1, 1, 1, tzinfo=UTC)
    db.session.execute(insert(Meeting), [
        {"cell_id": cell.id, "title": f"Sinh hoạt chi bộ kỳ {i}", "status": "published",
         "starts_at": start + timedelta(days=30 * i), "duration_minutes": 90, "location": "", "kind": "regular",
         "version": 1, "created_at": start, "updated_at": start} for i in range(meetings_n)
    ])
    pw = ctx["users"]["dangvien"].password_hash
    db.session.execute(insert(User), [
        {"username": f"bench{i}", "full_name": f"Đảng viên {i}", "password_hash": pw, "cell_id": cell.id,
         "must_change_password": False} for i in range(members_n)
    ])
    db.session.commit()
    meeting_ids = [m.id for m in db.session.scalars(db.select(Meeting).order_by(Meeting.id))]
    user_ids = list(db.session.scalars(db.select(User.id).where(User.username.like("bench%"))))
    now = datetime.now(UTC)
    rows = []
    for uid in user_ids:
        for mid in meeting_ids:
            rows.append({"owner_id": uid, "meeting_id": mid, "context_title": "Sinh hoạt chi bộ", "body": BODY,
                         "version": 3, "created_at": now, "updated_at": now})
            if len(rows) == 10_000:
                db.session.execute(insert(Note), rows)
                rows = []
    if rows:
        db.session.execute(insert(Note), rows)
    # Core inserts pass the session's events by: the search index is built for them here.
    rebuild("note")
    rebuild("member")
    rebuild("meeting")
    db.session.commit()
    return ctx["users"]["dangvien"].id, meeting_ids[0]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--notes", type=int, default=100_000)
    parser.add_argument("--saves", type=int, default=500)
    parser.add_argument("--database-url", default="")
    args = parser.parse_args()
    tmp = tempfile.mkdtemp(prefix="notes-bench-")
    url = args.database_url or f"sqlite:///{tmp}/bench.sqlite3"
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "WTF_CSRF_ENABLED": False, "RATELIMIT_ENABLED": False,
                      "PASSWORD_HASH_METHOD": "scrypt:1024:8:1"})
    with app.app_context():
        upgrade()
        t0 = time.perf_counter()
        _, meeting_id = build(args.notes)
        total = db.session.scalar(db.select(db.func.count(Note.id)))
        print(f"built {total} notes in {time.perf_counter() - t0:.1f} s")
    client = app.test_client()
    client.post("/login", data={"username": "dangvien", "password": "sotay-demo"})
    url_note = f"/meetings/{meeting_id}/note"
    text, timings = "", []
    for i in range(args.saves):
        text += f"Dòng ghi chép số {i}: ý kiến phát biểu. "
        t = time.perf_counter()
        response = client.post(url_note, data={"body": text, "version": str(i)}, headers={"HX-Request": "true"})
        timings.append((time.perf_counter() - t) * 1000)
        assert response.status_code == 200, response.status_code
        assert "\"text-saved\"" in response.headers.get("HX-Trigger", "")  # the shared editor's answer
    timings.sort()
    p50 = statistics.median(timings)
    p95 = timings[int(len(timings) * 0.95) - 1]
    print(f"autosave: {len(timings)} saves, p50 {p50:.1f} ms, p95 {p95:.1f} ms, max {timings[-1]:.1f} ms")


if __name__ == "__main__":
    main()
