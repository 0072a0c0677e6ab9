"""Demo data for `flask seed-demo`: one bloc committee, two cells, five accounts.

Idempotent: running it again finds what exists and adds only what is missing.
Each feature may add its own demo data in `handbook/<feature>/demo.py::seed(ctx)`.
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

BLOC = "Đảng bộ Khối Cơ quan và Doanh nghiệp tỉnh (demo)"
BASE = "Đảng bộ Sở Thông tin và Truyền thông (demo)"
CELL1 = "Chi bộ Phòng Công nghệ thông tin"
CELL2 = "Chi bộ Văn phòng Sở"

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
    base = _org(BASE, "base", bloc)
    cells = {1: _org(CELL1, "cell", base), 2: _org(CELL2, "cell", base)}
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
    ctx = {"bloc": bloc, "base": base, "cell1": cells[1], "cell2": cells[2], "users": users}
    from handbook import FEATURES

    for feature in FEATURES:
        module = f"handbook.{feature}.demo"
        if find_spec(module):
            import_module(module).seed(ctx)
    db.session.commit()
    return ctx
