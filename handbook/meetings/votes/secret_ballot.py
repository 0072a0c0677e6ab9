"""Secret ballots: who voted is kept; what they chose is kept apart, under a key only the vote's
own secret ties to a member, until closing turns the choices into counts and erases the secret.

Why it is built so. Storing the choice nowhere but in a running count is not enough: a count
changed in the transaction that records "has voted" (or the one after it) shares its `xmin`
on PostgreSQL, and rows written one by one keep their order (ids, `ctid`, SQLite's rowid), so
either pairs members with choices. Keeping the choice only in the member's cookie put it in
clear in a signed, not encrypted, cookie. So:

- At opening the vote gets a random secret (`VoteSecret`, a row of a table that holds only
  the votes open now).
- A cast writes, in one transaction, the `Ballot` ("has voted": vote and member, no choice,
  no time) and a `SecretChoice` (the choice under HMAC(secret, member), no time, no row
  number). Changing it rewrites that one row, from any of the member's phones; the box shows
  the member their choice by the same key, so the cookie holds nothing.
- Closing, in one transaction, counts only the keys of members entitled to vote at that moment
  (present, official, in the cell): a member marked absent after voting is not counted; writes
  the counts in the choices' order; deletes the choices and the secret; writes the "has voted"
  rows again in the members' order. Every row of the vote then carries the closing's `xmin`,
  and every order is that of choices or of members.
- Deleted rows must not stay readable in the files either. On PostgreSQL the two small tables
  of open votes are emptied by TRUNCATE (new files at commit; VACUUM could only remove dead
  rows once every older transaction in the cluster ended) and the others are vacuumed after
  the commit (the "has voted" rows as cast: no choice, but the casts' order and `xmin`).
  SQLite zeroes the space these writes free (`secure_delete`) and empties its write-ahead log.

What it cannot hide (README, "Secret ballots"): anyone reading the live database, its
statement log with parameters, its WAL or a backup during the vote, or the live traffic.
"""

import hashlib
import hmac
import secrets
from contextlib import contextmanager

import structlog
from flask import has_app_context
from sqlalchemy import delete, event, insert, select, text, update
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session

from handbook.domain import DomainError
from handbook.extensions import db
from handbook.meetings import messages as msg
from handbook.meetings.votes.models import Ballot, SecretChoice, SecretTally, Vote, VoteSecret

log = structlog.get_logger("handbook")
_SEALED = "secret_ballot_sealed"  # session.info flag: a secret vote closed in this transaction


def start(vote: Vote) -> None:
    """At opening: the vote's secret."""
    db.session.add(VoteSecret(vote_id=vote.id, secret=secrets.token_hex(32)))


def _secret(vote: Vote) -> bytes | None:
    found = db.session.scalar(select(VoteSecret.secret).where(VoteSecret.vote_id == vote.id))
    return bytes.fromhex(found) if found else None


def _key(secret: bytes, vote: Vote, user_id: int) -> str:
    return hmac.new(secret, f"{vote.id}:{user_id}".encode(), hashlib.sha256).hexdigest()


@contextmanager
def _wiping():
    """On SQLite, space freed by the writes inside is zeroed, not left for a reader of the file."""
    if db.session.get_bind().dialect.name != "sqlite":
        yield
        return
    before = db.session.execute(text("PRAGMA secure_delete")).scalar()
    db.session.execute(text("PRAGMA secure_delete = ON"))
    try:
        yield
    finally:
        db.session.execute(text(f"PRAGMA secure_delete = {int(before or 0)}"))


def record(vote: Vote, user, choice: int) -> None:
    """Records the member's secret ballot, or changes it; the caller has checked the vote is
    open and the member may vote."""
    secret = _secret(vote)
    if secret is None:
        raise DomainError(msg.VOTE_SECRET_KEPT)
    key = _key(secret, vote, user.id)
    with _wiping():
        if _change(vote, key, choice):
            return
        try:
            with db.session.begin_nested():
                db.session.execute(insert(Ballot).values(vote_id=vote.id, user_id=user.id, choice=None))
                db.session.execute(insert(SecretChoice).values(vote_id=vote.id, key=key, choice=choice))
        except IntegrityError:
            # The member's other phone voted at the same moment: change that ballot. A ballot
            # cast before choices were kept apart has none to change.
            if not _change(vote, key, choice):
                raise DomainError(msg.VOTE_SECRET_KEPT) from None


def _change(vote: Vote, key: str, choice: int) -> bool:
    changed = db.session.execute(update(SecretChoice).where(SecretChoice.vote_id == vote.id, SecretChoice.key == key)
                                 .values(choice=choice).execution_options(synchronize_session=False))
    return changed.rowcount == 1


def own_choice(vote: Vote, user) -> int | None:
    """The member's own choice while the vote is open (None once it is closed)."""
    secret = _secret(vote)
    if secret is None:
        return None
    return db.session.scalar(select(SecretChoice.choice).where(SecretChoice.vote_id == vote.id,
                                                               SecretChoice.key == _key(secret, vote, user.id)))


def count(vote: Vote, voters: set[int]) -> list[int]:
    """Phone ballots per choice of the members in `voters`; a vote opened before choices were
    kept apart adds the counts it kept as it went."""
    counts = [0] * len(vote.choice_list)
    for choice, n in db.session.execute(select(SecretTally.choice, SecretTally.count)
                                        .where(SecretTally.vote_id == vote.id)):
        if 0 <= choice < len(counts):
            counts[choice] += n
    for choice in counted_choices(vote, voters):
        if 0 <= choice < len(counts):
            counts[choice] += 1
    return counts


def counted_choices(vote: Vote, voters: set[int]) -> list[int]:
    """The choices of the ballots of members in `voters` (an election's: its picks as bits), in
    the order of their keys, which is no member's order."""
    secret = _secret(vote)
    if secret is None:
        return []
    counted = {_key(secret, vote, user_id) for user_id in voters}
    return [choice for key, choice in db.session.execute(
        select(SecretChoice.key, SecretChoice.choice).where(SecretChoice.vote_id == vote.id)
        .order_by(SecretChoice.key)) if key in counted]


def seal(vote: Vote, counts: list[int]) -> None:
    """At closing, in the closing's transaction (after `lock_for_closing`): the counts in the
    choices' order, no choice left, no secret, the "has voted" rows in the members' order."""
    with _wiping():
        db.session.execute(delete(SecretTally).where(SecretTally.vote_id == vote.id))
        db.session.execute(insert(SecretTally), [{"vote_id": vote.id, "choice": n, "count": c}
                                                 for n, c in enumerate(counts)])
        _drop_choices(vote)
        voters = list(db.session.scalars(select(Ballot.user_id).where(Ballot.vote_id == vote.id)
                                         .order_by(Ballot.user_id)))
        db.session.execute(delete(Ballot).where(Ballot.vote_id == vote.id))
        for user_id in voters:  # one by one: the ids follow the members' order
            db.session.execute(insert(Ballot).values(vote_id=vote.id, user_id=user_id, choice=None))
    db.session.info[_SEALED] = True


# The tables of open votes, in the order every cast reads them (the secret, then the choice).
_OPEN_VOTE_TABLES = (VoteSecret, SecretChoice)


def lock_for_closing() -> None:
    """Closing empties the tables of open votes on PostgreSQL (`_drop_choices`), so takes them
    for itself before reading them, in the casts' order: two closings, or a closing and a cast
    of another cell, wait for each other instead of deadlocking. Other cells' casts wait the
    few milliseconds until the closing commits."""
    if db.session.get_bind().dialect.name == "postgresql":
        tables = ", ".join(model.__tablename__ for model in _OPEN_VOTE_TABLES)
        db.session.execute(text(f"LOCK TABLE {tables} IN ACCESS EXCLUSIVE MODE"))


def _drop_choices(vote: Vote) -> None:
    """The vote's choices and secret go. On PostgreSQL a deleted row stays in its file until
    VACUUM may remove it, which any older transaction in the cluster holds back: the two small
    tables of open votes are emptied by TRUNCATE instead (their files replaced at commit), the
    other open votes' rows put back, in the order of their keys."""
    if db.session.get_bind().dialect.name != "postgresql":
        db.session.execute(delete(SecretChoice).where(SecretChoice.vote_id == vote.id))
        db.session.execute(delete(VoteSecret).where(VoteSecret.vote_id == vote.id))
        return
    kept = {model: [dict(row._mapping) for row in db.session.execute(
        select(model.__table__).where(model.vote_id != vote.id).order_by(*model.__table__.primary_key))]
        for model in _OPEN_VOTE_TABLES}
    db.session.execute(text("TRUNCATE " + ", ".join(model.__tablename__ for model in _OPEN_VOTE_TABLES)))
    for model, rows in kept.items():
        if rows:
            db.session.execute(insert(model), rows)


@event.listens_for(Session, "after_commit")
def _forget_old_versions(session: Session) -> None:
    if not session.info.pop(_SEALED, None) or not has_app_context():
        return
    try:
        if db.engine.dialect.name == "postgresql":
            # The "has voted" rows as cast (their order, the casts' xmin) and the vote row as
            # each cast touched it; removed as far as older transactions allow, autovacuum does
            # the rest. VACUUM runs outside a transaction; the closing is committed by now.
            with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                conn.exec_driver_sql(f"VACUUM {Ballot.__tablename__}, {Vote.__tablename__}")
        elif db.engine.dialect.name == "sqlite":
            # The log still holds the pages the casts wrote; emptied when no reader is on an
            # older snapshot (waiting at most a second for one), else at a later checkpoint.
            with db.engine.connect() as conn:
                patience = conn.exec_driver_sql("PRAGMA busy_timeout").scalar()
                conn.exec_driver_sql("PRAGMA busy_timeout = 1000")
                conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
                conn.exec_driver_sql(f"PRAGMA busy_timeout = {int(patience)}")
    except SQLAlchemyError as error:  # the result stands; autovacuum and checkpoints come later
        log.warning("vote.vacuum_failed", error=type(error).__name__)


@event.listens_for(Session, "after_rollback")
def _nothing_sealed(session: Session) -> None:
    session.info.pop(_SEALED, None)
