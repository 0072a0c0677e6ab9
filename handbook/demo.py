"""Demo data for `flask seed-demo`: a provincial committee, a base organisation with two cells,
five accounts.

The tree is made as it stood before 1 July 2025 (a bloc committee, a district); the
administration's demo (handbook/admin/demo.py) then reorganises it as the province did that
day, through the same merges an admin makes, so the demo shows records under their old names.
Idempotent: running it again finds what exists and adds only what is missing.
Each feature may add its own demo data in `handbook/<feature>/demo.py::seed(ctx)`, and history
seeded after every feature's in `seed_last(ctx)` (so the rows the others add keep their ids).
"""

from datetime import date
from importlib import import_module
from importlib.util import find_spec

from sqlalchemy import select

from handbook.auth.models import RoleAssignment, User
from handbook.auth.passwords import hash_password
from handbook.extensions import db
from handbook.orgs.models import Organization, create_org

DEMO_PASSWORD = "sotay-demo"  # noqa: S105 - documented demo password, refused in production

# The top committee `capuy` administers, the base organisation and its two cells.
BLOC = "Đảng bộ tỉnh (demo)"
BASE = "Đảng bộ Sở Khoa học và Công nghệ (demo)"
CELL1 = "Chi bộ Phòng Công nghệ thông tin"
CELL2 = "Chi bộ Văn phòng Sở"
# Before 1 July 2025: the bloc committee both departments' organisations sat under, and the
# organisation of the department merged into BASE, which held cell 1.
OLD_BLOC = "Đảng bộ Khối Cơ quan và Doanh nghiệp tỉnh (demo)"
OLD_BASE = "Đảng bộ Sở Thông tin và Truyền thông (demo)"
OLD_CELL = "Chi bộ Văn phòng Sở Thông tin và Truyền thông"  # dangvien3's cell until its merge into CELL2

# username, full name, cell (1 or 2, None for the committee), role, card, phone, leadership
ACCOUNTS = [
    ("capuy", "Trần Văn Cấp", None, "admin", "93000001", "0912000001", True),
    ("bithu", "Nguyễn Thị Bích", 1, "secretary", "93000002", "0912000002", True),
    ("dangvien", "Lê Văn Đức", 1, None, "93000003", "0912000003", False),
    ("dangvien2", "Phạm Thị Hương", 1, None, "93000004", "0912000004", False),
    ("dangvien3", "Hoàng Minh Đạt", 2, None, "93000005", "0912000005", False),
]


def _org(name: str, kind: str, parent: Organization | None) -> Organization:
    existing = db.session.scalar(select(Organization).where(Organization.name == name))
    return existing or create_org(name, kind, parent)


def seed_demo() -> dict:
    bloc = _org(BLOC, "bloc", None)
    old_bloc = _org(OLD_BLOC, "bloc", bloc)
    base = _org(BASE, "base", old_bloc)
    old_base = _org(OLD_BASE, "base", old_bloc)
    cells = {1: _org(CELL1, "cell", old_base), 2: _org(CELL2, "cell", base)}
    old_cell = _org(OLD_CELL, "cell", old_base)
    password_hash = hash_password(DEMO_PASSWORD)
    users = {}
    for username, name, cell_no, role, card, phone, leader in ACCOUNTS:
        user = db.session.scalar(select(User).where(User.username == username))
        if user is None:
            user = User(
                username=username,
                full_name=name,
                card_number=card,
                phone=phone,
                cell=cells.get(cell_no),
                password_hash=password_hash,
                must_change_password=False,
                holds_leadership_post=leader,
                date_of_birth=date(1970 + len(users) * 6, 3, 12),
                admitted_on=date(2000 + len(users) * 3, 5, 19),
                official_on=date(2001 + len(users) * 3, 5, 19),
                sex="Nữ" if username in ("bithu", "dangvien2") else "Nam",
            )
            db.session.add(user)
            db.session.flush()
            if role:
                org = bloc if role == "admin" else cells[cell_no]
                db.session.add(RoleAssignment(user=user, org=org, role=role))
        users[username] = user
    db.session.flush()
    ctx = {"bloc": bloc, "base": base, "cell1": cells[1], "cell2": cells[2], "users": users,
           "old_bloc": old_bloc, "old_base": old_base, "old_cell": old_cell}
    from handbook import FEATURES

    for feature in FEATURES:
        module = f"handbook.{feature}.demo"
        if find_spec(module):
            import_module(module).seed(ctx)
    # History added after every feature's demo, so the rows seeded above keep their ids.
    for feature in FEATURES:
        module = f"handbook.{feature}.demo"
        if find_spec(module) and hasattr(import_module(module), "seed_last"):
            import_module(module).seed_last(ctx)
    db.session.commit()
    return ctx
