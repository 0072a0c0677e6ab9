"""Command-line tasks."""

from sqlalchemy import func, select

from handbook.auth.models import RoleAssignment, User
from handbook.extensions import db
from handbook.orgs.models import Organization


def count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def test_seed_demo_creates_the_documented_accounts_and_is_idempotent(app):
    runner = app.test_cli_runner()
    result = runner.invoke(args=["seed-demo"])
    assert result.exit_code == 0, result.output
    for name in ("capuy", "bithu", "dangvien", "dangvien2", "dangvien3"):
        assert name in result.output
    counts = {m: count(m) for m in (User, Organization, RoleAssignment)}
    # The province today, and what the 1 July 2025 reorganisation closed (handbook/admin/demo.py).
    assert counts[User] == 5 and counts[Organization] == 12
    assert count(Organization) - db.session.scalar(select(func.count()).where(Organization.closed.is_(True))) == 7
    assert runner.invoke(args=["seed-demo"]).exit_code == 0
    assert {m: count(m) for m in (User, Organization, RoleAssignment)} == counts
    bithu = db.session.scalar(select(User).where(User.username == "bithu"))
    assert [(r.role, r.org.name) for r in bithu.roles] == [("secretary", bithu.cell.name)]
    other = db.session.scalar(select(User).where(User.username == "dangvien3"))
    assert other.cell_id != bithu.cell_id


def test_seed_demo_is_refused_in_production(app):
    app.config["HANDBOOK_ENV"] = "production"
    try:
        result = app.test_cli_runner().invoke(args=["seed-demo"])
    finally:
        app.config["HANDBOOK_ENV"] = "development"
    assert result.exit_code != 0
    assert "refused" in result.output
    assert count(User) == 0


def test_create_user_makes_an_admin(app, client):
    result = app.test_cli_runner().invoke(
        args=["create-user", "--username", "admin1", "--name", "Quản Trị", "--org", "Đảng bộ Tỉnh"],
        input="mot mat khau dai\nmot mat khau dai\n",
    )
    assert result.exit_code == 0, result.output
    user = db.session.scalar(select(User).where(User.username == "admin1"))
    assert [r.role for r in user.roles] == ["admin"]
    response = client.post("/login", data={"username": "admin1", "password": "mot mat khau dai"})
    assert response.status_code == 302


def test_create_user_refuses_a_weak_password(app):
    result = app.test_cli_runner().invoke(
        args=["create-user", "--username", "admin1", "--name", "Quản Trị"], input="12345678\n12345678\n"
    )
    assert result.exit_code != 0 and count(User) == 0
