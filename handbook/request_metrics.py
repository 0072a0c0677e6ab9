"""Requests counted per method, endpoint and status, with their durations in a histogram, kept
as plain lists in the process and turned into Prometheus's types when /metrics is scraped.

The names are those prometheus-flask-exporter wrote (dashboards keep working):
`handbook_http_request_duration_seconds` (histogram by endpoint, method and status),
`handbook_http_request_total` and `handbook_http_request_exceptions_total` (by method and status).

Under gunicorn with PROMETHEUS_MULTIPROC_DIR, every worker's counts must reach whichever worker
is scraped: a worker adds what it counted to prometheus_client's files at most once a second
(on its next request) and when it is scraped itself, so the figures lag by at most a second of
a worker's requests until it serves another one.
"""

import threading
import time
from bisect import bisect_left

from flask import g

PREFIX = "handbook_http_request"
# prometheus_client's default buckets (seconds), as the exporter used; +Inf is the last count.
BOUNDS = (0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1.0, 2.5, 5.0, 7.5, 10.0)
_SUM = len(BOUNDS) + 1  # index of the sum of durations, after the bucket counts
FLUSH_SECONDS = 1.0
DURATION_HELP = "HTTP request duration in seconds"
TOTAL_HELP = "Total number of HTTP requests"
EXCEPTIONS_HELP = "Total number of HTTP requests which resulted in an exception"


class RequestCounts:
    """A collector (prometheus_client calls `collect` at scrape time) over counts kept in lists."""

    def __init__(self, multiprocess: bool = False):
        # (method, endpoint, status) -> [count per bucket (not cumulative) ..., +Inf, sum]
        self._durations: dict[tuple[str, str, int], list] = {}
        self._exceptions: dict[str, int] = {}  # method -> count (their status is 500)
        self._lock = threading.Lock()  # a threaded worker adds from several requests at once
        self._multiprocess = multiprocess
        self._flushed_at = time.perf_counter()
        self._histogram = self._total = self._failed = None

    def _bind(self) -> None:
        """Multi-process mode: prometheus_client's metrics (written to the shared files only,
        never collected here), made on the first flush."""
        from prometheus_client import Counter, Histogram

        if self._histogram is None:
            self._histogram = Histogram(f"{PREFIX}_duration_seconds", DURATION_HELP, ("endpoint", "method", "status"),
                                        registry=None, buckets=BOUNDS)
            self._total = Counter(f"{PREFIX}_total", TOTAL_HELP, ("method", "status"), registry=None)
            self._failed = Counter(f"{PREFIX}_exceptions_total", EXCEPTIONS_HELP, ("method", "status"), registry=None)

    def observe(self, method: str, endpoint: str, status: int) -> None:
        now = time.perf_counter()
        started = g.get("request_started", now)  # set by handbook.logs, the first hook of a request
        seconds = now - started
        key = (method, endpoint, status)
        with self._lock:
            counts = self._durations.get(key)
            if counts is None:
                counts = self._durations[key] = [0] * _SUM + [0.0]
            counts[bisect_left(BOUNDS, seconds)] += 1
            counts[_SUM] += seconds
        if self._multiprocess and now - self._flushed_at >= FLUSH_SECONDS:
            self.flush()

    def count_exception(self, method: str) -> None:
        with self._lock:
            self._exceptions[method] = self._exceptions.get(method, 0) + 1
        if self._multiprocess:
            self.flush()

    def flush(self) -> None:
        """Multi-process mode: what was counted since the last flush goes to the shared files."""
        if not self._multiprocess:
            return
        with self._lock:
            durations, self._durations = self._durations, {}
            exceptions, self._exceptions = self._exceptions, {}
            self._flushed_at = time.perf_counter()
        self._bind()
        for (method, endpoint, status), counts in durations.items():
            child = self._histogram.labels(endpoint, method, str(status))
            # prometheus_client offers no way to add n observations at once; its children keep
            # one value per bucket (not cumulative) and the sum, which is what is added here.
            for bucket, count in zip(child._buckets, counts[:_SUM], strict=True):
                if count:
                    bucket.inc(count)
            child._sum.inc(counts[_SUM])
            self._total.labels(method, str(status)).inc(sum(counts[:_SUM]))
        for method, count in exceptions.items():
            self._failed.labels(method, "500").inc(count)

    def collect(self):
        """Single-process mode: the counts as Prometheus's histogram and counters."""
        from prometheus_client.core import CounterMetricFamily, HistogramMetricFamily

        if self._multiprocess:
            return
        with self._lock:
            durations = {key: list(counts) for key, counts in self._durations.items()}
            exceptions = dict(self._exceptions)
        histogram = HistogramMetricFamily(f"{PREFIX}_duration_seconds", DURATION_HELP,
                                          labels=("endpoint", "method", "status"))
        totals: dict[tuple[str, str], int] = {}
        for (method, endpoint, status), counts in durations.items():
            cumulative, buckets = 0, []
            for bound, count in zip((*BOUNDS, float("inf")), counts[:_SUM], strict=True):
                cumulative += count
                buckets.append((_bound_label(bound), cumulative))
            histogram.add_metric([endpoint, method, str(status)], buckets, counts[_SUM])
            totals[(method, str(status))] = totals.get((method, str(status)), 0) + cumulative
        yield histogram
        total = CounterMetricFamily(f"{PREFIX}_total", TOTAL_HELP, labels=("method", "status"))
        for labels, count in totals.items():
            total.add_metric(list(labels), count)
        yield total
        failed = CounterMetricFamily(f"{PREFIX}_exceptions_total", EXCEPTIONS_HELP, labels=("method", "status"))
        for method, count in exceptions.items():
            failed.add_metric([method, "500"], count)
        yield failed


def _bound_label(bound: float) -> str:
    return "+Inf" if bound == float("inf") else repr(bound)
