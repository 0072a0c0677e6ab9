"""Sổ tay đảng viên điện tử: the app factory."""
# ruff: noqa: E402 - structlog is imported first, on purpose (_import_structlog_without_rich)

import os
import sys
from importlib import import_module


def _import_structlog_without_rich() -> None:
    """structlog's console renderer draws tracebacks with rich (and pygments) when it can import
    it: ~5 MB in every worker for a format production never writes (LOG_FORMAT=json). structlog is
    imported once with rich hidden, so its console renderer prints plain tracebacks; rich stays
    importable for what needs it (Flask-Limiter's `flask limiter` command)."""
    if "structlog" in sys.modules or "rich" in sys.modules:
        return
    sys.modules["rich"] = None  # an import of rich now raises ImportError
    try:
        import structlog  # noqa: F401
    finally:
        del sys.modules["rich"]


_import_structlog_without_rich()  # before any module of the app imports structlog

from flask import Flask
from sqlalchemy import event
from sqlalchemy.engine import Engine
from werkzeug.middleware.proxy_fix import ProxyFix

from handbook import (
    collation,
    compression,
    errors,
    integers,
    jobs,
    logs,
    markdown,
    metrics,
    page_store,
    pager,
    pipeline,
    reporting,
    security,
    timefmt,
)
from handbook.assets import asset_url
from handbook.config import Config, add_connection_settings, check_production
from handbook.extensions import csrf, db, limiter, login_manager, migrate
from handbook.icons import icon
from handbook.main import nav
from handbook.orgs import history as org_history
from handbook.session_cookie import KeptCookieSessionInterface

# Each feature is a package with a blueprint `bp`; order is the order of registration.
FEATURES = ["main", "auth", "library", "search", "meetings", "notes", "year", "fees", "quiz", "voice", "examples",
            "study", "admin", "offline", "push"]
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def create_app(config: dict | None = None) -> Flask:
    app = Flask(
        __name__,
        template_folder=os.path.join(ROOT, "templates"),
        static_folder=os.path.join(ROOT, "static"),
        # Each application server may have its own (INSTANCE_PATH); nothing shared is kept there.
        instance_path=os.environ.get("INSTANCE_PATH") or os.path.join(ROOT, "instance"),
    )
    app.config.from_object(Config(app.instance_path))
    if config:
        app.config.update(config)
    add_connection_settings(app.config)
    check_production(app.config)
    os.makedirs(app.instance_path, exist_ok=True)
    app.session_interface = KeptCookieSessionInterface()
    if app.config["PROXY_COUNT"]:
        # Only what the shipped proxy config (deploy/haproxy.cfg) writes: the client's address
        # and scheme, appended. It never sets X-Forwarded-Host, so a client's own would be
        # believed (links built from it, such as the calendar's webcal:// address).
        n = app.config["PROXY_COUNT"]
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=n, x_proto=n, x_host=0, x_port=0, x_prefix=0)

    logs.init_app(app)
    reporting.init_app(app)
    metrics.init_app(app)
    jobs.init_app(app)
    db.init_app(app)
    migrate.init_app(app, db, directory=os.path.join(ROOT, "migrations"))
    csrf.init_app(app)
    limiter.init_app(app)
    _init_login(app)
    # First of the request guards: nothing else reads a parameter before it is checked.
    app.before_request(security.reject_control_characters)

    integers.register(app)  # before the blueprints: their rules take the converter when added
    for name in FEATURES:
        app.register_blueprint(import_module(f"handbook.{name}").bp)
    import_models()

    errors.register(app)
    timefmt.register(app)
    markdown.register(app)
    app.after_request(security.set_security_headers)
    app.wsgi_app = security.FixedHeaders(app.wsgi_app, production=app.config["HANDBOOK_ENV"] == "production")
    page_store.init_app(app)  # between the two: it keeps what compression made
    compression.init_app(app)
    app.before_request(security.force_password_change)
    # name_on: a record prints the name its organisation bore on the record's day (handbook/orgs).
    app.jinja_env.globals.update(asset_url=asset_url, icon=icon, is_htmx=security.is_htmx,
                                 is_prefetch=security.is_prefetch, page_url=pager.page_url,
                                 name_on=org_history.name_on)
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
    app.context_processor(_layout_context)
    nav.init_app(app)
    pipeline.trim(app)  # last: it looks at what the app and its blueprints declared

    from handbook.cli import register as register_cli

    register_cli(app)
    return app


def import_models() -> None:
    """Every feature's models, so metadata (and Alembic) sees all tables."""
    from importlib.util import find_spec

    import_module("handbook.orgs.models")
    import_module("handbook.audit")
    import_module("handbook.storage")
    import_module("handbook.editing.models")
    for name in FEATURES:
        if find_spec(f"handbook.{name}.models"):
            import_module(f"handbook.{name}.models")


def _init_login(app: Flask) -> None:
    from handbook.auth import messages as auth_messages
    from handbook.auth.service import load_session_user

    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    login_manager.login_message = auth_messages.LOGIN_FIRST
    login_manager.login_message_category = "info"
    login_manager.session_protection = None  # server-side sessions do this job
    login_manager.user_loader(load_session_user)


def _layout_context() -> dict:
    from handbook.auth import permissions

    return {"perm": permissions, **nav.layout_context()}


@event.listens_for(Engine, "connect")
def _sqlite_pragmas(dbapi_connection, connection_record):
    """SQLite: WAL for concurrent readers, foreign keys enforced, a busy wait not an error,
    and the Vietnamese collation that `collation.vi_order` names."""
    if type(dbapi_connection).__module__.startswith("sqlite3"):
        dbapi_connection.create_collation(collation.SQLITE_NAME, collation.compare)
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=5000")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()
