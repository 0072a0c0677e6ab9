"""Search terms as a full-text query for each database: an FTS5 MATCH string for SQLite,
a tsquery written into the SQL for PostgreSQL.

Terms come from `handbook.vietnamese.parse_query`, so only letters and digits reach the
engine: FTS syntax typed by a member is inert. Every term must match; a quoted term is a
phrase; the last word may be unfinished ("neu guo" finds "nêu gương"). Typed words only
ever match an entry's text (title and body, and for some searches its reference words),
never its facets, which are the filters the app adds (`Facets`).
"""

import re
from dataclasses import dataclass, field

# The columns typed words are matched in: TEXT for every search, TEXT_AND_REF where the
# reference words (a section's document number, level and number) count too.
TEXT = ("title", "body")
TEXT_AND_REF = ("title", "body", "ref")
PG_CONFIG = "handbook_search"


def words(term: str) -> list[str]:
    return [w for w in re.split(r"[\W_]+", term) if w]


def usable(terms: list[str]) -> list[str]:
    return [t for t in terms if words(t)]


def prefix_ok(terms: list[str]) -> bool:
    """Search-as-you-type: the last word may be unfinished, if it is one word of 2+ letters."""
    last = words(terms[-1])
    return len(last) == 1 and len(last[0]) >= 2 and last[0].isascii()


@dataclass
class Facets:
    """Filters as facet words: any of several all-of groups, and none of some words.
    Facets([["a12", "pub"], ["a45"]], none_of=["inactive"]) is ((a12 AND pub) OR a45) AND
    NOT inactive. Facet words are made by the app (letters and digits only). A word most
    entries carry is cheaper asked for as none_of its rare opposite."""

    any_of: list[list[str]] = field(default_factory=list)
    none_of: list[str] = field(default_factory=list)

    def __post_init__(self):
        for name in [n for group in self.any_of for n in group] + self.none_of:
            if not re.fullmatch(r"[a-z0-9]+", name):
                raise ValueError(f"bad facet {name!r}")

    def sqlite(self, match: str) -> str:
        if self.any_of:
            match += " AND facets : (" + " OR ".join("(" + " AND ".join(g) + ")" for g in self.any_of) + ")"
        if self.none_of:
            match = f"({match}) NOT facets : ({' OR '.join(self.none_of)})"
        return match

    def pg(self, tsquery: str) -> str:
        if self.any_of:
            groups = " | ".join("(" + " & ".join(f"''_{name}''" for name in g) + ")" for g in self.any_of)
            tsquery += f" && '{groups}'::tsquery"
        if self.none_of:
            tsquery += " && '!(" + " | ".join(f"''_{name}''" for name in self.none_of) + ")'::tsquery"
        return f"({tsquery})"


def sqlite_match(terms: list[str], columns=TEXT, facets: Facets | None = None) -> str:
    prefix = prefix_ok(terms)
    parts = []
    for i, term in enumerate(terms):
        phrase = '"' + " ".join(words(term)) + '"'
        if prefix and i == len(terms) - 1:
            phrase += "*"
        parts.append(phrase)
    match = "{" + " ".join(columns) + "} : (" + " AND ".join(parts) + ")"
    return facets.sqlite(match) if facets is not None else match


def pg_match(terms: list[str], columns=TEXT, facets: Facets | None = None) -> str:
    """An SQL expression of type tsquery. Reference words are weighted A in the vector and
    text D, so a search that must not read them asks for D only."""
    label = "" if "ref" in columns else "D"
    prefix = prefix_ok(terms)
    parts = []
    for i, term in enumerate(terms):
        term_words = words(term)
        if prefix and i == len(terms) - 1:
            parts.append(f"{term_words[0]}:*{label}")
        else:
            parts.append("(" + " <-> ".join(f"{w}:{label}" if label else w for w in term_words) + ")")
    query = " & ".join(parts)
    if not re.fullmatch(r"[\w\s&<>()\-:*]*", query):
        raise ValueError("unexpected character in a search query")
    sql = f"to_tsquery('{PG_CONFIG}', '{query}')"
    return facets.pg(sql) if facets is not None else sql
