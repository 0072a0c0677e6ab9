"""JSON log lines an operator can search: one per request and one per error, each with the
request id (taken from the balancer's X-Request-ID or made here, and sent back), the user id
once known, never a request body, a query string, note text or a password.

structlog renders every line, the standard library's (Flask, gunicorn's error log, SQLAlchemy)
included, so a node's output is one stream of JSON objects. The one line every request writes
is the exception: its dict is dumped once and written to the same handler, the same fields,
without structlog's processor chain (benchmarks/README.md, Fourth round: observability).
"""

import json as jsonlib
import logging
import re
import sys
import time
from datetime import UTC, datetime
from secrets import token_hex

import structlog
from flask import Flask, current_app, g, has_request_context, request

REQUEST_ID_HEADER = "X-Request-ID"
NODE_HEADER = "X-Node"  # which application server answered, when NODE_NAME names it
# A balancer's id is kept only when it looks like one: it goes into every line and a header.
_VALID_REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{8,64}")


def _request_fields(logger, method_name: str, event_dict: dict) -> dict:
    """Every line written during a request carries its id, the node and the member once known.
    Read from `g` when a line is written, so a request that writes no other line pays nothing."""
    if has_request_context() and "request_id" in g:
        event_dict.setdefault("request_id", g.request_id)
        if "log_user_id" in g:
            event_dict.setdefault("user_id", g.log_user_id)
        if current_app.config["NODE_NAME"]:
            event_dict.setdefault("node", current_app.config["NODE_NAME"])
    return event_dict


_SHARED = [
    structlog.contextvars.merge_contextvars,
    _request_fields,
    structlog.stdlib.add_log_level,
    structlog.stdlib.add_logger_name,
    structlog.processors.TimeStamper(fmt="iso", utc=True),
]

log = structlog.get_logger("handbook")
# The standard library's logger under `log`: its level is asked before a request's line is
# built, since structlog's stdlib chain runs every processor before the level filters.
_stdlib_log = logging.getLogger("handbook")
# The handler every line goes to, when it writes JSON: the request line is written to it directly.
_json_handler: logging.StreamHandler | None = None


def configure(level: str = "INFO", json: bool = True) -> None:
    """Route structlog and the standard library through one JSON (or console) renderer.
    Idempotent: a worker that builds several apps keeps one handler."""
    global _json_handler
    renderer = structlog.processors.JSONRenderer(ensure_ascii=False) if json else structlog.dev.ConsoleRenderer()
    structlog.configure(
        processors=[*_SHARED, structlog.stdlib.ProcessorFormatter.wrap_for_formatter],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger,
        cache_logger_on_first_use=True,
    )
    formatter = structlog.stdlib.ProcessorFormatter(
        foreign_pre_chain=_SHARED,
        processors=[structlog.stdlib.ProcessorFormatter.remove_processors_meta,
                    structlog.processors.format_exc_info, renderer],
    )
    root = logging.getLogger()
    for handler in root.handlers:
        if getattr(handler, "_handbook", False):
            handler.setFormatter(formatter)
            break
    else:
        handler = logging.StreamHandler(sys.stderr)
        handler._handbook = True
        handler.setFormatter(formatter)
        root.addHandler(handler)
    root.setLevel(level)
    _json_handler = handler if json else None


def init_app(app: Flask) -> None:
    configure(app.config["LOG_LEVEL"], json=app.config["LOG_FORMAT"] == "json")
    app.before_request(_start)
    app.after_request(_finish)


def request_id() -> str:
    return g.get("request_id", "")


def user_id() -> int | None:
    """The member the request's lines name, once known (bind_user)."""
    return g.get("log_user_id")


def request_started() -> float:
    """When the request began (time.perf_counter), for whatever measures its duration."""
    return g.request_started


def bind_user(user_id: int) -> None:
    """Called once the logged-in user is known: every later line of the request names them."""
    if has_request_context():
        g.log_user_id = user_id


def _start() -> None:
    given = request.headers.get(REQUEST_ID_HEADER)
    g.request_id = given if given and _VALID_REQUEST_ID.fullmatch(given) else token_hex(16)
    g.request_started = time.perf_counter()


def _finish(response):
    state = g._get_current_object()  # one lookup of each, not one per field
    req = request._get_current_object()
    response.headers[REQUEST_ID_HEADER] = state.request_id
    node = current_app.config["NODE_NAME"]
    if node:
        # Behind a balancer, an operator (and the two-node test) sees which server answered.
        response.headers[NODE_HEADER] = node
    endpoint = req.endpoint
    if endpoint != "static" and _stdlib_log.isEnabledFor(logging.INFO):
        ms = round((time.perf_counter() - state.request_started) * 1000, 1)
        if _json_handler is None:
            log.info("request", method=req.method, path=req.path, endpoint=endpoint, status=response.status_code,
                     ms=ms)
        else:
            user = state.log_user_id if "log_user_id" in state else _NO_USER
            _write(_request_line(state.request_id, user, node, req.method, req.path, endpoint,
                                 response.status_code, ms))
    return response


_NO_USER = object()
# How json.dumps(..., ensure_ascii=False) writes a string: quotes, backslashes and control
# characters escaped, the rest as it is.
_encode = jsonlib.encoder.encode_basestring


def _request_line(request_id: str, user, node: str, method: str, path: str, endpoint: str | None, status: int,
                  ms: float) -> str:
    """The line structlog wrote for a request (the same keys in the same order, byte for byte
    what json.dumps made of them: tests/test_request_line.py), put together directly: one
    dumps of a dict cost a quarter of /healthz's hooks (benchmarks/README.md, Fifth round)."""
    user_part = "" if user is _NO_USER else f', "user_id": {_value(user)}'
    node_part = f', "node": {_encode(node)}' if node else ""
    endpoint_text = "null" if endpoint is None else _encode(endpoint)
    return (f'{{"event": "request", "request_id": {_encode(request_id)}{user_part}{node_part}, '
            f'"method": {_encode(method)}, "path": {_encode(path)}, "endpoint": {endpoint_text}, '
            f'"status": {status}, "ms": {ms!r}, "level": "info", "logger": "handbook", '
            f'"timestamp": "{_timestamp()}"}}\n')


def _value(value) -> str:
    return str(value) if type(value) is int else jsonlib.dumps(value, ensure_ascii=False)


_second: tuple[int, str] = (0, "")  # the last second written, as ISO 8601


def _timestamp() -> str:
    """datetime.now(UTC).isoformat() with "Z" for "+00:00", the date and time formatted once a second."""
    global _second
    now = datetime.now(UTC)
    second = int(now.timestamp())
    if second != _second[0]:
        _second = (second, now.strftime("%Y-%m-%dT%H:%M:%S"))
    return f"{_second[1]}.{now.microsecond:06d}Z" if now.microsecond else f"{_second[1]}Z"


def _write(text: str) -> None:
    handler = _json_handler
    handler.acquire()
    try:
        handler.stream.write(text)
        handler.flush()
    finally:
        handler.release()
