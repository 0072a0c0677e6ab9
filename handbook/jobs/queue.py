"""RQ, or inline: the one place that decides how a job runs.

RQ because it is small, well kept and needs nothing but the Redis the deployment already runs
for rate limits; a job is a plain function named by its import path. Celery would bring a
broker layer and a beat process for what a one-minute loop does here.

With Redis, a job asked for inside a transaction is sent only once that transaction commits
(and forgotten if it rolls back), so a worker never looks for a meeting the request has not
saved yet; when Redis cannot take it, the job runs there and then, in a session of its own.
Without Redis, the job runs at once inside a savepoint of the caller's transaction: the caller's
commit keeps its work, and a failing job is logged and undone alone, never taking the caller's
change with it.
"""

from contextlib import suppress
from importlib import import_module

import structlog
from flask import Flask, current_app, has_app_context
from sqlalchemy import event
from sqlalchemy.orm import Session

from handbook.extensions import db

QUEUE_NAME = "handbook"
_PENDING = "handbook_jobs_pending"
log = structlog.get_logger("handbook.jobs")


def init_app(app: Flask) -> None:
    from handbook.jobs.cli import jobs_command
    from handbook.metrics import metric_sources

    app.cli.add_command(jobs_command)
    if _depth_source not in metric_sources:
        metric_sources.append(_depth_source)


# RQ and the Redis client (which brings `cryptography`) are imported only where a job goes to
# Redis: a deployment without REDIS_URL never loads them, ~8 MB per web worker
# (benchmarks/README.md, Fourth round: memory).


def connection(app: Flask | None = None):
    """One Redis client per app (it pools its connections); None when jobs run inline."""
    app = app or current_app
    url = app.config.get("REDIS_URL")
    if not url:
        return None
    cached = app.extensions.get("jobs_redis")
    if cached is None or cached[0] != url:
        from redis import Redis

        # Short timeouts: a Redis that restarts makes an enqueue fail fast, not hang a request.
        cached = app.extensions["jobs_redis"] = (url, Redis.from_url(url, socket_timeout=5, socket_connect_timeout=2))
    return cached[1]


def get_queue(app: Flask | None = None):
    """The RQ queue, or None when jobs run inline."""
    redis = connection(app)
    if redis is None:
        return None
    from rq import Queue

    return Queue(QUEUE_NAME, connection=redis)


def job_name(func) -> str:
    return f"{func.__module__}:{func.__qualname__}"


def enqueue(func, *args) -> None:
    """Run `func(*args)` in the background (RQ) or now (inline). Arguments must pickle: pass ids
    and plain values, never model objects."""
    name = job_name(func)
    if get_queue() is None:
        _run_inline(func, name, args)
        return
    session = db.session()
    if session.in_transaction():
        session.info.setdefault(_PENDING, []).append((name, args))
    else:
        _send(current_app._get_current_object(), [(name, args)])


def _send(app: Flask, jobs: list) -> None:
    from redis.exceptions import RedisError
    from rq import Retry

    config = app.config
    queue = get_queue(app)
    for name, args in jobs:
        try:
            queue.enqueue(perform, name, *args, retry=Retry(max=config["JOB_RETRIES"],
                                                            interval=config["JOB_RETRY_INTERVALS"]))
            log.info("job.enqueued", job=name)
        except RedisError as error:
            # Redis is down or restarting; the work that asked for the job is committed. Do the
            # job here, in a session of its own, rather than lose it.
            log.warning("job.enqueue_failed", job=name, error=type(error).__name__, fallback="inline")
            with suppress(Exception):  # perform logged it; the caller's work stands
                perform(name, *args)


@event.listens_for(Session, "after_commit")
def _send_pending(session: Session) -> None:
    jobs = session.info.pop(_PENDING, None)
    if jobs and has_app_context():
        _send(current_app._get_current_object(), jobs)


@event.listens_for(Session, "after_rollback")
def _forget_pending(session: Session) -> None:
    session.info.pop(_PENDING, None)


def _run_inline(func, name: str, args: tuple) -> None:
    # One attempt: retrying at once inside a request would only make the member wait longer.
    # The caller's own pending changes are written first and outside the job: if they fail (a
    # concurrent edit, a constraint), that is the caller's error to answer, not a job's.
    db.session.flush()
    try:
        with db.session.begin_nested():
            func(*args)
    except Exception as error:  # noqa: BLE001 - a job's failure must not become the caller's
        log.exception("job.failed", job=name, mode="inline", error=type(error).__name__)


def resolve(name: str):
    module, _, attr = name.partition(":")
    return getattr(import_module(module), attr)


def perform(name: str, *args) -> None:
    """What the worker runs: the job in its own app context and transaction, committed at the
    end; a failure is logged with the retries left and raised again, for RQ to retry."""
    app = current_app._get_current_object() if has_app_context() else _worker_app()
    with app.app_context():
        try:
            resolve(name)(*args)
            db.session.commit()
        except Exception as error:
            db.session.rollback()
            from rq import get_current_job

            job = get_current_job()
            log.exception("job.failed", job=name, mode="rq", error=type(error).__name__,
                          retries_left=job.retries_left if job else None)
            raise


_app: Flask | None = None


def _worker_app() -> Flask:
    """An app for a worker started without the flask command (`rq worker`)."""
    global _app
    if _app is None:
        from handbook import create_app

        _app = create_app()
    return _app


def queue_depth(app: Flask | None = None) -> int | None:
    queue = get_queue(app)
    if queue is None:
        return 0
    from redis.exceptions import RedisError

    try:
        return queue.count
    except RedisError:
        return None


def _depth_source():
    depth = queue_depth()
    if depth is not None:  # Redis unreachable: no figure rather than a false zero
        yield ("handbook_job_queue_depth", "Jobs waiting in the queue (0 when jobs run inline).", depth)
