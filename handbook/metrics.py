"""Prometheus metrics for operators: requests and latencies per endpoint, and gauges read at
scrape time (the job queue's depth…) that features offer through `metric_sources`.

A request adds its duration to a plain histogram kept in the process (a list of bucket counts
per method, endpoint and status); Prometheus's types are built from them only when /metrics is
scraped. prometheus-flask-exporter did the same work through prometheus_client's labelled
metrics on every request, ~20% of what /healthz costs (benchmarks/README.md, Fourth round).

Served at /metrics to the networks in METRICS_ALLOW only (loopback by default), since a
scraper has no login; anyone else gets the same 404 as for a page that does not exist.
Under gunicorn, set PROMETHEUS_MULTIPROC_DIR to an empty folder so every worker's counts add
up (prometheus_client's multi-process mode; the README's Production section says how).
"""

import ipaddress
import os
from collections.abc import Callable, Iterable

from flask import Flask, Response, abort, current_app, got_request_exception, request

from handbook import request_metrics

# Features append functions returning (name, help, value) triples, read on every scrape.
metric_sources: list[Callable[[], Iterable[tuple[str, str, float]]]] = []


def init_app(app: Flask) -> None:
    app.extensions["request_counts"] = request_metrics.RequestCounts(multiprocess=_multiprocess())
    app.after_request(_observe)
    # Only a failing request pays. Flask sends it for an error no handler took: those
    # handbook/errors.py turns into the 500 page are counted by their status, as they were before.
    got_request_exception.connect(_count_exception, app)
    app.add_url_rule("/metrics", "metrics", _metrics)


# Not counted: static files (the proxy's log has them) and the scrapes themselves.
_NOT_COUNTED = frozenset({"static", "metrics"})


def _observe(response):
    endpoint = request.endpoint
    if endpoint not in _NOT_COUNTED:
        current_app.extensions["request_counts"].observe(request.method, str(endpoint), response.status_code)
    return response


def _count_exception(sender: Flask, exception, **extra) -> None:
    sender.extensions["request_counts"].count_exception(request.method)


def _multiprocess() -> bool:
    return bool(os.environ.get("PROMETHEUS_MULTIPROC_DIR"))


# Headers some proxy in front writes. Without PROXY_COUNT the app reads none of them, and the
# socket's address is then the proxy's own (often 127.0.0.1): any of them means "refuse".
PROXY_HEADERS = ("X-Forwarded-For", "X-Forwarded-Host", "X-Forwarded-Proto", "X-Forwarded-Port",
                 "X-Forwarded-Prefix", "Forwarded", "X-Real-IP", "X-Client-IP", "True-Client-IP",
                 "CF-Connecting-IP", "Fastly-Client-IP", "X-Cluster-Client-IP")


def _allowed(address: str | None) -> bool:
    """`address` is request.remote_addr: with PROXY_COUNT, the one ProxyFix took from the
    X-Forwarded-For the shipped proxy appends; no other header is ever read for it."""
    if not address:
        return False
    # Behind a proxy the app must be told (PROXY_COUNT), or every client would look local.
    if not current_app.config["PROXY_COUNT"] and any(name in request.headers for name in PROXY_HEADERS):
        return False
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in current_app.config["METRICS_ALLOW"])


class _Sources:
    """Gauges features offer, read when Prometheus scrapes (queue depth changes between)."""

    def collect(self):
        from prometheus_client.core import GaugeMetricFamily

        for source in metric_sources:
            for name, help_text, value in source():
                family = GaugeMetricFamily(name, help_text)
                family.add_metric([], value)
                yield family


def _metrics():
    # prometheus_client is loaded by the first scrape (or the first flush of a worker's counts).
    from prometheus_client import CollectorRegistry, generate_latest, multiprocess
    from prometheus_client.exposition import CONTENT_TYPE_LATEST

    if not _allowed(request.remote_addr):
        abort(404)
    counts = current_app.extensions["request_counts"]
    registry = CollectorRegistry()
    if _multiprocess():
        counts.flush()  # this worker's latest, at least
        multiprocess.MultiProcessCollector(registry)
    else:
        registry.register(counts)
    scrape = CollectorRegistry()
    scrape.register(_Sources())
    body = generate_latest(registry) + generate_latest(scrape)
    return Response(body, mimetype=CONTENT_TYPE_LATEST.split(";")[0],
                    headers={"Content-Type": CONTENT_TYPE_LATEST, "Cache-Control": "no-store"})
