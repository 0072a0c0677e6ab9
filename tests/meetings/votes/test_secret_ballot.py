"""Secret ballots: read as an attacker would once the vote is closed — every row of the vote,
its system columns and order, the files, the cookies, the logs — nothing pairs a member with a
choice; meanwhile a member sees and changes their own ballot from any of their phones."""

import hashlib
import hmac
import json
import logging
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import event, select, text

from handbook.audit import AuditEntry
from handbook.extensions import db
from handbook.meetings.models import Attendance, Notification, Vote, VoteSecret
from handbook.meetings.votes import service as votes
from tests.conftest import Client, text_of
from tests.meetings.factories import HTMX, meeting, meeting_under_way

LABELS = ("Tán thành", "Không tán thành", "Không biểu quyết")
VOTERS = ("bithu", "dangvien", "dangvien2")


@pytest.fixture
def plain_sqlite(app):
    """SQLite as most builds ship it, which leave deleted rows' bytes in place (Debian's zeroes
    them by default): every connection of the test starts with `secure_delete` off."""
    if db.engine.dialect.name != "sqlite":
        yield
        return

    def off(dbapi_connection, _record):
        dbapi_connection.execute("PRAGMA secure_delete = OFF")

    db.session.remove()
    db.engine.dispose()
    event.listen(db.engine, "connect", off)
    yield
    event.remove(db.engine, "connect", off)
    db.session.remove()
    db.engine.dispose()


@pytest.fixture
def now_meeting(world):
    """Cell 1's meeting, begun ten minutes ago; the secretary and both members are present."""
    return meeting_under_way(world, VOTERS)


def phone(app, username):
    """A member's own phone: a client of its own, logged in once."""
    client = Client(app, app.response_class, use_cookies=True)
    client.post("/login", data={"username": username, "password": "sotay-demo"})
    return client


def session_of(app, client) -> dict:
    """What the phone's session cookie holds, decoded as anyone holding the cookie can."""
    cookie = client.get_cookie(app.config["SESSION_COOKIE_NAME"])
    return dict(app.session_interface.get_signing_serializer(app).loads(cookie.value))


def open_secret_vote(app, m) -> tuple:
    secretary = phone(app, "bithu")
    assert secretary.post(f"/meetings/{m.id}/votes", data={"question": "Thông qua nghị quyết tháng",
                                                          "kind": "resolution", "secret": "y"}).status_code == 302
    db.session.expire_all()
    return secretary, db.session.scalar(select(Vote).where(Vote.meeting_id == m.id, Vote.status == "open"))


def rows(table: str, order: str = "") -> list[dict]:
    """Every row of a table with its system columns: xmin and ctid on PostgreSQL, rowid on
    SQLite; unordered (as stored) unless `order` is given."""
    system = "xmin::text AS xmin, ctid::text AS ctid, " if db.engine.dialect.name == "postgresql" else "rowid, "
    db.session.commit()
    return [dict(r._mapping) for r in db.session.execute(text(f'SELECT {system}* FROM "{table}" {order}'))]


def physical(table: str) -> list[dict]:
    column = "ctid" if db.engine.dialect.name == "postgresql" else "rowid"
    return rows(table, f'ORDER BY "{table}".{column}')  # the row's place, not its text


def other_cell_voting(app, world) -> tuple:
    """Cell 2 votes in secret at the same time: dangvien3 chose "Không biểu quyết"."""
    other = meeting(world["cell2"], status="published", starts_in=timedelta(minutes=-5))
    db.session.add(Attendance(meeting_id=other.id, user_id=world["users"]["dangvien3"].id, status="present"))
    db.session.commit()
    vote = votes.open_vote(other, question="Biểu quyết của chi bộ 2", secret=True)
    db.session.commit()
    member = phone(app, "dangvien3")
    assert member.post(f"/meetings/{other.id}/votes/{vote.id}/ballot", data={"choice": "2"}).status_code == 302
    return other, vote, member


def test_after_closing_nothing_pairs_a_member_with_a_secret_choice(plain_sqlite, app, world, now_meeting, caplog):
    m = now_meeting
    users = {name: world["users"][name].id for name in VOTERS}
    other, other_vote, other_member = other_cell_voting(app, world)
    secretary, vote = open_secret_vote(app, m)
    notified = db.session.query(Notification).count()
    phones = {name: phone(app, name) for name in VOTERS}
    for p in phones.values():
        assert "Gửi biểu quyết" in text_of(p.get(f"/meetings/{m.id}"))
    cookies_before = {name: session_of(app, p) for name, p in phones.items()}
    # Cast in an order that is neither the members' nor the choices'; one member changes:
    # in the end bithu chose 2, dangvien 0, dangvien2 1.
    caplog.set_level(logging.INFO)
    for name, choice in (("dangvien2", 1), ("dangvien", 2), ("bithu", 2), ("dangvien", 0)):
        answer = phones[name].post(f"/meetings/{m.id}/votes/{vote.id}/ballot", data={"choice": str(choice)},
                                   headers=HTMX)
        assert "Đã ghi nhận biểu quyết" in text_of(answer) and answer.headers["Cache-Control"] == "no-store"
    assert {name: session_of(app, p) for name, p in phones.items()} == cookies_before  # no choice in the cookie
    # What an operator reading the database during the vote could take away: the vote's secret.
    db.session.expire_all()
    secret = db.session.scalar(select(VoteSecret.secret).where(VoteSecret.vote_id == vote.id))
    keys = [hmac.new(bytes.fromhex(secret), f"{vote.id}:{uid}".encode(), hashlib.sha256).hexdigest()
            for uid in users.values()]
    assert secretary.post(f"/meetings/{m.id}/votes/{vote.id}/close").status_code == 302
    db.session.expire_all()
    assert json.loads(db.session.get(Vote, vote.id).counts) == [1, 1, 1]

    # Every row of the vote, after closing.
    closed = [r for r in rows("vote") if r["id"] == vote.id]
    assert len(closed) == 1
    assert {r["vote_id"] for r in rows("vote_secret") + rows("secret_choice")} == {other_vote.id}
    ballots = [r for r in rows("ballot") if r["vote_id"] == vote.id]
    assert set(ballots[0]) - {"xmin", "ctid", "rowid"} == {"id", "vote_id", "user_id", "choice"}  # no time
    assert {r["choice"] for r in ballots} == {None} and {r["user_id"] for r in ballots} == set(users.values())
    tallies = [r for r in rows("secret_tally") if r["vote_id"] == vote.id]
    assert set(tallies[0]) - {"xmin", "ctid", "rowid"} == {"id", "vote_id", "choice", "count"}
    # No order of them is the order of casting: as stored, by id and by position on disk, the
    # ballots follow the members and the counts the choices.
    for listed in (ballots, sorted(ballots, key=lambda r: r["id"]),
                   [r for r in physical("ballot") if r["vote_id"] == vote.id]):
        assert [r["user_id"] for r in listed] == sorted(users.values())
    for listed in (tallies, sorted(tallies, key=lambda r: r["id"]),
                   [r for r in physical("secret_tally") if r["vote_id"] == vote.id]):
        assert [r["choice"] for r in listed] == [0, 1, 2]
    if db.engine.dialect.name == "postgresql":  # all written by the closing's one transaction
        assert {r["xmin"] for r in ballots + tallies} == {closed[0]["xmin"]}
    # Nothing else recorded who chose what: the audit log, the notifications, the log lines.
    audited = db.session.execute(select(AuditEntry.action, AuditEntry.summary, AuditEntry.actor_id)
                                 .where(AuditEntry.target_type == "meeting", AuditEntry.target_id == m.id)
                                 .order_by(AuditEntry.id)).all()
    assert [action for action, _, _ in audited] == ["vote.opened", "vote.closed"]
    assert {actor for _, _, actor in audited} == {users["bithu"]}  # the secretary, never a voter
    assert not any(world["users"][n].full_name in summary for _, summary, _ in audited for n in VOTERS)
    assert db.session.query(Notification).count() == notified
    logged = " ".join(str(record.msg) for record in caplog.records)
    assert "choice" not in logged and not any(label in logged for label in LABELS)
    assert_no_trace_on_disk(keys, secret)
    # Cell 2's vote, open meanwhile, kept its ballot.
    shown = other_member.get(f"/meetings/{other.id}/vote?xem=1", headers=HTMX)
    assert "Phiếu kín của đồng chí: Không biểu quyết" in text_of(shown)
    assert votes.close(db.session.get(Vote, other_vote.id)).counts == (0, 0, 1)
    db.session.commit()


def assert_no_trace_on_disk(keys: list[str], secret: str) -> None:
    """Neither the erased secret nor any ballot's key is left in the database's own files:
    SQLite's file and write-ahead log; every page of the vote's tables on PostgreSQL, the
    space of deleted rows included."""
    wanted = [k.encode() for k in keys] + [secret.encode()]
    if db.engine.dialect.name == "sqlite":
        path = Path(db.engine.url.database)
        for file in (path, Path(f"{path}-wal")):
            data = file.read_bytes() if file.exists() else b""
            assert not any(w in data for w in wanted), file.name
        return
    db.session.execute(text("CREATE EXTENSION IF NOT EXISTS pageinspect"))
    for table in ("vote_secret", "secret_choice", "ballot", "vote", "secret_tally"):
        blocks = db.session.scalar(text("SELECT pg_relation_size(CAST(:t AS regclass)) / "
                                        "current_setting('block_size')::int"), {"t": table})
        for block in range(blocks):
            page = db.session.scalar(text("SELECT get_raw_page(CAST(:t AS text), :b)"), {"t": table, "b": block})
            assert not any(w in page for w in wanted), table
    db.session.commit()


def test_a_member_sees_and_changes_their_secret_ballot_from_any_of_their_phones(app, world, now_meeting):
    m = now_meeting
    secretary, vote = open_secret_vote(app, m)
    first, second = phone(app, "dangvien"), phone(app, "dangvien")
    ballot = f"/meetings/{m.id}/votes/{vote.id}/ballot"
    answer = first.post(ballot, data={"choice": "1"}, headers=HTMX)
    assert "Phiếu kín của đồng chí: Không tán thành" in text_of(answer)
    assert answer.headers["Cache-Control"] == "no-store"
    # The meeting page, which the phone keeps for offline reading, does not say it.
    page = first.get(f"/meetings/{m.id}")
    assert "Đồng chí đã bỏ phiếu kín" in text_of(page) and "Xem lựa chọn đã gửi" in text_of(page)
    assert "checked" not in page.get_data(as_text=True).split('id="bieu-quyet"')[1].split("</section>")[0]
    # Asked for on purpose, from another phone too, it is shown and never stored.
    shown = second.get(f"/meetings/{m.id}/vote?xem=1", headers=HTMX)
    assert "Phiếu kín của đồng chí: Không tán thành" in text_of(shown)
    assert shown.headers["Cache-Control"] == "no-store"
    assert "Phiếu kín của đồng chí" not in text_of(phone(app, "dangvien2").get(f"/meetings/{m.id}/vote?xem=1"))
    changed = second.post(ballot, data={"choice": "0"})  # without htmx: back to the meeting page
    assert changed.status_code == 302
    assert "Phiếu kín của đồng chí: Tán thành" in text_of(first.get(f"/meetings/{m.id}/vote?xem=1"))
    assert "1 phiếu qua điện thoại" in text_of(secretary.get(f"/meetings/{m.id}/votes"))
    assert secretary.post(f"/meetings/{m.id}/votes/{vote.id}/close", data={"hand_1": "1"}).status_code == 302
    db.session.expire_all()
    assert json.loads(db.session.get(Vote, vote.id).counts) == [1, 1, 0]
    late = first.post(ballot, data={"choice": "1"}, headers=HTMX)
    assert "Biểu quyết này đã đóng" in text_of(late)


def test_a_ballot_kept_in_an_older_session_cookie_is_dropped(app, world, now_meeting):
    member = phone(app, "dangvien")
    with member.session_transaction() as kept:
        kept["secret_ballots"] = {"7": ["token", 2]}
    member.get("/")
    assert "secret_ballots" not in session_of(app, member)
