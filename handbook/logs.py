"""JSON log lines an operator can search: one per request and one per error, each with the
request id (taken from the balancer's X-Request-ID or made here, and sent back), the user id
once known, never a request body, a query string, note text or a password.

structlog renders every line, the standard library's (Flask, gunicorn's error log, SQLAlchemy)
included, so a node's output is one stream of JSON objects.
"""

import logging
import re
import sys
import time
import uuid

import structlog
from flask import Flask, current_app, g, request
from structlog.contextvars import bind_contextvars, clear_contextvars

REQUEST_ID_HEADER = "X-Request-ID"
NODE_HEADER = "X-Node"  # which application server answered, when NODE_NAME names it
# A balancer's id is kept only when it looks like one: it goes into every line and a header.
_VALID_REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{8,64}")
_SHARED = [
    structlog.contextvars.merge_contextvars,
    structlog.stdlib.add_log_level,
    structlog.stdlib.add_logger_name,
    structlog.processors.TimeStamper(fmt="iso", utc=True),
]

log = structlog.get_logger("handbook")
# The standard library's logger under `log`: its level is asked before a request's line is
# built, since structlog's stdlib chain runs every processor before the level filters.
_stdlib_log = logging.getLogger("handbook")


def configure(level: str = "INFO", json: bool = True) -> None:
    """Route structlog and the standard library through one JSON (or console) renderer.
    Idempotent: a worker that builds several apps keeps one handler."""
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


def init_app(app: Flask) -> None:
    configure(app.config["LOG_LEVEL"], json=app.config["LOG_FORMAT"] == "json")
    app.before_request(_start)
    app.after_request(_finish)


def request_id() -> str:
    return g.get("request_id", "")


def bind_user(user_id: int) -> None:
    """Called once the logged-in user is known: every later line of the request names them."""
    bind_contextvars(user_id=user_id)


def _start() -> None:
    clear_contextvars()
    given = request.headers.get(REQUEST_ID_HEADER, "")
    g.request_id = given if _VALID_REQUEST_ID.fullmatch(given) else uuid.uuid4().hex
    g.request_started = time.perf_counter()
    bind_contextvars(request_id=g.request_id)
    if current_app.config["NODE_NAME"]:
        bind_contextvars(node=current_app.config["NODE_NAME"])


def _finish(response):
    response.headers[REQUEST_ID_HEADER] = request_id()
    if current_app.config["NODE_NAME"]:
        # Behind a balancer, an operator (and the two-node test) sees which server answered.
        response.headers[NODE_HEADER] = current_app.config["NODE_NAME"]
    if request.endpoint != "static" and _stdlib_log.isEnabledFor(logging.INFO):
        log.info("request", method=request.method, path=request.path, endpoint=request.endpoint,
                 status=response.status_code, ms=round((time.perf_counter() - g.request_started) * 1000, 1))
    return response
