"""Background jobs: `enqueue(func, *args)` hands work to RQ on the deployment's Redis, or runs
it at once when no Redis is configured (the embedded default of `make run`).

Features enqueue their own module-level functions and offer periodic work through the
`periodic_work` signal (handbook/signals.py); `flask jobs worker` and `flask jobs scheduler`
run the two sides (handbook/jobs/cli.py).
"""

from handbook.jobs.queue import enqueue, init_app, queue_depth  # noqa: F401

PUBLIC = ()
