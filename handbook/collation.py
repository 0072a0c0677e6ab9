"""Vietnamese alphabetical order — Đ after D, tones as Vietnamese readers expect — from ICU,
the same rules on both databases and in Python.

A hand-made table would miss cases (tone before or after the vowel's hat, Đ); ICU carries
CLDR's Vietnamese rules, kept up by the Unicode consortium. PostgreSQL has it built in as the
"vi-x-icu" collation; SQLite gets a collation named "vi" whose comparison is PyICU's collator
(PyICU==2.17 over the system's libicu), registered on every new connection (handbook/__init__.py). Lists sort in SQL
with `vi_order(column)`, and Python lists with `sort_key`.

PyICU (~7 MB per process) is not needed to read pages: SQLite's collation and Python's sorts
compare with `order_key`, a key of the same order for every string of Vietnamese letters,
digits, spaces and common punctuation (tests/test_collation.py holds it against ICU), and ask
ICU only for a string with anything else in it (a foreign letter, a symbol), so the order stays
exactly ICU's. ICU is loaded at write time, for the search index's stored keys (`sort_key`),
and on PostgreSQL never by the app (benchmarks/README.md, Fifth round: memory).
"""

import unicodedata
from functools import cache, cmp_to_key, lru_cache

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
    """ICU's key as bytes, for keys stored in the database and compared there."""
    return _collator().getSortKey(text or "")


def compare(a: str, b: str) -> int:
    """ICU's Vietnamese comparison, without ICU for the strings `_key` knows."""
    key_a, key_b = _key(a), _key(b)
    if key_a is None or key_b is None:
        return _collator().compare(a, b)
    return (key_a > key_b) - (key_a < key_b)


# For Python's sorts: sorted(names, key=order_key), the order of `compare`.
order_key = cmp_to_key(compare)

# ICU's Vietnamese rules (CLDR), level by level, for the characters names are made of.
# Level 1, the letter: the alphabet with ă â đ ê ô ơ ư as letters of their own, after spaces,
# punctuation and digits (one digit at a time: "10" before "2"), in ICU's order of them.
_PRIMARY = {ch: weight for weight, ch in enumerate(
    [*" _-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$0123456789",
     "a", "a\u0306", "a\u0302", "b", "c", "d", "\u0111", "e", "e\u0302", "f", "g", "h", "i", "j", "k", "l", "m",
     "n", "o", "o\u0302", "o\u031b", "p", "q", "r", "s", "t", "u", "u\u031b", "v", "w", "x", "y", "z"])}
# The marks that make a letter of its own (breve, circumflex, horn), in decomposed text.
_LETTER_MARKS = frozenset("\u0306\u0302\u031b")
# Level 2, the tone: none, huyền, hỏi, ngã, sắc, nặng. Level 3: lower case before upper.
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
_VOWELS = frozenset(["a", "a\u0306", "a\u0302", "e", "e\u0302", "i", "o", "o\u0302", "o\u031b", "u", "u\u031b", "y"])


@lru_cache(maxsize=8192)
def _key(text: str) -> tuple | None:
    """The three levels of ICU's key as tuples, or None when the text holds a character (or a
    mark on a letter) outside the table above, which ICU then compares."""
    chars = unicodedata.normalize("NFD", text)
    letters, tones, cases = [], [], []
    i, end = 0, len(chars)
    while i < end:
        base = chars[i]
        lower = base.lower()
        i += 1
        tone, letter = 0, lower
        while i < end and unicodedata.combining(chars[i]):  # NFD puts the dot below before the hat
            mark = chars[i]
            i += 1
            if mark in _TONES and not tone:
                tone = _TONES[mark]
            elif mark in _LETTER_MARKS and letter == lower:
                letter = lower + mark
            else:
                return None
        weight = _PRIMARY.get(letter)
        if weight is None or (tone and letter not in _VOWELS):
            return None
        letters.append(weight)
        tones.append(tone)
        cases.append(base != lower)
    return tuple(letters), tuple(tones), tuple(cases)


class vi_order(FunctionElement):  # noqa: N801 - reads as the SQL it stands for
    """`column COLLATE <Vietnamese>` for ORDER BY, whichever database runs the query."""

    inherit_cache = True


@compiles(vi_order)
def _sqlite(element, compiler, **kw):
    return f'{compiler.process(element.clauses, **kw)} COLLATE "{SQLITE_NAME}"'


@compiles(vi_order, "postgresql")
def _postgresql(element, compiler, **kw):
    return f'{compiler.process(element.clauses, **kw)} COLLATE "{POSTGRES_NAME}"'

