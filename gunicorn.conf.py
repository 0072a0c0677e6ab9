"""gunicorn reads this file from the folder it starts in (the README's Production commands).

With PROMETHEUS_MULTIPROC_DIR set, each worker writes its metrics to files there; a worker
that exits must be marked dead so its live gauges stop counting.
"""

import os


def child_exit(server, worker):
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(worker.pid)
