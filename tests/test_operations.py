"""What operators see: JSON log lines with request ids, guarded metrics, scrubbed error reports."""

import io
import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
import sentry_sdk
from sentry_sdk.transport import Transport

from handbook import metrics
from tests import notes_factories as nf

HX = {"HX-Request": "true"}


@pytest.fixture
def log_lines():
    """The JSON lines the app writes during the test, parsed."""
    handler = next(h for h in logging.getLogger().handlers if getattr(h, "_handbook", False))
    buffer = io.StringIO()
    previous = handler.setStream(buffer)
    yield lambda: [json.loads(line) for line in buffer.getvalue().splitlines()]
    handler.setStream(previous)


def test_every_request_logs_one_json_line_with_the_id_it_sends_back(client, log_lines):
    response = client.get("/login")
    lines = [line for line in log_lines() if line["event"] == "request"]
    assert len(lines) == 1
    line = lines[0]
    assert line["request_id"] == response.headers["X-Request-ID"] and len(line["request_id"]) >= 8
    assert (line["method"], line["path"], line["endpoint"], line["status"]) == ("GET", "/login", "auth.login", 200)
    assert line["level"] == "info" and "timestamp" in line


def test_the_balancers_request_id_is_kept_and_a_forged_one_replaced(client, log_lines):
    kept = client.get("/healthz", headers={"X-Request-ID": "lb-0a1b2c3d4e"})
    forged = client.get("/healthz", headers={"X-Request-ID": "x\" injected"})
    assert kept.headers["X-Request-ID"] == "lb-0a1b2c3d4e"
    assert forged.headers["X-Request-ID"] != "x\" injected"
    sent = [kept.headers["X-Request-ID"], forged.headers["X-Request-ID"]]
    assert [line["request_id"] for line in log_lines()] == sent


def test_lines_name_the_user_but_never_hold_note_text_passwords_or_queries(client, auth, world, log_lines):
    meeting = nf.meeting(world["cell1"])
    auth.login("dangvien", password="sotay-demo")
    # The markers hold letters a request id's hex never does: "7431" alone once matched one.
    client.post(f"/meetings/{meeting.id}/note", data={"body": "bí-mật-ghi-chép-qzx7431", "version": "0"}, headers=HX)
    client.get("/search?q=bi-mat-tim-kiem-qzx7431")
    client.post("/login", data={"username": "dangvien2", "password": "mật-khẩu-sai-qzx7431"})
    text = "\n".join(json.dumps(line, ensure_ascii=False) for line in log_lines())
    assert "qzx" not in text and "sotay-demo" not in text
    requests = [line for line in log_lines() if line["event"] == "request"]
    saved = next(line for line in requests if line["path"] == f"/meetings/{meeting.id}/note")
    assert saved["user_id"] == world["users"]["dangvien"].id
    assert next(line for line in requests if line["path"] == "/search")["user_id"] == world["users"]["dangvien"].id


def _login_pages_counted(client) -> float:
    body = client.get("/metrics").get_data(as_text=True)
    prefix = 'handbook_http_request_duration_seconds_count{endpoint="auth.login",method="GET",status="200"}'
    return next((float(line.rsplit(" ", 1)[1]) for line in body.splitlines() if line.startswith(prefix)), 0.0)


def test_metrics_count_requests_per_endpoint(client, world):
    before = _login_pages_counted(client)  # the app (and its counters) lives for the whole run
    for _ in range(3):
        client.get("/login")
    assert _login_pages_counted(client) == before + 3


def test_metrics_are_refused_outside_the_allowed_networks(client):
    outside = client.get("/metrics", environ_base={"REMOTE_ADDR": "203.0.113.9"})
    assert outside.status_code == 404 and "handbook_" not in outside.get_data(as_text=True)
    # Through a proxy the app was not told about, every client would look local: refused too.
    proxied = client.get("/metrics", headers={"X-Forwarded-For": "203.0.113.9"})
    assert proxied.status_code == 404


@pytest.mark.parametrize("header", [{"X-Real-IP": "203.0.113.9"}, {"Forwarded": "for=203.0.113.9"},
                                    {"X-Forwarded-Host": "evil.example"}, {"True-Client-IP": "203.0.113.9"}])
def test_without_proxy_count_any_proxy_header_means_a_proxy_the_app_was_not_told_of(client, header):
    # The socket's address is then the proxy's own (often 127.0.0.1), whatever header it writes.
    assert client.get("/metrics", headers=header).status_code == 404
    assert client.get("/metrics").status_code == 200


def test_behind_the_shipped_proxy_metrics_go_by_the_address_proxyfix_worked_out(other_app):
    proxied = other_app(PROXY_COUNT=1).test_client()
    # HAProxy (deploy/haproxy.cfg) appends the client's address to X-Forwarded-For, last.
    assert proxied.get("/metrics", headers={"X-Forwarded-For": "127.0.0.1, 203.0.113.9"}).status_code == 404
    assert proxied.get("/metrics", headers={"X-Forwarded-For": "203.0.113.9, 127.0.0.1"}).status_code == 200
    # Headers the shipped proxy never sets are never read, even with PROXY_COUNT.
    assert proxied.get("/metrics", headers={"X-Forwarded-For": "203.0.113.9",
                                            "X-Real-IP": "127.0.0.1"}).status_code == 404


def test_features_offer_gauges_read_at_scrape_time(client, monkeypatch):
    depth = {"value": 4}
    monkeypatch.setattr(metrics, "metric_sources", [lambda: [("handbook_test_depth", "A test gauge", depth["value"])]])
    assert "handbook_test_depth 4.0" in client.get("/metrics").get_data(as_text=True)
    depth["value"] = 7
    assert "handbook_test_depth 7.0" in client.get("/metrics").get_data(as_text=True)


class _Captured(Transport):
    events: list = []

    def capture_envelope(self, envelope):
        for item in envelope.items:
            if item.type == "event":
                self.events.append(item.payload.json)


def test_error_reports_carry_the_request_id_and_user_but_nothing_typed(other_app, world):
    from handbook import reporting

    _Captured.events = []
    app = other_app(SENTRY_DSN="http://public@127.0.0.1:9/1", PROPAGATE_EXCEPTIONS=False)

    @app.post("/__boom")
    def boom():
        raise RuntimeError("boom")

    reporting.init_app(app, transport=_Captured)
    try:
        client = app.test_client()
        client.post("/login", data={"username": "dangvien", "password": "sotay-demo"})
        response = client.post("/__boom?q=truy-van-qzx7431", data={"body": "ghi-chép-riêng-qzx7431"})
        sentry_sdk.flush(timeout=30)  # the background sender may lag on a busy machine
    finally:
        sentry_sdk.init()  # no DSN: reporting off again for the rest of the run
    assert response.status_code == 500
    assert len(_Captured.events) == 1
    event = _Captured.events[0]
    assert "qzx" not in json.dumps(event, ensure_ascii=False)
    assert event["tags"]["request_id"] == response.headers["X-Request-ID"]
    assert event["user"] == {"id": str(world["users"]["dangvien"].id)}
    assert event["request"]["url"].endswith("/__boom")


def _sample(body: str, prefix: str) -> float:
    return next((float(line.rsplit(" ", 1)[1]) for line in body.splitlines() if line.startswith(prefix)), 0.0)


def test_a_failing_request_is_counted_as_a_500_of_its_endpoint(other_app):
    app = other_app(PROPAGATE_EXCEPTIONS=False)

    @app.get("/__boom")
    def boom():
        raise RuntimeError("boom")

    client = app.test_client()
    assert client.get("/__boom").status_code == 500
    body = client.get("/metrics").get_data(as_text=True)
    assert _sample(body, 'handbook_http_request_duration_seconds_count{endpoint="boom",method="GET",status="500"}') == 1
    assert _sample(body, 'handbook_http_request_total{method="GET",status="500"}') == 1


def test_under_several_workers_the_scraped_one_reports_what_every_worker_counted(tmp_path):
    # Its own process: prometheus_client picks multi-process mode when imported with the
    # variable set, as under gunicorn. Two apps stand for two workers sharing the folder.
    code = """if True:
        from handbook import create_app
        first, second = create_app().test_client(), create_app().test_client()
        for _ in range(2):
            first.get("/healthz")
        second.get("/healthz")
        first.application.extensions["request_counts"].flush()  # what a worker does within a second
        print(second.get("/metrics").get_data(as_text=True))
    """
    body = _run_app_code(code, PROMETHEUS_MULTIPROC_DIR=str(tmp_path))
    assert _sample(body, 'handbook_http_request_duration_seconds_count{endpoint="main.healthz",method="GET",'
                         'status="200"}') == 3
    assert _sample(body, 'handbook_http_request_total{method="GET",status="200"}') == 3


def _run_app_code(code: str, **env) -> str:
    """What `code` prints, run in a new process on an in-memory SQLite database."""
    environ = {**os.environ, "DATABASE_URL": "sqlite://", "LOG_LEVEL": "WARNING", **env}
    for name in ("REDIS_URL", "SENTRY_DSN", "PROMETHEUS_MULTIPROC_DIR"):
        if name not in env:
            environ.pop(name, None)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=environ, check=True,
                          cwd=Path(__file__).resolve().parents[1])
    return done.stdout


def test_each_security_header_is_sent_once_and_a_views_own_vary_is_kept(other_app):
    app = other_app()

    @app.get("/__varies")
    def varies():
        return "x" * 2000, {"Vary": "Accept-Language, Cookie"}

    client = app.test_client()
    answer = client.get("/healthz")
    for name in ("Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy", "X-Frame-Options",
                 "Permissions-Policy", "Cache-Control", "Vary", "X-Request-ID"):
        assert len(answer.headers.getlist(name)) == 1, name
    assert {"Accept-Encoding", "Cookie", "HX-Request", "HX-History-Restore-Request"} == set(answer.vary)
    varied = client.get("/__varies", headers={"Accept-Encoding": "gzip"})
    assert varied.headers["Content-Encoding"] == "gzip"
    assert sorted(varied.headers["Vary"].split(", ")) == sorted(
        ["Accept-Language", "Cookie", "Accept-Encoding", "HX-Request", "HX-History-Restore-Request"])


def test_a_web_worker_loads_neither_migrations_nor_the_job_queue_nor_error_reporting():
    # Each is ~3-11 MB in every worker (benchmarks/README.md, Fourth round: memory); the
    # command line and the job worker load them when they run.
    code = ("import sys; from handbook import create_app; create_app(); "
            "print(' '.join(m for m in ('alembic', 'flask_migrate', 'rq', 'redis', 'sentry_sdk', 'requests', 'rich',"
            " 'icalendar') if m in sys.modules))")
    assert _run_app_code(code).strip() == ""


def test_flask_db_still_finds_the_migrations(app):
    # The session's database was migrated by flask_migrate.upgrade() (conftest), through the
    # same stand-in the command line loads Flask-Migrate with.
    runner = app.test_cli_runner()
    listed = runner.invoke(args=["--help"])
    assert "db" in listed.output and "Perform database migrations." in listed.output
    commands = runner.invoke(args=["db", "--help"])
    assert commands.exit_code == 0 and {"upgrade", "downgrade", "migrate"} <= set(commands.output.split())
    assert runner.invoke(args=["db", "heads"]).exit_code == 0
