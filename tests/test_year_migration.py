"""Upgrading to Quy định 366: ratings and submitted papers already there keep Quy định 124; a
draft goes on under 366; what is written after says 366."""

from datetime import datetime

from flask_migrate import downgrade, upgrade
from sqlalchemy import MetaData, Table

from handbook import create_app
from handbook.extensions import db
from tests.conftest import TEST_CONFIG
from tests.test_migrations import fresh_database_url

BEFORE = "0019_minutes"
NOW = datetime(2026, 12, 1, 8)


def _rows(conn):
    tables = MetaData()
    table = {name: Table(name, tables, autoload_with=conn) for name in ("organization", "user", "rating",
                                                                            "self_review")}
    cell = conn.execute(table["organization"].insert().values(name="Chi bộ thử", kind="cell", path="/1/",
                                                               closed=False, created_at=NOW)).inserted_primary_key[0]
    users = [conn.execute(table["user"].insert().values(
        username=f"u{n}", full_name=f"Đảng viên {n}", password_hash="x", must_change_password=False, font_step=0,
        active=True, holds_leadership_post=False, cell_id=cell, created_at=NOW)).inserted_primary_key[0]
        for n in (1, 2)]
    conn.execute(table["rating"].insert().values(user_id=users[0], year=2024, cell_id=cell, level="good",
                                                 conduct="good", comment="", leader=False, rated_at=NOW))
    for user_id, status in zip(users, ("submitted", "draft"), strict=True):
        conn.execute(table["self_review"].insert().values(
            user_id=user_id, year=2025, cell_id=cell, political="a", ethics="b", discipline="c", tasks="d",
            exemplary="e", shortcomings="f", self_level="good", status=status, facts="", version=1,
            created_at=NOW, updated_at=NOW))
    return users


def test_existing_ratings_and_submitted_papers_keep_quy_dinh_124(tmp_path):
    url, drop = fresh_database_url(tmp_path)
    fresh = create_app({**TEST_CONFIG, "SQLALCHEMY_DATABASE_URI": url})
    try:
        with fresh.app_context():
            upgrade(revision=BEFORE)
            with db.engine.begin() as conn:
                users = _rows(conn)
            upgrade()
            with db.engine.connect() as conn:
                tables = MetaData()
                rating = Table("rating", tables, autoload_with=conn)
                review = Table("self_review", tables, autoload_with=conn)
                assert conn.execute(rating.select()).one()._mapping["rule"] == "124"
                rules = dict(conn.execute(review.select().with_only_columns(review.c.user_id, review.c.rule)).all())
                assert rules == {users[0]: "124", users[1]: "366"}
            with db.engine.begin() as conn:
                conn.execute(rating.insert().values(user_id=users[1], year=2025, cell_id=1, level="done",
                                                    conduct="yes", comment="", leader=False, rated_at=NOW))
                assert conn.execute(rating.select().where(rating.c.year == 2025)).one()._mapping["rule"] == "366"
            downgrade(revision=BEFORE)
    finally:
        with fresh.app_context():
            db.engine.dispose()
        drop()
