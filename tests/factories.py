"""Factories: build the rows a test needs in one call, with sensible defaults."""

from itertools import count

from handbook.auth.models import RoleAssignment, User
from handbook.auth.passwords import hash_password
from handbook.extensions import db
from handbook.orgs.models import Organization, create_org

_seq = count(1)
PASSWORD = "sotay-demo"


class Factory:
    def demo(self) -> dict:
        from handbook.demo import seed_demo

        return seed_demo()

    def org(self, name: str | None = None, kind: str = "cell", parent: Organization | None = None) -> Organization:
        org = create_org(name or f"Tổ chức {next(_seq)}", kind, parent)
        db.session.commit()
        return org

    def user(self, username: str | None = None, *, cell: Organization | None = None, role: str | None = None,
             role_org: Organization | None = None, password: str = PASSWORD, **fields) -> User:
        n = next(_seq)
        user = User(
            username=username or f"user{n}",
            full_name=fields.pop("full_name", f"Đảng viên Số {n}"),
            password_hash=hash_password(password),
            must_change_password=fields.pop("must_change_password", False),
            cell=cell,
            **fields,
        )
        db.session.add(user)
        if role:
            db.session.add(RoleAssignment(user=user, org=role_org or cell, role=role))
        db.session.commit()
        return user
