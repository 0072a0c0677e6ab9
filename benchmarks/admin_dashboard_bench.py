"""Times the committee dashboard on a province-sized dataset (target: under 200 ms server time).

3,000 cells of 12 members, 36,000 meetings over one year with attendance and read receipts,
required study with marks. The dataset is built once per database and reused.

    python benchmarks/admin_dashboard_bench.py [--database-url postgresql+psycopg://…/bench_admin]
"""

import random
from datetime import datetime, timedelta

from admin_benchlib import arguments, make_app, timed
from sqlalchemy import func, insert, select, text

from handbook.auth.models import RoleAssignment, User
from handbook.auth.passwords import hash_password
from handbook.extensions import db
from handbook.library.models import Document, StudyAssignment, StudyMark
from handbook.meetings.models import Attendance, Meeting, ReadReceipt
from handbook.orgs.models import Organization, create_org
from handbook.timefmt import from_vn

BASES, CELLS_PER_BASE, MEMBERS, YEAR = 100, 30, 12, 2026
CHUNK = 20_000


def _insert(model, rows):
    for start in range(0, len(rows), CHUNK):
        db.session.execute(insert(model), rows[start:start + CHUNK])


def build_dataset() -> None:
    if db.session.scalar(select(func.count()).select_from(Meeting)) >= 36_000:
        return
    for table in reversed(db.metadata.sorted_tables):
        db.session.execute(text(f'DELETE FROM "{table.name}"'))
    rnd = random.Random(36)
    bloc = create_org("Đảng bộ tỉnh (bench)", "bloc")
    cells = []
    for b in range(BASES):
        base = create_org(f"Đảng bộ cơ sở {b + 1:03d}", "base", bloc)
        cells += [create_org(f"Chi bộ {b + 1:03d}.{c + 1:02d}", "cell", base) for c in range(CELLS_PER_BASE)]
    admin = User(username="bench-admin", full_name="Quản Trị", password_hash=hash_password("bench-pass-1"),
                 must_change_password=False, cell=cells[0])
    db.session.add(admin)
    db.session.add(RoleAssignment(user=admin, org=bloc, role="admin"))
    db.session.flush()
    _insert(User, [{"username": f"m{cell.id}-{i}", "full_name": f"Đảng viên {cell.id} {i}", "cell_id": cell.id,
                    "password_hash": "x", "must_change_password": False, "active": True, "font_step": 0,
                    "holds_leadership_post": i == 0} for cell in cells for i in range(MEMBERS)])
    members: dict[int, list[int]] = {}
    for uid, cid in db.session.execute(select(User.id, User.cell_id).where(User.username != "bench-admin")):
        members.setdefault(cid, []).append(uid)
    meetings = []
    for cell in cells:
        for month in range(1, 13):
            starts = from_vn(datetime(YEAR, month, rnd.randint(1, 25), 14))
            kind = "thematic" if rnd.random() < 0.05 else "regular"  # some months lack a regular meeting
            meetings.append({"cell_id": cell.id, "kind": kind, "title": f"Sinh hoạt tháng {month}",
                             "starts_at": starts, "status": "held" if month < 12 else "published",
                             "duration_minutes": rnd.choice([90, 120, 150]), "version": 1,
                             "published_at": starts - timedelta(days=rnd.choice([0.5, 2, 5])), "location": ""})
    _insert(Meeting, meetings)
    attendance, reads = [], []
    for mid, cid in db.session.execute(select(Meeting.id, Meeting.cell_id)):
        for uid in members[cid]:
            attendance.append({"meeting_id": mid, "user_id": uid, "reason": "", "checked_in_by_self": False,
                               "status": "present" if rnd.random() < 0.85 else "excused"})
            if rnd.random() < 0.7:
                reads.append({"meeting_id": mid, "user_id": uid})
    _insert(Attendance, attendance)
    _insert(ReadReceipt, reads)
    for n in range(5):
        doc = Document(number=f"{n + 1}-HD/TU", doc_type="Hướng dẫn", title=f"Văn bản {n + 1}", slug=f"vb-{n + 1}")
        db.session.add(doc)
        db.session.flush()
        db.session.add(StudyAssignment(document_id=doc.id, org_id=bloc.id, created_at=from_vn(datetime(YEAR, 1, 5))))
        _insert(StudyMark, [{"user_id": uid, "document_id": doc.id, "studied_at": from_vn(datetime(YEAR, 2, 1))}
                            for uids in members.values() for uid in uids if rnd.random() < 0.6])
    db.session.commit()
    if db.engine.dialect.name == "postgresql":
        db.session.execute(text("ANALYZE"))
        db.session.commit()
    else:
        db.session.execute(text("ANALYZE"))


def main():
    args = arguments(__doc__)
    app = make_app(args.database_url)
    with app.app_context():
        build_dataset()
        counts = {m.__tablename__: db.session.scalar(select(func.count()).select_from(m))
                  for m in (Organization, User, Meeting, Attendance, ReadReceipt, StudyMark)}
        print(f"database: {db.engine.dialect.name}; rows: {counts}")
        client = app.test_client()
        client.post("/login", data={"username": "bench-admin", "password": "bench-pass-1"})
        pages = {
            "dashboard (month, first page)": ("/admin/dashboard?year=2026&month=6", {}),
            "dashboard, cells that missed": ("/admin/dashboard?year=2026&month=6&missed=1", {}),
            "dashboard, page 40 (htmx)": ("/admin/dashboard?year=2026&month=6&page=40", {"HX-Request": "true"}),
            "dashboard, December": ("/admin/dashboard?year=2026&month=12", {}),
            "CSV export, 3,000 cells": ("/admin/dashboard.csv?year=2026&month=6", {}),
        }
        for label, (url, headers) in pages.items():
            client.get(url, headers=headers)  # warm caches
            median, best, response = timed(lambda u=url, h=headers: client.get(u, headers=h), args.repeat)
            assert response.status_code == 200, (url, response.status_code)
            print(f"{label:34s} median {median:7.1f} ms   best {best:7.1f} ms")


if __name__ == "__main__":
    main()
