"""`flask jobs worker` and `flask jobs scheduler`: the two processes a deployment with Redis runs."""

import click
from flask import current_app
from flask.cli import AppGroup

from handbook.extensions import db
from handbook.jobs import queue, scheduler
from handbook.models_base import utcnow

jobs_command = AppGroup("jobs", help="Background jobs (RQ on REDIS_URL).")


@jobs_command.command("worker")
@click.option("--burst", is_flag=True, help="Stop once the queue is empty.")
def worker_command(burst):
    """Run an RQ worker on the handbook's queue (with RQ's scheduler, for delayed retries)."""
    from rq import Worker

    redis = queue.connection()
    if redis is None:
        raise click.ClickException("REDIS_URL is not set: jobs run inline, no worker is needed.")
    # Each job runs in a forked child: it must not share the parent's database connections.
    db.engine.dispose()
    worker = Worker([queue.get_queue()], connection=redis)
    worker.work(burst=burst, with_scheduler=True, logging_level=current_app.config["LOG_LEVEL"])


@jobs_command.command("scheduler")
@click.option("--once", is_flag=True, help="Enqueue what is due now, then stop.")
def scheduler_command(once):
    """Every minute, enqueue due work: meeting reminders, purges of old data."""
    if once:
        scheduler.run_due(utcnow())
        click.echo("Due work enqueued." if queue.connection() else "Due work done (inline).")
        return
    scheduler.loop()
