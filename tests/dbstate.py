"""Database states the suite returns to between tests, restored instead of rebuilt.

Seeding the demo world and emptying every table cost ten times more than most tests
themselves, so each state is built once per test session and put back in one step:

- SQLite: the whole file is copied back from an in-memory copy with SQLite's backup API
  (a few milliseconds for the demo world).
- PostgreSQL: every table is emptied with DELETE (cheaper than TRUNCATE on small tables,
  which makes new files), the rows of the state are inserted again from a schema of
  copies, and each table's id sequence is set to follow them — all in one statement.

Ids start at 1 again after an empty state, as after a TRUNCATE … RESTART IDENTITY, and
after the world's largest id otherwise, as when it had just been seeded.
"""

import sqlite3

from sqlalchemy import text

from handbook.extensions import db

SNAPSHOT_SCHEMA = "test_state"


class SqliteStates:
    def __init__(self):
        self.saved: dict[str, sqlite3.Connection] = {}

    def save(self, name: str) -> None:
        copy = sqlite3.connect(":memory:", check_same_thread=False)
        with db.engine.connect() as conn:
            conn.connection.driver_connection.backup(copy)
        self.saved[name] = copy

    def restore(self, name: str) -> None:
        with db.engine.connect() as conn:
            self.saved[name].backup(conn.connection.driver_connection)

    def has(self, name: str) -> bool:
        return name in self.saved


class PostgresStates:
    def __init__(self):
        self.tables = [t.name for t in db.metadata.sorted_tables]  # parents before children
        self.saved: dict[str, str] = {}
        with db.engine.connect() as conn:
            self.columns = {table: ", ".join(f'"{c}"' for c in conn.scalars(text(
                "SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' "
                "AND table_name = :t AND is_generated = 'NEVER' ORDER BY ordinal_position"), {"t": table}))
                for table in self.tables}
            self.sequences = {table: seq for table in self.tables if '"id"' in self.columns[table].split(", ")
                              and (seq := conn.scalar(text("SELECT pg_get_serial_sequence(:t, 'id')"),
                                                      {"t": f'public."{table}"'}))}
        self.empty = "".join(f'DELETE FROM public."{t}";' for t in reversed(self.tables))

    def save(self, name: str) -> None:
        schema = f"{SNAPSHOT_SCHEMA}_{name}"
        # Rows come back as they were saved: the content-version triggers (and the foreign keys'
        # own) stay quiet while the state is put back.
        steps = ["PERFORM set_config('session_replication_role', 'replica', true);", self.empty]
        with db.engine.begin() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE; CREATE SCHEMA "{schema}"'))
            for table in self.tables:
                if not conn.scalar(text(f'SELECT EXISTS (SELECT 1 FROM public."{table}")')):
                    continue
                cols = self.columns[table]
                conn.execute(text(f'CREATE TABLE "{schema}"."{table}" AS SELECT {cols} FROM public."{table}"'))
                steps.append(f'INSERT INTO public."{table}" ({cols}) SELECT {cols} FROM "{schema}"."{table}";')
            for table, sequence in self.sequences.items():
                top = conn.scalar(text(f'SELECT max(id) FROM public."{table}"'))
                steps.append(f"SELECT setval('{sequence}', {top}, true);" if top
                             else f"SELECT setval('{sequence}', 1, false);")
        self.saved[name] = "DO $$ BEGIN " + "".join(
            step if not step.startswith("SELECT") else "PERFORM" + step[len("SELECT"):] for step in steps) + " END $$"

    def restore(self, name: str) -> None:
        with db.engine.begin() as conn:
            conn.execute(text(self.saved[name]))

    def has(self, name: str) -> bool:
        return name in self.saved


def states_for_engine():
    return PostgresStates() if db.engine.dialect.name == "postgresql" else SqliteStates()
