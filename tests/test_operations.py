"""What operators see: JSON log lines with request ids, guarded metrics, scrubbed error reports."""

import io
import json
import logging

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
    client.post(f"/meetings/{meeting.id}/note", data={"body": "bí-mật-ghi-chép-7431", "version": "0"}, headers=HX)
    client.get("/search?q=bi-mat-tim-kiem-7431")
    client.post("/login", data={"username": "dangvien2", "password": "mật-khẩu-sai-7431"})
    text = "\n".join(json.dumps(line, ensure_ascii=False) for line in log_lines())
    assert "7431" not in text and "sotay-demo" not in text
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
        response = client.post("/__boom?q=truy-van-7431", data={"body": "ghi-chép-riêng-7431"})
        sentry_sdk.flush(timeout=30)  # the background sender may lag on a busy machine
    finally:
        sentry_sdk.init()  # no DSN: reporting off again for the rest of the run
    assert response.status_code == 500
    assert len(_Captured.events) == 1
    event = _Captured.events[0]
    assert "7431" not in json.dumps(event, ensure_ascii=False)
    assert event["tags"]["request_id"] == response.headers["X-Request-ID"]
    assert event["user"] == {"id": str(world["users"]["dangvien"].id)}
    assert event["request"]["url"].endswith("/__boom")
