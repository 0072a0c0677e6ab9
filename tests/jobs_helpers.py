"""Helpers for the job tests: RQ on a Redis database of the tests' own, a worker run in burst,
and the app's JSON log lines."""

import io
import json
import logging
import os

import pytest
from redis import Redis
from rq import SimpleWorker

from handbook.jobs.queue import get_queue

TEST_REDIS_URL = "redis://127.0.0.1:6379/9"  # not the rate limiter's or anyone's data


@pytest.fixture
def rq_mode(app, monkeypatch):
    """Jobs go to RQ on Redis db 9, emptied before and after."""
    redis = Redis.from_url(TEST_REDIS_URL)
    try:
        redis.ping()
    except Exception:  # noqa: BLE001 - refused, unknown host, timeout: all mean "no Redis"
        # Like a missing browser: skipped on a developer's machine, a failure in CI.
        if os.environ.get("CI") == "true":
            pytest.fail("Redis at 127.0.0.1:6379 is needed for the job queue tests in CI")
        pytest.skip("job queue tests on Redis skipped: no Redis at 127.0.0.1:6379")
    redis.flushdb()
    monkeypatch.setitem(app.config, "REDIS_URL", TEST_REDIS_URL)
    monkeypatch.setitem(app.config, "JOB_RETRY_INTERVALS", [0])  # retries at once: the worker runs in burst
    yield redis
    redis.flushdb()
    redis.close()


def run_worker(app) -> None:
    """What `flask jobs worker` does, in this process and until the queue is empty."""
    queue = get_queue(app)
    SimpleWorker([queue], connection=queue.connection).work(burst=True, with_scheduler=False)


@pytest.fixture
def log_lines():
    handler = next(h for h in logging.getLogger().handlers if getattr(h, "_handbook", False))
    buffer = io.StringIO()
    previous = handler.setStream(buffer)
    yield lambda: [json.loads(line) for line in buffer.getvalue().splitlines() if line.startswith("{")]
    handler.setStream(previous)
