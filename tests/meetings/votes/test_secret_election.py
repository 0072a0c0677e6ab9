"""A secret election of several people, read as an attacker would once it is closed: the rows
of the vote, their system columns (`xmin`, `ctid`, rowid) and order, the files, the cookies,
the audit and the log lines pair no member with the candidates they picked, exactly as for a
secret yes/no vote (test_secret_ballot.py, whose readers this reuses)."""

import hashlib
import hmac
import json
import logging

from sqlalchemy import select

from handbook.audit import AuditEntry
from handbook.extensions import db
from handbook.meetings.models import Vote, VoteSecret
from handbook.meetings.votes import service as votes
from tests.conftest import text_of
from tests.meetings.factories import HTMX
from tests.meetings.votes import test_secret_ballot as secret_tests

# The same world as the secret yes/no vote's test: cell 1's meeting, all three present.
plain_sqlite, now_meeting = secret_tests.plain_sqlite, secret_tests.now_meeting
VOTERS = secret_tests.VOTERS
CANDIDATES = ("Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung")


def test_after_closing_nothing_pairs_a_member_with_the_candidates_they_picked(plain_sqlite, app, world,
                                                                             now_meeting, caplog):
    m = now_meeting
    users = {name: world["users"][name].id for name in VOTERS}
    other, other_vote, other_member = secret_tests.other_cell_voting(app, world)
    secretary = secret_tests.phone(app, "bithu")
    opened = secretary.post(f"/meetings/{m.id}/votes", data={
        "question": "Bầu chi ủy", "kind": "election", "choices": "\n".join(CANDIDATES), "seats": "2", "secret": "y"})
    assert opened.status_code == 302
    db.session.expire_all()
    vote = db.session.scalar(select(Vote).where(Vote.meeting_id == m.id, Vote.status == "open"))
    assert vote.secret and vote.seats == 2
    phones = {name: secret_tests.phone(app, name) for name in VOTERS}
    for p in phones.values():
        assert "Bầu 2 người: đánh dấu tối đa 2 người" in text_of(p.get(f"/meetings/{m.id}"))
    cookies_before = {name: secret_tests.session_of(app, p) for name, p in phones.items()}
    caplog.set_level(logging.INFO)
    ballot = f"/meetings/{m.id}/votes/{vote.id}/ballot"
    refused = phones["dangvien"].post(ballot, data={"picks": ["0", "1", "2"]}, headers=HTMX)
    assert "Phiếu bầu quá số lượng: chỉ được chọn tối đa 2 người (đồng chí đã chọn 3)." in text_of(refused)
    assert votes.own_ballot(vote, world["users"]["dangvien"]) is None
    # Cast in an order that is neither the members' nor the candidates'; dangvien changes:
    # in the end bithu picked An and Bình, dangvien An and Bình, dangvien2 Bình and Dung.
    for name, picks in (("dangvien2", ["1", "3"]), ("dangvien", ["2"]), ("bithu", ["0", "1"]),
                        ("dangvien", ["0", "1"])):
        answer = phones[name].post(ballot, data={"picks": picks}, headers=HTMX)
        assert "Đã ghi nhận biểu quyết" in text_of(answer) and answer.headers["Cache-Control"] == "no-store"
    assert {name: secret_tests.session_of(app, p) for name, p in phones.items()} == cookies_before
    mine = phones["dangvien"].get(f"/meetings/{m.id}/vote?xem=1", headers=HTMX)
    assert "Phiếu kín của đồng chí: Nguyễn Văn An, Trần Thị Bình" in text_of(mine)
    assert mine.headers["Cache-Control"] == "no-store"
    db.session.expire_all()
    secret = db.session.scalar(select(VoteSecret.secret).where(VoteSecret.vote_id == vote.id))
    keys = [hmac.new(bytes.fromhex(secret), f"{vote.id}:{uid}".encode(), hashlib.sha256).hexdigest()
            for uid in users.values()]
    assert secretary.post(f"/meetings/{m.id}/votes/{vote.id}/close").status_code == 302
    db.session.expire_all()
    closed_vote = db.session.get(Vote, vote.id)
    assert json.loads(closed_vote.counts) == [2, 3, 0, 1] and closed_vote.ballots == 3
    assert votes.result(closed_vote).winners == ("Trần Thị Bình", "Nguyễn Văn An")

    closed = [r for r in secret_tests.rows("vote") if r["id"] == vote.id]
    assert {r["vote_id"] for r in secret_tests.rows("vote_secret") + secret_tests.rows("secret_choice")} == {
        other_vote.id}
    ballots = [r for r in secret_tests.rows("ballot") if r["vote_id"] == vote.id]
    assert {r["choice"] for r in ballots} == {None} and {r["user_id"] for r in ballots} == set(users.values())
    tallies = [r for r in secret_tests.rows("secret_tally") if r["vote_id"] == vote.id]
    for listed in (ballots, sorted(ballots, key=lambda r: r["id"]),
                   [r for r in secret_tests.physical("ballot") if r["vote_id"] == vote.id]):
        assert [r["user_id"] for r in listed] == sorted(users.values())
    for listed in (tallies, sorted(tallies, key=lambda r: r["id"]),
                   [r for r in secret_tests.physical("secret_tally") if r["vote_id"] == vote.id]):
        assert [(r["choice"], r["count"]) for r in listed] == [(0, 2), (1, 3), (2, 0), (3, 1)]
    if db.engine.dialect.name == "postgresql":  # all written by the closing's one transaction
        assert {r["xmin"] for r in ballots + tallies} == {closed[0]["xmin"]}
    audited = db.session.execute(select(AuditEntry.action, AuditEntry.actor_id)
                                 .where(AuditEntry.target_type == "meeting", AuditEntry.target_id == m.id)
                                 .order_by(AuditEntry.id)).all()
    assert [action for action, _ in audited] == ["vote.opened", "vote.closed"]
    assert {actor for _, actor in audited} == {users["bithu"]}
    logged = " ".join(str(record.msg) for record in caplog.records)
    assert "picks" not in logged and not any(name in logged for name in CANDIDATES)
    secret_tests.assert_no_trace_on_disk(keys, secret)
    # Cell 2's vote, open meanwhile, kept its ballot.
    assert "Phiếu kín của đồng chí: Không biểu quyết" in text_of(
        other_member.get(f"/meetings/{other.id}/vote?xem=1", headers=HTMX))
