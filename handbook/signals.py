"""The named seams between features: blinker signals, as Indico's modules use them.

A page that shows what other features offer sends a signal and collects the answers; each
feature connects its receivers in its own `hooks.py`. So the home page knows no panel, the
search page no source, the reader nothing of notes, and no feature imports another's
internals to plug in. Every seam of the app is declared here, with what it sends and what a
receiver answers; a receiver answers None when it has nothing to offer.
"""

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from blinker import NamedSignal, Namespace

_signals = Namespace()

home_panels = _signals.signal("home-panels", doc="""A card on the home page.

Sent with the user; answer a `HomePanel`, or None to show nothing. The cards' order is one
list, `handbook/main/home_order.py`, where a new card's name goes.""")

account_panels = _signals.signal("account-panels", doc="""A card on the account page.

Sent with the user; answer a `Panel`, or None to show nothing. What a card needs of the
member's rows it asks (`Panel.ask`, bound by `member_id`): the page reads them all, with the
member's cell, in one statement.""")

nav_entries = _signals.signal("nav-entries", doc="""An entry of the main navigation.

Sent once, with the app, when it is built; answer a `NavEntry`.""")

nav_context = _signals.signal("nav-context", doc="""Values the layout needs on every page (a badge).

Sent with no sender each time a template renders; answer a dict of template values. Make
costly values callables, so fragments that never draw the layout never compute them.""")

search_sources = _signals.signal("search-sources", doc="""A source of the search page.

Sent with no sender; answer a `handbook.search.registry.SearchSource` (connect with
`search_source` there, in the feature's hooks.py).""")

password_changed = _signals.signal("password-changed", doc="""An account's password changed.

Sent with the user and `by_admin` (False: the member changed it; True: an admin's reset);
whatever stands in for the password elsewhere (the calendar feed's secret) is renewed.
Answer a sentence the member should read after their own change, or None.""")

sections_superseded = _signals.signal("sections-superseded", doc="""A document got a new text.

Sent with the document now holding the text, `succession` — pairs (old section, the section
taking its place: same anchor, else the same article; or None) — and `kept` (True: the old
sections stay, an older version still readable; False: they are deleted after this). Sent
before anything is deleted; receivers move what hangs on the old sections (notes).""")

document_tools = _signals.signal("document-tools", doc="""A tool beside each document of the library's list and reader.

Sent with the user; answer a `Fragment`, or None. What it needs of the member it asks (`Ask`,
bound by `member_id` alone: the list shows many documents), read in the library's statement.""")

reader_marks = _signals.signal("reader-marks", doc="""A mark beside each section of the library's reader.

Sent with the user; answer a `Fragment`, or None. A mark that depends on the document asks
for it (`Ask`, bound by `member_id` and `document_id`): the reader reads every mark's facts in
its one statement. The marks of a page are drawn once per document version and contexts (keep
them hashable: frozensets, not sets).""")

periodic_work = _signals.signal("periodic-work", doc="""Work that falls due with time.

Sent once a minute by the scheduler (`flask jobs scheduler`) with `now=` (UTC); a receiver
enqueues (handbook.jobs.enqueue) what is due, and answers nothing. Work must be safe to run
twice.""")

dashboard_panels = _signals.signal("dashboard-panels", doc="""A card on the committee's dashboard.

Sent with the organisation whose subtree the dashboard shows and `year=`; answer a `Panel`,
or None to show nothing.""")

year_evidence = _signals.signal("year-evidence", doc="""What a member may cite as evidence of their year.

Sent with the user and `year=`; answer a list of `Evidence` (what another feature holds and
recognises of the member's year: a good example the committee approved), or None.""")

offline_documents = _signals.signal("offline-documents", doc="""Documents a member's phone should keep.

Sent with the user; answer a list of library documents the member is asked to read now (an
open study programme's), or None. The offline pack keeps every page of each one the member may
read, as it keeps the documents marked for offline.""")

members_notified = _signals.signal("members-notified", doc="""Members were told something in the app.

Sent with the meeting (or None), `user_ids`, `kind` (a notification kind), `message` (the
text shown in the app: never a note's text) and `url` (a path); a receiver may carry it further
(Web Push). Answer nothing.""")

offline_pages = _signals.signal("offline-pages", doc="""Pages a member's phone keeps for use without signal.

Sent with the user by the meeting pack (handbook/offline/pack.py); answer `OfflinePages` — the
feature's own pages, each with the ETag its view gives (handbook/conditional.py: `page_tag`) —
or None. The pack lists every answer's pages in `order`; a URL listed twice is kept once.""")


@dataclass(frozen=True)
class HomePanel:
    """A card of the home page: its template gets `context` as `panel`. `name` places it in the
    page's one order (`handbook/main/home_order.py`). A card that shows nothing by itself
    (`content` False: a hint the page's script may reveal) does not count when the page says it
    has nothing new."""

    name: str
    template: str
    context: dict
    content: bool = True


@dataclass(frozen=True)
class NavEntry:
    """A link of the main navigation, shown to users for whom `shown(user)` holds."""

    order: int
    endpoint: str
    label: str
    icon: str
    shown: Callable[[Any], bool] = field(default=lambda user: True)
    wide_only: bool = False  # on phones the bottom bar keeps to the entries every member uses


@dataclass(frozen=True)
class Ask:
    """What a fragment needs to know of the member, asked inside the page's own statement instead
    of by one of its own (the reader reads the document and everything of the member's on it in
    one round trip). `column` is a scalar SQL expression, built once, bound by `member_id` and,
    where the signal is sent with a document, `document_id`; `context(value)` is the fragment's
    context for the value it read."""

    column: Any
    context: Callable[[Any], dict]


@dataclass(frozen=True)
class Panel:
    """A card of the account page or the dashboard: its template gets `context` as `panel`.
    Lower `order` comes first. On the account page, a card that needs a fact of the member's
    answers `ask` (bound by `member_id`) and an empty context: the page reads every card's
    facts in its one statement (`answered`)."""

    order: int
    template: str
    context: dict
    content: bool = True
    ask: Ask | None = None


@dataclass(frozen=True)
class Fragment:
    """A piece drawn beside each of a list's things: a reader mark after each section (its
    template gets the section as `section` and `context` as `mark`), a document tool beside
    each document (the document as `document`, `context` as `tool`). A fragment that needs a
    fact of the member's answers `ask` and an empty context; the page fills it (`answered`)."""

    order: int
    template: str
    context: dict
    ask: Ask | None = None


def asked_columns(fragments: list) -> tuple:
    """The columns the fragments (or panels) ask, in their order: the page selects them in its
    statement."""
    return tuple(f.ask.column for f in fragments if f.ask is not None)


def answered(fragments: list, values) -> list:
    """The fragments (or panels) with their contexts made from `values`, one per asking one, in
    order."""
    values = iter(values)
    return [replace(f, context=f.ask.context(next(values)), ask=None) if f.ask is not None else f
            for f in fragments]


@dataclass(frozen=True)
class Evidence:
    """Something a member may cite in their year: `key` names it among every feature's offers
    ("example-12"), `label` is what the picker shows, `text` what the citation records."""

    key: str
    label: str
    text: str


@dataclass
class OfflinePage:
    """One page of the pack: `kind` is meeting, note, document or page (a further page of a
    document); `etag` the page's validator (None: drawn afresh); `aliases` other URLs of it."""

    url: str
    kind: str
    title: str
    etag: str | None
    aliases: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class OfflinePages:
    """A feature's pages for the pack, placed by `order`: meetings 10, notes 20, documents 30."""

    order: int
    pages: list[OfflinePage]


def answers(signal: NamedSignal, sender: Any = None, **kwargs) -> list:
    """What the receivers answered, Nones left out, in no particular order. The receivers are
    called here rather than by `send`, which asks of each whether it is a coroutine (the home
    page's thirteen cards paid that on every visit); every receiver of this app is a plain function."""
    if signal.is_muted:
        return []
    return [value for receiver in signal.receivers_for(sender) if (value := receiver(sender, **kwargs)) is not None]


def ordered(signal: NamedSignal, sender: Any = None, **kwargs) -> list:
    """The answers by their `order`: blinker calls receivers in no fixed order."""
    return sorted(answers(signal, sender, **kwargs), key=lambda answer: answer.order)
