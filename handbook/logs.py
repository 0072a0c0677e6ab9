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
    response.headers[REQUEST_ID_HEADER] = g.request_id
    node = current_app.config["NODE_NAME"]
    if node:
        # Behind a balancer, an operator (and the two-node test) sees which server answered.
        response.headers[NODE_HEADER] = node
    if request.endpoint != "static" and _stdlib_log.isEnabledFor(logging.INFO):
        fields = {"method": request.method, "path": request.path, "endpoint": request.endpoint,
                  "status": response.status_code, "ms": round((time.perf_counter() - g.request_started) * 1000, 1)}
        if _json_handler is None:
            log.info("request", **fields)
        else:
            _write_request_line(node, fields)
    return response


def _write_request_line(node: str, fields: dict) -> None:
    """The line structlog would write (same keys), built by one json.dumps."""
    line = {"event": "request", "request_id": g.request_id}
    if "log_user_id" in g:
        line["user_id"] = g.log_user_id
    if node:
        line["node"] = node
    line.update(fields)
    line["level"] = "info"
    line["logger"] = "handbook"
    line["timestamp"] = datetime.now(UTC).isoformat().replace("+00:00", "Z")
    text = jsonlib.dumps(line, ensure_ascii=False) + "\n"
    handler = _json_handler
    handler.acquire()
    try:
        handler.stream.write(text)
        handler.flush()
    finally:
        handler.release()
