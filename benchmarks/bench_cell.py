"""The cell most meeting benchmarks start from: a migrated database holding one base, one cell
of `members` members (m0 … m{n-1}, all with the same password) and m0 as its secretary.
Called inside an app context."""

from flask_migrate import upgrade

from handbook.auth.models import RoleAssignment, User
from handbook.extensions import db
from handbook.orgs.models import create_org

PASSWORD = "bench-password-1"


def cell_with_members(members: int):
    """(cell, users), flushed and not committed."""
    from handbook.auth.passwords import hash_password

    upgrade()
    cell = create_org("Chi bộ thử", "cell", create_org("Đảng bộ thử", "base"))
    pw = hash_password(PASSWORD)
    users = [User(username=f"m{i}", full_name=f"Đảng viên {i:02d}", cell=cell, password_hash=pw,
                  must_change_password=False) for i in range(members)]
    db.session.add_all(users)
    db.session.flush()
    db.session.add(RoleAssignment(user=users[0], org=cell, role="secretary"))
    return cell, users
