"""Command-line tasks: `flask --app app seed-demo`, `create-user`."""

import click
from flask import current_app
from sqlalchemy import select

from handbook.auth.models import RoleAssignment, User
from handbook.auth.passwords import hash_password, password_problem
from handbook.extensions import db
from handbook.orgs.models import Organization, create_org


def register(app) -> None:
    app.cli.add_command(seed_demo_command)
    app.cli.add_command(create_user_command)


@click.command("seed-demo")
def seed_demo_command():
    """Create the demo committee, cells, accounts and content (idempotent)."""
    if current_app.config["HANDBOOK_ENV"] == "production":
        raise click.ClickException("seed-demo is refused when HANDBOOK_ENV=production.")
    from handbook.demo import ACCOUNTS, DEMO_PASSWORD, seed_demo

    seed_demo()
    click.echo("Demo data ready. Log in with any of these accounts, password " + DEMO_PASSWORD + ":")
    for username, name, *_ in ACCOUNTS:
        click.echo(f"  {username:<10} {name}")


@click.command("create-user")
@click.option("--username", required=True)
@click.option("--name", "full_name", required=True)
@click.option("--org", "org_name", default=None, help="Organisation the admin manages (created if missing).")
@click.option("--admin/--no-admin", default=True, help="Make the user a committee admin of --org.")
@click.password_option()
def create_user_command(username, full_name, org_name, admin, password):
    """Create an account, by default a committee admin (e.g. the first one)."""
    problem = password_problem(password, username=username)
    if problem:
        raise click.ClickException(problem)
    if db.session.scalar(select(User).where(User.username == username)):
        raise click.ClickException(f"User {username} already exists.")
    user = User(username=username, full_name=full_name, password_hash=hash_password(password),
                must_change_password=False)
    db.session.add(user)
    if admin:
        name = org_name or "Đảng bộ"
        org = db.session.scalar(select(Organization).where(Organization.name == name)) or create_org(name, "bloc")
        db.session.add(RoleAssignment(user=user, org=org, role="admin"))
    db.session.commit()
    click.echo(f"Created {username}.")
