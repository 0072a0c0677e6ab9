"""The cost of the meeting's live line (handbook/meetings/votes/live.py): what one poll of the
member's banner and of the secretary's count of phone ballots costs the server (time) and the
phone (bytes of the answer: status line, headers, body), answered 304 (nothing changed) and 200.

A cell of 40 members, all present, at a meeting begun ten minutes ago, with a vote open.

Run from the project root:  .venv/bin/python benchmarks/live_bench.py [--database-url URL]
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
from handbook.meetings.models import Attendance  # noqa: E402
from handbook.meetings.votes import service as votes  # noqa: E402
from handbook.meetings.votes.live import LIVE_SECONDS  # noqa: E402
from handbook.models_base import utcnow  # noqa: E402

MEMBERS = 40
RUNS = 200


def build(app) -> tuple[int, int]:
    with app.app_context():
        cell, users = cell_with_members(MEMBERS)
        meeting = create_meeting(cell, kind="regular", title="Sinh hoạt định kỳ",
                                 starts_at=utcnow() - timedelta(minutes=10),
                                 duration_minutes=120, location="Hội trường", template="regular")
        meeting.status = "held"
        for user in users:
            db.session.add(Attendance(meeting_id=meeting.id, user_id=user.id, status="present"))
        db.session.flush()
        vote = votes.open_vote(meeting, question="Thông qua nghị quyết tháng")
        for user in users[1:30]:
            votes.cast(vote, user, 0)
        db.session.commit()
        return meeting.id, vote.id


def wire_bytes(response) -> int:
    """What the answer puts on the wire before compression and TLS: status line, headers, body."""
    head = f"HTTP/1.1 {response.status}\r\n" + "".join(f"{k}: {v}\r\n" for k, v in response.headers.items()) + "\r\n"
    return len(head.encode()) + len(response.get_data())


def measure(client, url: str, etag: str | None, status: int) -> tuple[list[float], int]:
    headers = {"HX-Request": "true", **({"If-None-Match": etag} if etag else {})}
    client.get(url, headers=headers)  # warm caches and templates
    times, size = [], 0
    for _ in range(RUNS):
        start = time.perf_counter()
        response = client.get(url, headers=headers)
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == status, (url, response.status_code)
        size = wire_bytes(response)
    return times, size


def report(label: str, times: list[float], size: int) -> None:
    p95 = sorted(times)[int(len(times) * 0.95) - 1]
    print(f"{label:22} median {statistics.median(times):5.1f} ms   p95 {p95:5.1f} ms   {size:5d} bytes")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--database-url")
    args = parser.parse_args()
    tmp = tempfile.mkdtemp()
    url = args.database_url or "sqlite:///" + os.path.join(tmp, "bench.sqlite3")
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "WTF_CSRF_ENABLED": False, "RATELIMIT_ENABLED": False,
                      "PASSWORD_HASH_METHOD": "scrypt:1024:8:1", "UPLOAD_FOLDER": tmp})
    meeting_id, vote_id = build(app)
    # No app context held around the requests: each gets its own, as on the server, so each
    # poll loads its member from the session (a shared context would keep the first one in g).
    print(f"{MEMBERS} members present, a vote open, {RUNS} polls each; a poll every {LIVE_SECONDS} s is "
          f"{60 // LIVE_SECONDS} requests per member per minute")
    for username, label, path in (("m5", "banner", f"/meetings/{meeting_id}/live"),
                                  ("m0", "secretary's count", f"/meetings/{meeting_id}/votes/{vote_id}/tally")):
        client = app.test_client()
        response = client.post("/login", data={"username": username, "password": PASSWORD})
        assert response.status_code == 302, response.status_code
        etag = client.get(path, headers={"HX-Request": "true"}).headers["ETag"]
        report(f"{label} 304", *measure(client, path, etag, 304))
        report(f"{label} 200", *measure(client, path, '"changed"', 200))

if __name__ == "__main__":
    main()
