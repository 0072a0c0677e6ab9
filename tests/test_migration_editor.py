"""Upgrading to the one conflict store: notes' conflict revisions and the minutes' kept copies
move into text_conflict whole, and go back on a downgrade."""

import json

from flask_migrate import downgrade, upgrade
from sqlalchemy import select, text

from handbook import create_app
from handbook.demo import seed_demo
from handbook.editing.models import TextConflict
from handbook.extensions import db
from tests.conftest import TEST_CONFIG
from tests.test_migrations import fresh_database_url

BEFORE = "0023_rules2"


def test_kept_texts_move_into_the_one_store_and_back(tmp_path):
    url, drop = fresh_database_url(tmp_path)
    app = create_app({**TEST_CONFIG, "SQLALCHEMY_DATABASE_URI": url})
    try:
        with app.app_context():
            upgrade()
            seed_demo()
            db.session.commit()
            db.session.remove()
            downgrade(revision=BEFORE)
            note_id, owner_id = db.session.execute(text("SELECT id, owner_id FROM note LIMIT 1")).one()
            minutes_id = db.session.scalar(text("SELECT id FROM minutes LIMIT 1"))
            db.session.execute(text("INSERT INTO note_revision (note_id, kind, body, version, created_at) "
                                    "VALUES (:n, 'conflict', 'Bản từ máy kia', 3, CURRENT_TIMESTAMP)"), {"n": note_id})
            snapshot = json.dumps({"held_from": "14:00", "held_to": "16:00", "place": "Hội trường",
                                   "conclusions": "Kết luận gửi sau", "resolution": "", "chair": "A",
                                   "note_taker": "B", "item_notes": {"7": "Ý kiến gửi sau"}}, ensure_ascii=False)
            db.session.execute(text("INSERT INTO minutes_conflict (minutes_id, based_on, snapshot, created_at, "
                                    "updated_at) VALUES (:m, 2, :s, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"),
                               {"m": minutes_id, "s": snapshot})
            db.session.commit()
            upgrade()
            kept = {c.kind: c for c in db.session.scalars(select(TextConflict))}
            assert (kept["note"].row_id, kept["note"].based_on, kept["note"].author_id) == (note_id, 3, owner_id)
            assert kept["note"].texts == {"body": "Bản từ máy kia"}
            assert (kept["minutes"].row_id, kept["minutes"].based_on) == (minutes_id, 2)
            assert kept["minutes"].texts["conclusions"] == "Kết luận gửi sau"
            assert kept["minutes"].texts["item-7"] == "Ý kiến gửi sau"
            assert db.session.scalar(text("SELECT count(*) FROM note_revision WHERE kind = 'conflict'")) == 0
            db.session.remove()
            downgrade(revision=BEFORE)
            assert db.session.scalar(text("SELECT body FROM note_revision WHERE kind = 'conflict'")) == "Bản từ máy kia"
            back = json.loads(db.session.scalar(text("SELECT snapshot FROM minutes_conflict")))
            assert back["conclusions"] == "Kết luận gửi sau" and back["item_notes"] == {"7": "Ý kiến gửi sau"}
            db.session.remove()
            upgrade()
    finally:
        with app.app_context():
            db.session.remove()
            db.engine.dispose()
        drop()
