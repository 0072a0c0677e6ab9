"""Hostile parameters on every route: a NUL, a line break or 10,000 characters in any query or
form parameter (or path segment) is answered with a message or cleaned, never with a 500.

Walks the same rules as tests/test_authz.py, as a role that gets past the route's guard, so
the view itself reads the value. Parameter names come from the rule's own data, its URL, the
forms on the page, and the names the app's pages use for filters and paging.
"""

import re
from urllib.parse import parse_qsl, urlencode

import pytest

from handbook.security import MSG_CONTROL
from tests.conftest import text_of
from tests.routes import ROLES
from tests.test_authz import RULES

HOSTILE = {"nul": "a\x00b", "crlf": "a\r\nb", "long": "x" * 10_000}
COMMON_QUERY_NAMES = ("q", "page", "next", "year", "month", "org", "status", "type", "trang", "muc", "fmt",
                      "start", "end", "cell", "missed", "action", "actor", "from", "to", "role", "leader")
PREFERENCE = ("admin", "secretary", "member", "other_member", "anonymous")


def _role_for(rule) -> str:
    """The role the route serves (2xx first, then a redirect), so the view runs its code."""
    for ok in (range(200, 300), range(300, 400)):
        for role in PREFERENCE:
            if rule.expect[role] in ok:
                return role
    return "admin"


def _form_names(client, url: str) -> set[str]:
    page = client.get(url)
    if page.status_code != 200 or "html" not in page.content_type:
        return set()
    names = set(re.findall(r'name="([A-Za-z_][\w-]*)"', page.get_data(as_text=True)))
    return names - {"csrf_token", "viewport", "description", "theme-color", "color-scheme", "referrer"}


def _login(client, role: str) -> None:
    if ROLES[role]:
        assert client.post("/login", data={"username": ROLES[role], "password": "sotay-demo"}).status_code == 302


CASES = sorted(RULES.values(), key=lambda r: (r.endpoint, r.method))


@pytest.mark.parametrize("rule", CASES, ids=[f"{r.method}-{r.endpoint}" for r in CASES])
def test_hostile_values_in_every_parameter_never_cause_a_500(client, world, rule):
    _login(client, _role_for(rule))
    url = rule.url(world)
    path, query = url.split("?", 1) if "?" in url else (url, "")
    base_query = dict(parse_qsl(query))
    base_form = dict(rule.data(world)) if rule.data else {}
    names = set(base_query) | set(COMMON_QUERY_NAMES)
    form_names = set()
    if rule.method == "POST":
        form_names = set(base_form) | _form_names(client, url) | set(COMMON_QUERY_NAMES)
    if rule.method == "GET":
        names |= _form_names(client, url)
    tried = 0
    for kind, value in HOSTILE.items():
        for name in sorted(names):
            target = path + "?" + urlencode({**base_query, name: value})
            response = client.open(target, method=rule.method, data=base_form or None)
            _check(response, kind, f"{rule.method} {path} ?{name}={kind}")
            tried += 1
        for name in sorted(form_names):
            response = client.open(url, method="POST", data={**base_form, name: value})
            _check(response, kind, f"POST {path} {name}={kind}", form=True)
            tried += 1
    assert tried >= 3 * len(COMMON_QUERY_NAMES)


def _check(response, kind: str, what: str, form: bool = False) -> None:
    assert response.status_code != 500, f"{what}: 500"
    if not form and kind in ("nul", "crlf"):
        assert response.status_code == 400, f"{what}: {response.status_code}"
        assert "ký tự điều khiển" in text_of(response)


def _path_cases(app):
    cases = []
    for url_rule in app.url_map.iter_rules():
        strings = [a for a in url_rule.arguments
                   if url_rule._converters[a].__class__.__name__ not in ("IntegerConverter",)]
        for method in sorted(url_rule.methods - {"HEAD", "OPTIONS"}):
            if strings and url_rule.endpoint != "static":
                cases.append((url_rule, method, strings))
    return cases


def test_hostile_path_segments_never_cause_a_500(app, client, world):
    """Slugs, anchors, tokens and roles in the address: the same three values in each."""
    _login(client, "admin")
    cases = _path_cases(app)
    assert len(cases) >= 5
    for url_rule, method, strings in cases:
        for kind, value in HOSTILE.items():
            values = {a: (1 if a not in strings else value) for a in url_rule.arguments}
            path = url_rule.build(values, append_unknown=False)[1]
            response = client.open(path, method=method, data={"x": "1"})
            assert response.status_code != 500, f"{method} {url_rule.rule} with {kind}: 500"
            if kind != "long":
                assert response.status_code == 400, f"{method} {url_rule.rule} with {kind}"


def test_a_control_character_in_an_address_is_refused_with_a_vietnamese_message(client, auth, world):
    auth.login("dangvien")
    response = client.get("/library?q=ngh%C4%A9%00a")
    assert response.status_code == 400
    assert MSG_CONTROL in text_of(response)


def test_a_nul_pasted_into_a_form_is_dropped_and_the_rest_is_kept(client, world):
    response = client.post("/login", data={"username": "dang\x00vien", "password": "sotay-demo"})
    assert response.status_code == 302
    assert client.get("/").status_code == 200


@pytest.mark.parametrize("path", ["/login?next=/%0d%0aX", "/login?next=/%0aX", "/login?next=/%00"])
def test_a_line_break_in_next_is_refused_not_a_500(client, world, path):
    response = client.post(path, data={"username": "dangvien", "password": "sotay-demo"})
    assert response.status_code == 400
    assert "ký tự điều khiển" in text_of(response)


def test_font_switch_next_with_a_line_break_is_refused(client, auth, world):
    auth.login("dangvien")
    response = client.post("/account/font", data={"change": "up", "next": "/\r\nSet-Cookie: x=1"})
    assert response.status_code != 500
    assert "Set-Cookie" not in str(response.headers.get("Location", ""))


def test_a_title_typed_with_a_line_break_stays_one_line_and_its_calendar_file_works(client, auth, world):
    from icalendar import Calendar

    from handbook.extensions import db
    from handbook.meetings.models import Meeting
    from handbook.timefmt import to_vn
    from tests.meetings_factories import meeting

    # The same time as stored (in Vietnam's time, as the form has it): only the title changes.
    m = meeting(world["cell1"], status="published", title="Họp tháng")
    auth.login("bithu")
    form = {"kind": "regular", "title": "Họp chi bộ\r\ntháng 5\rX-WR-CALNAME:giả", "location": "Hội\ntrường",
            "starts_at": to_vn(m.starts_at).strftime("%Y-%m-%dT%H:%M"),
            "ends_at": to_vn(m.ends_at).strftime("%Y-%m-%dT%H:%M"), "seq": str(m.version)}
    assert client.post(f"/meetings/{m.id}/edit", data=form).status_code < 500
    db.session.expire_all()
    assert db.session.get(Meeting, m.id).title == "Họp chi bộ tháng 5 X-WR-CALNAME:giả"
    # A title stored with line breaks before this rule (or by a script) still gives a valid file.
    stored = meeting(world["cell1"], status="published", title="Họp\r\nđột xuất\rX-WR-CALNAME:giả")
    auth.login("dangvien")
    response = client.get(f"/meetings/{stored.id}.ics")
    assert response.status_code == 200
    calendar = Calendar.from_ical(response.data)
    assert str(calendar["x-wr-calname"]) == "Họp đột xuất X-WR-CALNAME:giả"
    (event,) = calendar.walk("VEVENT")
    assert str(event["summary"]) == "Họp đột xuất X-WR-CALNAME:giả"
    assert b"\r\nX-WR-CALNAME:gi" not in response.data.replace(b"\r\n ", b"")
