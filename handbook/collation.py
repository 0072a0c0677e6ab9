"""Vietnamese alphabetical order — Đ after D, tones as Vietnamese readers expect — from ICU,
the same rules on both databases and in Python.

A hand-made table would miss cases (tone before or after the vowel's hat, Đ); ICU carries
CLDR's Vietnamese rules, kept up by the Unicode consortium. PostgreSQL has it built in as the
"vi-x-icu" collation; SQLite gets a collation named "vi" whose comparison is PyICU's collator
(PyICU==2.17 over the system's libicu), registered on every new connection (handbook/__init__.py). Lists sort in SQL
with `vi_order(column)`, and Python lists with `sort_key`.

PyICU (~7 MB per process) is loaded the first time Python compares two names: a worker on
PostgreSQL, which sorts in SQL, may never need it (benchmarks/README.md, Fourth round: memory).
"""

from functools import cache

from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement

SQLITE_NAME = "vi"
POSTGRES_NAME = "vi-x-icu"


@cache
def _collator():
    # Collators are safe to share between threads for comparing (their const methods).
    import icu

    return icu.Collator.createInstance(icu.Locale("vi_VN"))


def sort_key(text: str | None) -> bytes:
    return _collator().getSortKey(text or "")


def compare(a: str, b: str) -> int:
    return _collator().compare(a, b)


class vi_order(FunctionElement):  # noqa: N801 - reads as the SQL it stands for
    """`column COLLATE <Vietnamese>` for ORDER BY, whichever database runs the query."""

    inherit_cache = True


@compiles(vi_order)
def _sqlite(element, compiler, **kw):
    return f'{compiler.process(element.clauses, **kw)} COLLATE "{SQLITE_NAME}"'


@compiles(vi_order, "postgresql")
def _postgresql(element, compiler, **kw):
    return f'{compiler.process(element.clauses, **kw)} COLLATE "{POSTGRES_NAME}"'

