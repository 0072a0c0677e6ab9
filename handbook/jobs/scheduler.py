"""The scheduler: once a minute, each feature enqueues the work now due (reminders, purges).

Each feature answers the `periodic_work` signal with what it enqueues; the scheduler knows none
of them. The time is passed in, so a test can run any minute it likes. Work must be safe to
run twice (two schedulers, or a retry): reminders are recorded once sent, purges are deletes.
"""

import time
from datetime import datetime

import structlog

from handbook.extensions import db
from handbook.models_base import utcnow
from handbook.signals import periodic_work

INTERVAL_SECONDS = 60
log = structlog.get_logger("handbook.jobs")


def run_due(now: datetime) -> None:
    """Ask every feature for its due work at `now`, then commit (which sends queued jobs)."""
    try:
        periodic_work.send(None, now=now)
        db.session.commit()
    except Exception:
        db.session.rollback()
        raise


def loop(interval: int = INTERVAL_SECONDS) -> None:
    while True:
        started = time.monotonic()
        try:
            run_due(utcnow())
        except Exception as error:  # noqa: BLE001 - a database restart must not end the loop
            log.exception("scheduler.failed", error=type(error).__name__)
        time.sleep(max(1.0, interval - (time.monotonic() - started)))
