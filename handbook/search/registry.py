"""Search sources: each feature registers one function; the search page asks them all.

A source is `source(user, terms, limit) -> list[SearchHit]`, where `terms` are folded
terms from `handbook.vietnamese.parse_query`. It must return only what `user` may see.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from markupsafe import Markup


@dataclass
class SearchHit:
    kind: str  # label shown to the user: "Văn bản", "Chương trình họp", "Ghi chép của tôi"
    title: str
    url: str  # deep link, with the #anchor where there is one
    snippet: Markup
    rank: float = 0.0  # higher is better, comparable within a source
    when: datetime | None = None
    extra: dict = field(default_factory=dict)


SOURCES: list[tuple[str, Callable]] = []


def search_source(name: str):
    def register(fn):
        SOURCES.append((name, fn))
        return fn

    return register
