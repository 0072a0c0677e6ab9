"""Flask extensions, created unbound and bound in create_app."""

import click
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager
from flask_sqlalchemy import SQLAlchemy
from flask_wtf.csrf import CSRFProtect
from sqlalchemy import MetaData

# Named constraints keep Alembic migrations identical on SQLite and PostgreSQL.
naming = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class LazyMigrate:
    """Flask-Migrate, loaded only when migrations run: `flask db …`, or its functions
    (`flask_migrate.upgrade()`) called by the tests and the benchmarks. It brings Alembic and
    Mako (~11 MB per process) that a web worker, which never migrates, would hold for nothing
    (benchmarks/README.md, Fourth round: memory)."""

    def init_app(self, app, db, directory: str) -> None:
        pending = app.extensions["migrate"] = _PendingMigrateConfig(app, db, directory)
        app.cli.add_command(_MigrateCommands(pending))


def _load_migrate(app, db, directory: str):
    """Binds the real Flask-Migrate: it replaces the stand-ins in app.extensions and app.cli."""
    from flask_migrate import Migrate

    Migrate(app, db, directory=directory)
    return app.extensions["migrate"]


class _PendingMigrateConfig:
    """Stands in app.extensions["migrate"]: Flask-Migrate's functions and the migrations' env.py
    read their settings there, and the first read binds the real extension."""

    def __init__(self, app, db, directory: str):
        self.app, self._db, self._directory = app, db, directory

    def load(self):
        config = self.app.extensions["migrate"]
        return _load_migrate(self.app, self._db, self._directory) if config is self else config

    def __getattr__(self, name):
        return getattr(self.load(), name)


class _MigrateCommands(click.Command):
    """`flask db`: listed with the other commands, Flask-Migrate's group built only when run."""

    def __init__(self, pending: _PendingMigrateConfig):
        super().__init__("db", help="Perform database migrations.")
        self._pending = pending

    def make_context(self, info_name, args, parent=None, **extra):
        self._pending.load()
        return self._pending.app.cli.commands["db"].make_context(info_name, args, parent=parent, **extra)


db = SQLAlchemy(metadata=MetaData(naming_convention=naming))
migrate = LazyMigrate()
login_manager = LoginManager()
csrf = CSRFProtect()
limiter = Limiter(key_func=get_remote_address, default_limits=[])


def commit_keeping_what_was_read() -> None:
    """Commits a small write of a page read (the activity time, a read receipt) without expiring
    what the request has read: SQLAlchemy's default would read the login session, the member
    and the rest again at their next use, a statement each, for a write that changed none of
    them (benchmarks/README.md, A seventh pass and An eighth pass). Only for such writes: after
    a write that changes what was read, let the commit expire it."""
    request_session = db.session()  # the request's Session behind the scoped proxy
    expiring = request_session.expire_on_commit
    request_session.expire_on_commit = False
    try:
        request_session.commit()
    finally:
        request_session.expire_on_commit = expiring
