"""How long the minutes may be: each text, each opinion and the whole, refused when saved.

Laying out the minutes book's PDF costs CPU in proportion to its text (0.5–2 s at these caps on
a busy 2-core machine, 5–13 s for 420,000 characters: benchmarks/README.md, "Minutes PDF at its
cap"), and every member of the cell may ask for it, so the minutes stay within what one PDF
renders in about a second, as the notebook export does (handbook/notes/export.py). The printed
minutes of a monthly meeting run to a few thousand characters; the caps leave a long thematic
meeting ample room.
"""

import json

from sqlalchemy import func, select

from handbook.domain import DomainError
from handbook.extensions import db
from handbook.meetings import messages as msg
from handbook.meetings.minutes.models import Minutes, MinutesOpinion
from handbook.meetings.tasks.models import Task

MAX_TEXT_CHARS = 20_000  # the conclusions, the resolution, one agenda item's summary
MAX_OPINION_CHARS = 5_000  # one speaker's opinion
MAX_TOTAL_CHARS = 60_000  # everything typed: texts, summaries, opinions, the resolution's tasks
# What the PDF refuses to lay out even so (minutes kept before the caps): the typed cap, plus
# room for the attendance by name and the votes' results.
MAX_BOOK_CHARS = 80_000

TEXT_FIELDS = ("held_from", "held_to", "place", "conclusions", "resolution")
FIELD_NAMES = {"conclusions": "Kết luận", "resolution": "Nghị quyết"}


def _n(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def _too_long(what: str, size: int, limit: int, field: str) -> DomainError:
    return DomainError(msg.MINUTES_TEXT_TOO_LONG.format(what=what, n=_n(size), max=_n(limit)), field=field)


def check_texts(texts: dict, notes: dict[str, str], item_titles: dict[str, str]) -> None:
    """Each text within its cap; the first one over it is named in the refusal."""
    for name, label in FIELD_NAMES.items():
        size = len(texts.get(name) or "")
        if size > MAX_TEXT_CHARS:
            raise _too_long(label, size, MAX_TEXT_CHARS, name)
    for key, text in notes.items():
        if len(text) > MAX_TEXT_CHARS:
            what = msg.ITEM_SUMMARY.format(title=item_titles.get(key, ""))
            raise _too_long(what, len(text), MAX_TEXT_CHARS, "conclusions")


def check_opinion(text: str) -> None:
    if len(text) > MAX_OPINION_CHARS:
        raise _too_long(msg.AN_OPINION, len(text), MAX_OPINION_CHARS, "text")


def _stored_extras(minutes: Minutes) -> int:
    """The opinions and the tasks' titles, as stored: counted in the database."""
    opinions = db.session.scalar(
        select(func.coalesce(func.sum(func.length(MinutesOpinion.text) + func.length(MinutesOpinion.speaker_name)), 0))
        .where(MinutesOpinion.minutes_id == minutes.id))
    tasks = db.session.scalar(select(func.coalesce(func.sum(func.length(Task.title)), 0))
                              .where(Task.meeting_id == minutes.meeting_id))
    return int(opinions) + int(tasks)


def _stored_notes(minutes: Minutes) -> list[str]:
    try:
        notes = json.loads(minutes.item_notes or "{}")
    except ValueError:
        return []
    return [text for text in notes.values() if isinstance(text, str)] if isinstance(notes, dict) else []


def total_size(minutes: Minutes, texts: dict | None = None, notes: dict[str, str] | None = None,
               extra: int = 0) -> int:
    """Characters typed into the minutes, with `texts` and `notes` instead of the stored ones when
    given, and `extra` more (an opinion or a task being added)."""
    texts = texts if texts is not None else {name: getattr(minutes, name) for name in TEXT_FIELDS}
    note_texts = list(notes.values()) if notes is not None else _stored_notes(minutes)
    typed = sum(len(texts.get(name) or "") for name in TEXT_FIELDS) + sum(len(t) for t in note_texts)
    return typed + _stored_extras(minutes) + extra


def check_total(size: int, field: str | None = None) -> None:
    if size > MAX_TOTAL_CHARS:
        raise DomainError(msg.MINUTES_TOO_LONG.format(n=_n(size), max=_n(MAX_TOTAL_CHARS)), field=field)


def printed_size(content) -> int:
    """Characters of every text in a record (a revision's content), as the book prints them."""
    if isinstance(content, str):
        return len(content)
    if isinstance(content, dict):
        return sum(printed_size(value) for value in content.values())
    if isinstance(content, list):
        return sum(printed_size(value) for value in content)
    return 0


def book_problem(content: dict) -> str | None:
    """Why the PDF of this record is not made (too long to lay out), or None."""
    size = printed_size(content)
    if size <= MAX_BOOK_CHARS:
        return None
    return msg.MINUTES_PDF_TOO_LONG.format(n=_n(size), max=_n(MAX_BOOK_CHARS))
