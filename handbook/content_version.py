"""One content version per page-owning row (a meeting, a document, a note, a member), bumped by
the database itself in the same transaction as any change to what its pages show.

A page's validator (handbook/conditional.py) and its render cache (meetings/parts.py) read this
one integer instead of rebuilding what the page shows from a dozen tables. It is kept by
triggers rather than by a SQLAlchemy flush event because a good part of the app changes rows
with bulk statements (`update(Vote)…`, `delete(Rsvp)…`, `insert(Ballot)…`) that never pass
through a flush; a trigger sees those, raw SQL and the ORM alike, and commits or rolls back
with the change. Bumping is `content_version + 1` in the row's own UPDATE, so two
transactions cannot both write the same next number.

A migration declares the links (a child table, its parent table, and the SQL naming the
parent's id from the child row) and calls `create_triggers`; each parent also bumps itself on
any UPDATE of its own row that did not already set the version.
"""

from dataclasses import dataclass

from sqlalchemy.orm import mapped_column


@dataclass(frozen=True)
class Link:
    """A row of `child` changes what the page of a `parent` row shows. `parent_id` is SQL over
    the child row, written with `{row}` for it (`{row}.meeting_id`, or a subquery)."""

    child: str
    parent: str
    parent_id: str

    @property
    def name(self) -> str:
        return f"cv_{self.child}_{self.parent}"


def _q(table: str) -> str:
    return f'"{table}"'  # `user` is a reserved word on PostgreSQL


def _bump(parent: str, ids: list[str]) -> str:
    return (f"UPDATE {_q(parent)} SET content_version = content_version + 1 "
            f"WHERE id IN ({', '.join(ids)})")


def _sqlite(link: Link) -> list[str]:
    new, old = link.parent_id.format(row="NEW"), link.parent_id.format(row="OLD")
    return [
        f"CREATE TRIGGER {link.name}_ins AFTER INSERT ON {_q(link.child)} "
        f"BEGIN {_bump(link.parent, [new])}; END",
        f"CREATE TRIGGER {link.name}_upd AFTER UPDATE ON {_q(link.child)} "
        f"BEGIN {_bump(link.parent, [old, new])}; END",
        f"CREATE TRIGGER {link.name}_del AFTER DELETE ON {_q(link.child)} "
        f"BEGIN {_bump(link.parent, [old])}; END",
    ]


def _postgres(link: Link) -> list[str]:
    new, old = link.parent_id.format(row="NEW"), link.parent_id.format(row="OLD")
    body = (f"BEGIN IF TG_OP <> 'INSERT' THEN {_bump(link.parent, [old])}; END IF; "
            f"IF TG_OP <> 'DELETE' THEN {_bump(link.parent, [new])}; END IF; RETURN NULL; END")
    return [
        f"CREATE FUNCTION {link.name}() RETURNS trigger LANGUAGE plpgsql AS $$ {body} $$",
        f"CREATE TRIGGER {link.name} AFTER INSERT OR UPDATE OR DELETE ON {_q(link.child)} "
        f"FOR EACH ROW EXECUTE FUNCTION {link.name}()",
    ]


def _own(dialect: str, parent: str) -> list[str]:
    """The parent's own edits (a title, a status, a document's text) bump it too, unless the
    UPDATE is itself a bump."""
    name = f"cv_{parent}_self"
    if dialect == "postgresql":
        body = ("BEGIN IF NEW.content_version IS NOT DISTINCT FROM OLD.content_version THEN "
                "NEW.content_version := OLD.content_version + 1; END IF; RETURN NEW; END")
        return [f"CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ {body} $$",
                f"CREATE TRIGGER {name} BEFORE UPDATE ON {_q(parent)} FOR EACH ROW EXECUTE FUNCTION {name}()"]
    # SQLite cannot assign NEW; recursive triggers are off, so this UPDATE fires nothing again.
    return [f"CREATE TRIGGER {name} AFTER UPDATE ON {_q(parent)} "
            "WHEN NEW.content_version = OLD.content_version "
            f"BEGIN UPDATE {_q(parent)} SET content_version = OLD.content_version + 1 WHERE id = NEW.id; END"]


def create_statements(dialect: str, parents: list[str], links: list[Link]) -> list[str]:
    statements = [s for parent in parents for s in _own(dialect, parent)]
    for link in links:
        statements += _postgres(link) if dialect == "postgresql" else _sqlite(link)
    return statements


def drop_statements(dialect: str, parents: list[str], links: list[Link]) -> list[str]:
    if dialect == "postgresql":
        names = [f"cv_{parent}_self" for parent in parents] + [link.name for link in links]
        return [f"DROP FUNCTION IF EXISTS {name}() CASCADE" for name in names]
    names = [f"cv_{parent}_self" for parent in parents]
    names += [f"{link.name}_{op}" for link in links for op in ("ins", "upd", "del")]
    return [f"DROP TRIGGER IF EXISTS {name}" for name in names]


def column():
    """The column itself, on each parent's model: written by the triggers only, never by Python."""
    return mapped_column(default=1, server_default="1")
