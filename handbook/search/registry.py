"""Search sources: each feature connects one function to the search_sources signal with
`search_source(name)(function)` in its hooks.py; the search page asks them all.

A source is `source(user, terms, limit) -> list[SearchHit]`, where `terms` are folded
terms from `handbook.vietnamese.parse_query`. It must return only what `user` may see.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from itertools import count

from markupsafe import Markup

from handbook.signals import answers, search_sources


@dataclass
class SearchHit:
    kind: str  # label shown to the user: "Văn bản", "Chương trình họp", "Ghi chép của tôi"
    title: str
    url: str  # deep link, with the #anchor where there is one
    snippet: Markup
    rank: float = 0.0  # higher is better, comparable within a source
    when: datetime | None = None
    extra: dict = field(default_factory=dict)


@dataclass(frozen=True)
class SearchSource:
    order: int  # the order sources were connected in: it settles ties between their hits
    name: str
    search: Callable[..., list[SearchHit]]


_connected = count()


def search_source(name: str):
    """Connects a function to the search_sources signal as the source `name`: a hooks.py calls
    `search_source(name)(function)`."""

    def register(fn):
        source = SearchSource(next(_connected), name, fn)
        search_sources.connect(lambda sender: source, weak=False)
        return fn

    return register


def sources() -> list[SearchSource]:
    return sorted(answers(search_sources), key=lambda source: source.order)


def source_named(name: str) -> Callable[..., list[SearchHit]]:
    return next(source.search for source in sources() if source.name == name)
