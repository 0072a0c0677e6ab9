"""Alembic environment: runs migrations against the app's own engine and metadata."""

from alembic import context
from flask import current_app

config = context.config
target_db = current_app.extensions["migrate"].db


def render_item(type_, obj, autogen_context):
    """Migrations must not import app code: our UTCDateTime is a plain DateTime in the schema."""
    if type_ == "type" and type(obj).__name__ == "UTCDateTime":
        return "sa.DateTime()"
    return False


def include_object(obj, name, type_, reflected, compare_to):
    """Search tables and triggers are written by hand in migrations, not in models."""
    return not (type_ == "table" and reflected and compare_to is None and ("fts" in name or name.startswith("search_")))


def run_migrations_offline():
    context.configure(url=str(target_db.engine.url), target_metadata=target_db.metadata, literal_binds=True,
                      render_item=render_item, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online():
    with target_db.engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_db.metadata,
            render_item=render_item,
            render_as_batch=True,  # SQLite needs batch mode for ALTER TABLE
            include_object=include_object,
            **{k: v for k, v in current_app.extensions["migrate"].configure_args.items() if k != "render_as_batch"},
        )
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
