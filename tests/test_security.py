"""Security that applies to every route: CSRF, headers, production settings."""

import pytest
from werkzeug.routing import IntegerConverter

from handbook import create_app

STATE_CHANGING = {"POST", "PUT", "PATCH", "DELETE"}


def fill(rule) -> str:
    """A URL for any rule: each argument gets a plausible value (1, or 'x')."""
    values = {arg: (1 if isinstance(rule._converters[arg], IntegerConverter) else "x")
              for arg in rule.arguments}
    return rule.build(values, append_unknown=False)[1]


@pytest.fixture
def csrf_app(other_app):
    return other_app(WTF_CSRF_ENABLED=True)


def state_changing_rules(app):
    return [(rule, method) for rule in app.url_map.iter_rules()
            for method in sorted(rule.methods & STATE_CHANGING)]


def test_every_state_changing_route_refuses_a_missing_csrf_token(csrf_app, world):
    client = csrf_app.test_client()
    client.post("/login", data={"username": "capuy", "password": "sotay-demo"})  # refused: no token
    rules = state_changing_rules(csrf_app)
    assert len(rules) >= 3
    for rule, method in rules:
        response = client.open(fill(rule), method=method, data={"x": "1"})
        assert response.status_code == 400, f"{method} {rule.rule} answered {response.status_code}"


def test_login_with_a_valid_token_and_htmx_header(csrf_app, world):
    import re

    client = csrf_app.test_client()
    page = client.get("/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    response = client.post("/login", data={"username": "dangvien", "password": "sotay-demo", "csrf_token": token})
    assert response.status_code == 302
    home = client.get("/").get_data(as_text=True)
    header_token = re.search(r'"X-CSRFToken": "([^"]+)"', home).group(1)
    # htmx sends the token as a header, not a form field.
    response = client.post("/account/font", data={"change": "up"}, headers={"X-CSRFToken": header_token})
    assert response.status_code == 302
    assert client.post("/account/font", data={"change": "up"}).status_code == 400


@pytest.mark.parametrize("path", ["/login", "/healthz", "/nothing-here"])
def test_security_headers_on_every_response(client, path):
    headers = client.get(path).headers
    csp = headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "same-origin"
    assert "Strict-Transport-Security" not in headers  # only in production


def test_pages_have_no_inline_script_or_style(client, auth, world):
    auth.login("capuy")
    for path in ("/", "/account", "/nothing-here"):
        html = client.get(path).get_data(as_text=True)
        assert "<script>" not in html and " style=" not in html and "<style" not in html
        assert "allowEval&#34;:false" in html or '"allowEval":false' in html


def test_production_refuses_default_secret(app, monkeypatch):
    monkeypatch.setenv("HANDBOOK_ENV", "production")
    monkeypatch.delenv("SECRET_KEY", raising=False)
    with pytest.raises(RuntimeError, match="SECRET_KEY"):
        create_app()


def test_production_cookies_and_hsts(other_app, monkeypatch):
    monkeypatch.setenv("HANDBOOK_ENV", "production")
    monkeypatch.setenv("SECRET_KEY", "6_usuqGFRWLODPw0_dtM2tO5QmiTjY4K64vmqgFYMD32_UA1wDj0tvRL5asyjaIQ")
    monkeypatch.setenv("WEB_CONCURRENCY", "1")  # memory:// rate limits are refused with more workers
    prod = other_app(TESTING=False, SERVER_NAME=None)
    assert prod.config["SESSION_COOKIE_SECURE"] is True
    assert prod.config["SESSION_COOKIE_HTTPONLY"] is True
    assert prod.config["SESSION_COOKIE_SAMESITE"] == "Lax"
    response = prod.test_client().get("/login")
    assert "max-age=31536000" in response.headers["Strict-Transport-Security"]
    assert "Secure" in response.headers.get("Set-Cookie", "Secure")


def test_a_forwarded_host_the_shipped_proxy_never_sets_does_not_reach_the_account_page(other_app, world):
    # deploy/haproxy.cfg sets X-Forwarded-For and X-Forwarded-Proto, never X-Forwarded-Host.
    proxied = other_app(PROXY_COUNT=1, SERVER_NAME=None).test_client()
    proxied.post("/login", data={"username": "dangvien", "password": "sotay-demo"})
    proxied.post("/calendar/token")
    page = proxied.get("/account", headers={"X-Forwarded-Host": "evil.example", "X-Forwarded-Proto": "https",
                                            "X-Forwarded-For": "203.0.113.9"}).get_data(as_text=True)
    assert "webcal://" in page and "evil.example" not in page
    assert "https://localhost/calendar/" in page  # the scheme the proxy reports is still used
