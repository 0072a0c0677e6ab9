"""The registry of autosaved texts: what each kind is called and how its texts are read and
written back. Adding a text to the shared editor is one `register(TextKind(...))` in the
owning feature (see handbook/notes/editor.py for the shortest one)."""

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class TextKind:
    name: str  # stored in TextConflict.kind: never rename one that has rows
    label: str  # what the writer calls it, in a sentence: "ghi chép", "bản kiểm điểm"
    texts: Callable[[object], dict[str, str]]  # the row's texts, by field name
    write: Callable[[object, dict[str, str]], None]  # puts chosen texts back (the store bumps the version)
    labels: Callable[[object], dict[str, str]] = field(default=lambda row: {})  # field -> its title on the page


KINDS: dict[str, TextKind] = {}


def register(kind: TextKind) -> TextKind:
    KINDS[kind.name] = kind
    return kind


def kind_named(name: str) -> TextKind:
    return KINDS[name]
