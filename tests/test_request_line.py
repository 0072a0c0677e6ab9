"""The request's log line, put together without json.dumps (handbook/logs.py), is byte for byte
what json.dumps wrote for the same dict, whatever the path, method or endpoint hold."""

import json
import re

import pytest

from handbook import logs

PATHS = ["/healthz", "/meetings/3", '/a"b', "/a\\b", "/thư-viện/08-qđi", "/x\x00y\x1f\x7f", "/\u2028", "/😀", ""]


def _expected(request_id, user, node, method, path, endpoint, status, ms) -> dict:
    line = {"event": "request", "request_id": request_id}
    if user is not logs._NO_USER:
        line["user_id"] = user
    if node:
        line["node"] = node
    line.update(method=method, path=path, endpoint=endpoint, status=status, ms=ms)
    line.update(level="info", logger="handbook")
    return line


@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize(("user", "node", "endpoint"), [
    (logs._NO_USER, "", "main.healthz"), (7, "", "main.home"), (12, "node-a", None), (None, "nút \"1\"", "x")])
def test_the_line_is_what_json_dumps_wrote(path, user, node, endpoint):
    for ms in (0.0, 0.3, 12.5, 1234.0):
        text = logs._request_line("0a1b2c3d4e5f", user, node, "GET", path, endpoint, 200, ms)
        assert text.endswith("}\n") and text.count("\n") == 1
        written = json.loads(text)
        stamp = written.pop("timestamp")
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{6})?Z", stamp)
        expected = _expected("0a1b2c3d4e5f", user, node, "GET", path, endpoint, 200, ms)
        assert written == expected
        dumped = json.dumps({**expected, "timestamp": stamp}, ensure_ascii=False) + "\n"
        assert text == dumped


def test_the_timestamp_is_iso_with_z():
    from datetime import UTC, datetime

    before = datetime.now(UTC)
    stamp = logs._timestamp()
    after = datetime.now(UTC)
    parsed = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    assert before <= parsed <= after
