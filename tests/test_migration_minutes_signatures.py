"""Upgrading minutes signed under the old rules: the two signatures are bound to the first kept
text; minutes changed after signing were never signed again, and now wait for it."""

import json

from flask_migrate import downgrade, upgrade
from sqlalchemy import select, text

from handbook import create_app
from handbook.demo import seed_demo
from handbook.extensions import db
from handbook.meetings.minutes import signoff
from handbook.meetings.minutes.digest import content_of, digest
from handbook.meetings.minutes.service import revision_data, signed_revision
from handbook.meetings.models import Minutes
from tests.conftest import TEST_CONFIG
from tests.test_migrations import fresh_database_url

BEFORE = "0018_library_2026"  # the revision before the one binding signatures to revisions (0019_minutes)


def test_minutes_signed_before_the_upgrade_keep_their_signatures_and_revised_ones_wait(tmp_path):
    url, drop = fresh_database_url(tmp_path)
    app = create_app({**TEST_CONFIG, "SQLALCHEMY_DATABASE_URI": url})
    try:
        with app.app_context():
            upgrade()
            seed_demo()
            db.session.commit()
            db.session.remove()
            downgrade(revision=BEFORE)
            signed = db.session.scalar(text("SELECT minutes_id FROM minutes_signature LIMIT 1"))
            other = db.session.scalar(text("SELECT id FROM minutes WHERE id <> :m"), {"m": signed})
            # The old rules: a revision of final minutes was published at once, unsigned.
            first = db.session.scalar(text("SELECT snapshot FROM minutes_revision WHERE minutes_id = :m"), {"m": other})
            changed = json.dumps({**json.loads(first), "conclusions": "Sửa sau khi ký."}, ensure_ascii=False)
            db.session.execute(text("INSERT INTO minutes_revision (minutes_id, number, reason, snapshot, created_at) "
                                    "VALUES (:m, 2, 'Sửa', :s, CURRENT_TIMESTAMP)"), {"m": other, "s": changed})
            db.session.execute(text("UPDATE minutes SET revision = 2, conclusions = 'Sửa sau khi ký.' WHERE id = :m"),
                               {"m": other})
            db.session.commit()
            upgrade()
            kept = db.session.get(Minutes, signed)
            assert kept.status == "final" and kept.revision == 1
            revision = signed_revision(kept)
            record = revision_data(revision)
            assert revision.number == 1 and revision.content_hash == digest(content_of(json.loads(revision.snapshot)))
            lines = signoff.lines(kept, 1, record)
            assert lines["chair"].valid and lines["note_taker"].valid
            revised = db.session.get(Minutes, other)
            assert revised.status == "revising" and revised.revision == 2
            assert signed_revision(revised).number == 1  # members read the text as first kept
            assert db.session.scalar(select(Minutes.revision).where(Minutes.status == "draft")) is None
            db.session.remove()  # PostgreSQL: no transaction of ours may hold the tables being altered
            downgrade(revision=BEFORE)
            assert db.session.scalar(text("SELECT status FROM minutes WHERE id = :m"), {"m": other}) == "final"
            db.session.remove()
            upgrade()
    finally:
        with app.app_context():
            db.session.remove()
            db.engine.dispose()
        drop()
