"""The versioned save and the conflict store every autosaved text shares. Services flush;
the view commits."""

from collections.abc import Callable
from typing import TypeVar

from sqlalchemy import select

from handbook.editing.kinds import TextKind
from handbook.editing.models import TextConflict
from handbook.extensions import db
from handbook.models_base import utcnow
from handbook.versioning import StaleVersion, guarded_write

T = TypeVar("T")
CHOICES = ("mine", "other", "both")


def guarded(attempt: Callable[[object], T], row, find: Callable[[], object]) -> T:
    """`attempt(row)` under the version guard. When another save on the same version (or the
    first insert of the same row) wins meanwhile, it is tried again on the row as stored now:
    the text is then typed on an older version, and the attempt keeps it as a conflict."""
    try:
        with guarded_write():
            return attempt(row)
    except StaleVersion:
        return attempt(find())


def keep_conflict(kind: TextKind, row, texts: dict[str, str], based_on: int, author_id: int | None) -> TextConflict:
    """Keeps `texts` typed on `based_on` beside the stored ones (flushed). The same writer's
    later saves on the same version update their copy: it follows their typing."""
    conflict = db.session.scalar(select(TextConflict).where(
        TextConflict.kind == kind.name, TextConflict.row_id == row.id, TextConflict.based_on == based_on,
        TextConflict.author_id.is_(None) if author_id is None else TextConflict.author_id == author_id))
    if conflict is None:
        conflict = TextConflict(kind=kind.name, row_id=row.id, based_on=based_on, author_id=author_id,
                                created_at=utcnow())
        db.session.add(conflict)
    conflict.texts = texts
    conflict.updated_at = utcnow()
    db.session.flush()
    return conflict


def pending(kind: TextKind, row) -> list[TextConflict]:
    """The texts still waiting for the writer's choice, oldest first."""
    if row is None or row.id is None:
        return []
    return list(db.session.scalars(select(TextConflict).where(
        TextConflict.kind == kind.name, TextConflict.row_id == row.id).order_by(TextConflict.id)))


def find_conflict(kind: TextKind, row, conflict_id: int) -> TextConflict | None:
    """A conflict of this very row: an id of another row or kind finds nothing."""
    conflict = db.session.get(TextConflict, conflict_id)
    if conflict is None or conflict.kind != kind.name or row is None or conflict.row_id != row.id:
        return None
    return conflict


def differing(kind: TextKind, row, conflict: TextConflict) -> list[tuple[str, str, str]]:
    """(title, stored text, kept text) of each field the two disagree on, for the page."""
    stored, labels = kind.texts(row), kind.labels(row)
    return [(labels.get(name, ""), stored.get(name, ""), text) for name, text in conflict.texts.items()
            if (text or "") != (stored.get(name) or "")]


def _joined(stored: str, mine: str) -> str:
    if not stored.strip() or stored == mine:
        return mine
    if not mine.strip():
        return stored
    return f"{stored.rstrip()}\n\n{mine.lstrip()}"


def resolve(kind: TextKind, row, conflict: TextConflict, choice: str) -> dict[str, str]:
    """The writer's choice: keep the kept texts (`mine`), the stored ones (`other`), or both one
    after the other. Returns the texts set aside, for the feature to keep in its history."""
    stored, mine = kind.texts(row), conflict.texts
    if choice == "other":
        chosen, set_aside = {}, mine
    elif choice == "mine":
        chosen, set_aside = mine, {name: stored.get(name, "") for name in mine}
    else:
        chosen = {name: _joined(stored.get(name) or "", text or "") for name, text in mine.items()}
        set_aside = {name: stored.get(name, "") for name in mine}
    if any((text or "") != (stored.get(name) or "") for name, text in chosen.items()):
        kind.write(row, chosen)
        row.version += 1
    db.session.delete(conflict)
    db.session.flush()
    return set_aside
