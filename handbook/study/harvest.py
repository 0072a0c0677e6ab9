"""A member's thu hoạch on a programme: found or started, saved without losing a word (the version
check of handbook/versioning.py, as the year's papers use it), submitted once to their cell.

The whole save is `save_text` (one function, a stale version keeping both texts) so that the
autosaving editor shared by notes, papers and minutes can take it over in a few lines. Services
flush; the view commits."""

from sqlalchemy import select

from handbook.domain import DomainError
from handbook.extensions import db
from handbook.models_base import utcnow
from handbook.study import messages as msg
from handbook.study.models import Harvest, Programme
from handbook.study.programmes import today
from handbook.timefmt import vn_date, vn_datetime
from handbook.versioning import StaleVersion, both_texts, guarded_write

MAX_TEXT = 20000


def find(user, programme: Programme) -> Harvest | None:
    return db.session.scalar(select(Harvest).where(Harvest.programme_id == programme.id,
                                                   Harvest.user_id == user.id))


def start(user, programme: Programme) -> Harvest:
    """A new, unsaved thu hoạch, to the member's cell of now."""
    if user.cell_id is None:
        raise DomainError(msg.NO_CELL)
    return Harvest(programme_id=programme.id, user_id=user.id, cell_id=user.cell_id, body="", status="writing",
                   version=0)


def _writable(harvest: Harvest, programme: Programme) -> None:
    if harvest.status == "submitted":
        raise DomainError(msg.ALREADY_SUBMITTED.format(time=vn_datetime(harvest.submitted_at)), status=409)
    if today() > programme.ends_on:
        raise DomainError(msg.PROGRAMME_CLOSED.format(day=vn_date(programme.ends_on)), status=409)
    if today() < programme.starts_on:
        raise DomainError(msg.PROGRAMME_NOT_STARTED.format(day=vn_date(programme.starts_on)), status=409)


def _write(harvest: Harvest, programme: Programme, body: str, base_version: int) -> tuple[str, str]:
    _writable(harvest, programme)
    body = (body or "").replace("\r\n", "\n")[:MAX_TEXT]  # a posted form's lines end "\r\n", an autosave's "\n"
    if harvest.id is not None and harvest.body == body:
        return "unchanged", body
    if harvest.id is not None and base_version != harvest.version:
        # Typed on an older version: nothing is written, the box shows both texts to merge.
        return "conflict", both_texts(harvest.body, body) if harvest.body else body
    harvest.body, harvest.updated_at = body, utcnow()
    harvest.version += 1
    if harvest.id is None:
        db.session.add(harvest)
    db.session.flush()
    return "saved", body


def save_text(user, programme: Programme, body: str, base_version: int) -> tuple[str, str]:
    """Saves `body` typed on `base_version`: ("saved" | "unchanged", the text) or ("conflict",
    both texts) when another device saved first — also when two saves race on one version (or
    both make the first row): the loser's flush fails, and it is answered from the winner's row."""
    harvest = find(user, programme) or start(user, programme)
    try:
        with guarded_write():
            return _write(harvest, programme, body, base_version)
    except StaleVersion:
        return _write(find(user, programme), programme, body, base_version)


def submit(harvest: Harvest | None, programme: Programme) -> Harvest:
    if harvest is None or not harvest.body.strip():
        raise DomainError(msg.HARVEST_EMPTY, field="body")
    _writable(harvest, programme)
    harvest.status, harvest.submitted_at = "submitted", utcnow()
    harvest.version += 1
    db.session.flush()
    return harvest
