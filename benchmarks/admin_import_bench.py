"""Times the member CSV import: a 5,000-row file previewed, then imported (target: under 10 s).

    python benchmarks/admin_import_bench.py [--database-url postgresql+psycopg://…/bench_admin]
"""

import io
import random
import re
import time

from admin_benchlib import arguments, make_app
from sqlalchemy import func, select, text
from werkzeug.datastructures import FileStorage
from werkzeug.test import encode_multipart

from handbook.auth.models import RoleAssignment, User
from handbook.auth.passwords import hash_password
from handbook.extensions import db
from handbook.orgs.models import create_org

ROWS = 5000
SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ"]
MIDDLE = ["Văn", "Thị", "Minh", "Hữu", "Thanh", "Ngọc", "Đức", "Thu"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Hà", "Hạnh", "Hương", "Lan", "Long", "Mai", "Nam", "Phúc", "Quang", "Tâm"]


def build_world(app):
    with app.app_context():
        for table in reversed(db.metadata.sorted_tables):
            db.session.execute(text(f'DELETE FROM "{table.name}"'))
        bloc = create_org("Đảng bộ Khối (bench)", "bloc")
        cells = []
        for b in range(74):
            base = create_org(f"Đảng bộ cơ sở {b + 1}", "base", bloc)
            cells += [create_org(f"Chi bộ {b + 1}.{c + 1}", "cell", base) for c in range(3)]
        admin = User(username="bench-admin", full_name="Quản Trị", password_hash=hash_password("bench-pass-1"),
                     must_change_password=False, cell=cells[0])
        db.session.add(admin)
        db.session.add(RoleAssignment(user=admin, org=bloc, role="admin"))
        db.session.commit()
        return [c.name for c in cells]


def csv_file(cell_names: list[str]) -> bytes:
    rnd = random.Random(6)
    lines = ["Họ và tên;Số thẻ đảng viên;Điện thoại;Ngày sinh;Giới tính;Ngày vào Đảng;Ngày chính thức;"
             "Chức vụ lãnh đạo;Chi bộ"]
    for i in range(ROWS):
        name = f"{rnd.choice(SURNAMES)} {rnd.choice(MIDDLE)} {rnd.choice(GIVEN)}"
        # Dates of birth differ row to row, so no two rows look like the same person.
        born, day, month = 1950 + i % 48, 1 + (i // 48) % 28, 1 + (i // 1344) % 12
        lines.append(f"{name};{94000000 + i};09{13000000 + i:08d};{day:02d}/{month:02d}/{born};"
                     f"{rnd.choice(['Nam', 'Nữ'])};15/05/{born + 25};15/05/{born + 26};"
                     f"{'Trưởng phòng' if i % 10 == 0 else ''};{cell_names[i % len(cell_names)]}")
    return "\ufeff".join(["", "\r\n".join(lines)]).encode("utf-8")


def main():
    args = arguments(__doc__)
    app = make_app(args.database_url)
    cells = build_world(app)
    data = csv_file(cells)
    client = app.test_client()
    with app.app_context():
        client.post("/login", data={"username": "bench-admin", "password": "bench-pass-1"})
        boundary, body = encode_multipart({"file": FileStorage(io.BytesIO(data), filename="ds.csv")})
        start = time.perf_counter()
        preview = client.post("/admin/import", data=body, content_type=f"multipart/form-data; boundary={boundary}")
        preview_s = time.perf_counter() - start
        html = preview.get_data(as_text=True)
        token = re.search(r'name="token" value="([^"]+)"', html)
        problems = re.findall(r"<p class=\"error\">([^<]+)</p>", html)[:5]
        assert preview.status_code == 200 and token, f"the generated file should have no problems: {problems}"
        start = time.perf_counter()
        done = client.post("/admin/import/confirm", data={"token": token.group(1)})
        import_s = time.perf_counter() - start
        assert done.status_code == 200
        users = db.session.scalar(select(func.count()).select_from(User))
    engine = app.config['SQLALCHEMY_DATABASE_URI'].split(':')[0]
    print(f"database: {engine}; file: {ROWS} rows, {len(data) // 1024} KiB")
    print(f"preview: {preview_s:.2f} s; import: {import_s:.2f} s; total: {preview_s + import_s:.2f} s; "
          f"accounts now: {users}")


if __name__ == "__main__":
    main()
