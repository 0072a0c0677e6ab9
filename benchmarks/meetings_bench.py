"""Server time of the meeting page and the /meetings list for a cell with 3 years of monthly
meetings and 40 members (target: 50 ms each on SQLite).

Run from the project root:  .venv/bin/python benchmarks/meetings_bench.py [--database-url URL]
Without a URL it builds a fresh SQLite file in a temporary directory.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import timedelta

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from bench_cell import PASSWORD, cell_with_members  # noqa: E402

from handbook import create_app  # noqa: E402
from handbook.extensions import db  # noqa: E402
from handbook.meetings.agenda.service import create_meeting  # noqa: E402
from handbook.meetings.models import Attendance, ReadReceipt, Rsvp  # noqa: E402
from handbook.models_base import utcnow  # noqa: E402

MEMBERS = 40
MONTHS = 36
RUNS = 50


def build(app) -> tuple[int, int]:
    with app.app_context():
        cell, users = cell_with_members(MEMBERS)
        now = utcnow()
        upcoming = None
        for month in range(MONTHS + 1):
            starts = now - timedelta(days=30 * (MONTHS - month)) + timedelta(days=5)
            meeting = create_meeting(cell, kind="regular", title=f"Sinh hoạt định kỳ số {month}", starts_at=starts,
                                     duration_minutes=120, location="Hội trường", template="regular")
            meeting.status = "closed" if starts < now else "published"
            for i, user in enumerate(users):
                db.session.add(Rsvp(meeting_id=meeting.id, user_id=user.id, attending=i % 7 != 0,
                                    reason="" if i % 7 else "Đi công tác"))
                db.session.add(ReadReceipt(meeting_id=meeting.id, user_id=user.id))
                if starts < now:
                    db.session.add(Attendance(meeting_id=meeting.id, user_id=user.id, status="present"))
            upcoming = meeting.id
        db.session.commit()
        return users[5].id, upcoming


def measure(client, url: str) -> list[float]:
    client.get(url)  # warm caches and templates
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--database-url")
    args = parser.parse_args()
    tmp = tempfile.mkdtemp()
    url = args.database_url or "sqlite:///" + os.path.join(tmp, "bench.sqlite3")
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "WTF_CSRF_ENABLED": False, "RATELIMIT_ENABLED": False,
                      "PASSWORD_HASH_METHOD": "scrypt:1024:8:1", "UPLOAD_FOLDER": tmp})
    member_id, meeting_id = build(app)
    with app.app_context():
        client = app.test_client()
        response = client.post("/login", data={"username": "m5", "password": PASSWORD})
        assert response.status_code == 302, response.status_code
        print(f"{MONTHS + 1} meetings, {MEMBERS} members, {RUNS} requests each (ms)")
        for label, path in (("meeting page", f"/meetings/{meeting_id}"), ("meetings list", "/meetings")):
            times = measure(client, path)
            p95 = sorted(times)[int(len(times) * 0.95) - 1]
            print(f"{label:14} median {statistics.median(times):6.1f}   p95 {p95:6.1f}   max {max(times):6.1f}")


if __name__ == "__main__":
    main()
