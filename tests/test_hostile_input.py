"""Hostile parameters on every route: a NUL, a line break or 10,000 characters in any query or
form parameter (or path segment) is answered with a message or cleaned, never with a 500; an
integer past what an id column holds (2^31, 2^63, 2^64) or a negative one in any integer path
segment, query parameter or form field is a 404, an ignored filter or a message, never a 500.

Walks the same rules as tests/test_authz.py, as a role that gets past the route's guard, so
the view itself reads the value. Parameter names come from the rule's own data, its URL, the
forms on the page, and the names the app's pages use for filters and paging.
"""

import re
from urllib.parse import parse_qsl, urlencode

import pytest
from sqlalchemy import event
from werkzeug.routing import IntegerConverter

from handbook.extensions import db
from handbook.security import MSG_CONTROL
from tests.conftest import text_of
from tests.page_forms import DIGITS, forms_on
from tests.routes import ROLES
from tests.test_authz import RULES

HOSTILE = {"nul": "a\x00b", "crlf": "a\r\nb", "long": "x" * 10_000}
COMMON_QUERY_NAMES = ("q", "page", "next", "year", "month", "org", "status", "type", "trang", "muc", "fmt",
                      "start", "end", "cell", "missed", "action", "actor", "from", "to", "role", "leader")
# The edges of the 32-bit INTEGER columns (PostgreSQL refuses 2^31, SQLite 2^63) and a negative.
BIG_INTEGERS = {"2^31-1": 2**31 - 1, "2^31": 2**31, "2^63": 2**63, "2^64": 2**64, "negative": -1}
# Query parameters the app's pages read as integers (filters, paging, the organisation shown).
INTEGER_QUERY_NAMES = ("org", "cell", "year", "month", "page", "trang", "member_id", "version")
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


def _integer_fields(client, rule, url: str) -> tuple[set[str], dict[str, str]]:
    """The integer fields a browser would send to this route, with the values they carry: from
    the forms of the page itself and of the pages above it in the address that post here."""
    path = url.split("?", 1)[0]
    names, values = set(), {}
    pages = [url] + ["/".join(path.split("/")[:n]) for n in range(len(path.split("/")) - 1, 1, -1)]
    for page_url in pages:
        page = client.get(page_url)
        if page.status_code != 200 or "html" not in page.content_type:
            continue
        for form in forms_on(page.get_data(as_text=True)):
            if form.method == rule.method.lower() and (form.target or page_url.split("?")[0]) == path:
                names |= form.integers
                values = {**form.values, **values}
    return names, values


@pytest.mark.parametrize("rule", CASES, ids=[f"{r.method}-{r.endpoint}" for r in CASES])
def test_big_and_negative_integers_in_every_integer_parameter_never_cause_a_500(client, world, rule):
    """2^31, 2^63, 2^64 or -1 typed into an id, a filter, a version or a choice: a message, or
    ignored as a filter is, never a 500 (on PostgreSQL the INTEGER columns stop at 2^31 - 1)."""
    _login(client, _role_for(rule))
    url = rule.url(world)
    path, query = url.split("?", 1) if "?" in url else (url, "")
    base_query = dict(parse_qsl(query))
    base_form = dict(rule.data(world)) if rule.data else {}
    fields, page_values = _integer_fields(client, rule, url)
    query_names = set(INTEGER_QUERY_NAMES) | {k for k, v in base_query.items() if DIGITS.fullmatch(v)}
    form_names, form = set(), {}
    if rule.method == "GET":
        query_names |= fields
    else:
        form = {**page_values, **base_form}
        form_names = fields | {k for k, v in base_form.items() if DIGITS.fullmatch(v)} | {"version", "member_id"}
    for kind, value in BIG_INTEGERS.items():
        for name in sorted(query_names):
            target = path + "?" + urlencode({**base_query, name: value})
            response = client.open(target, method=rule.method, data=form or None)
            assert response.status_code != 500, f"{rule.method} {path} ?{name}={kind}: 500"
        for name in sorted(form_names):
            response = client.open(url, method="POST", data={**form, name: str(value)})
            assert response.status_code != 500, f"POST {path} {name}={kind}: 500"


def test_an_integer_path_parameter_past_the_column_or_below_one_is_a_404(app, client, world):
    """Every integer in every address (routes found in the url map, through tests/routes/), one at
    a time past what an id column holds or below 1, the others kept: a 404 from the converter;
    2^31 - 1, a possible id, answers too, and none is a 500."""
    adapter = app.url_map.bind("localhost")
    failures, tried = [], 0
    for rule in CASES:
        url_rule, args = adapter.match(rule.url(world).split("?", 1)[0], method=rule.method, return_rule=True)
        integers = [name for name in url_rule.arguments if isinstance(args.get(name), int)]
        if not integers:
            continue
        client.post("/logout")
        _login(client, _role_for(rule))
        data = dict(rule.data(world)) if rule.data else None
        for name, (kind, value) in ((n, kv) for n in integers for kv in BIG_INTEGERS.items()):
            target = url_rule.build({**args, name: value}, append_unknown=False)[1]
            status = client.open(target, method=rule.method, data=data).status_code
            tried += 1
            if status == 500 or (kind != "2^31-1" and status != 404):
                failures.append(f"{rule.method} {url_rule.rule} {name}={kind}: {status}")
    assert tried >= 5 * 60
    assert failures == []


def test_an_id_past_the_integer_column_is_refused_before_the_database_is_asked(client, auth, world):
    """As many statements as an address that names no route: the id never reaches a query."""
    auth.login("dangvien")
    client.get("/no-such-page")  # the worker keeps the login session now: every count below is warm
    counts = {}
    for path in ("/no-such-page", "/meetings/2147483648", "/meetings/9223372036854775808", "/meetings/0"):
        seen = []

        def record(conn, cursor, statement, *args, seen=seen):
            seen.append(statement)

        event.listen(db.engine, "before_cursor_execute", record)
        try:
            assert client.get(path).status_code == 404
        finally:
            event.remove(db.engine, "before_cursor_execute", record)
        counts[path] = len(seen)
    assert len(set(counts.values())) == 1, counts


def _path_cases(app):
    cases = []
    for url_rule in app.url_map.iter_rules():
        strings = [a for a in url_rule.arguments
                   if not isinstance(url_rule._converters[a], IntegerConverter)]
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
    from tests.meetings.factories import meeting

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
