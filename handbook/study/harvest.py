"""A member's thu hoạch on a programme: found or started, saved in the autosaving editor shared with
notes, the year's papers and the minutes (handbook/editing: a stale version keeps both texts for
the member's choice), submitted once to their cell. Services flush; the view commits."""

from sqlalchemy import select

from handbook.domain import DomainError
from handbook.editing import store
from handbook.editing.kinds import TextKind, register
from handbook.extensions import db
from handbook.models_base import utcnow
from handbook.study import messages as msg
from handbook.study.models import Harvest, Programme
from handbook.study.programmes import today
from handbook.timefmt import vn_date, vn_datetime
from handbook.versioning import both_texts

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


def _texts_of(harvest: Harvest) -> dict[str, str]:
    return {"body": harvest.body or ""}


def _write_texts(harvest: Harvest, texts: dict[str, str]) -> None:
    """The writer's choice after a conflict, put back: only while the thu hoạch may still change."""
    _writable(harvest, harvest.programme)
    harvest.body = (texts.get("body") or "")[:MAX_TEXT]
    harvest.updated_at = utcnow()


# The thu hoạch's place in the shared editor (handbook/editing): one text, its body.
HARVEST = register(TextKind(name="harvest", label="bản thu hoạch", texts=_texts_of, write=_write_texts))


def save(harvest: Harvest, programme: Programme, body: str, base_version: int) -> tuple[str, str]:
    """Writes `body` typed on `base_version`: ("saved" | "unchanged", "") or, on a stale version,
    ("conflict", both texts in one) with the row unchanged and the text sent kept in the shared
    conflict store for the member's choice."""
    _writable(harvest, programme)
    body = (body or "").replace("\r\n", "\n")[:MAX_TEXT]  # a posted form's lines end "\r\n", an autosave's "\n"
    if harvest.body == body:
        return "unchanged", ""
    if harvest.id is not None and base_version != harvest.version:
        store.keep_conflict(HARVEST, harvest, {"body": body}, base_version, harvest.user_id)
        return "conflict", both_texts(harvest.body, body) if harvest.body else body
    harvest.body, harvest.updated_at = body, utcnow()
    harvest.version += 1
    if harvest.id is None:
        db.session.add(harvest)
    db.session.flush()
    return "saved", ""


def save_text(user, programme: Programme, body: str, base_version: int) -> tuple[str, str]:
    """`save` under the shared version guard: when two saves race on one version (or both make
    the first row), the loser is answered from the winner's row, as typed on an older version."""
    return store.guarded(lambda row: save(row, programme, body, base_version),
                         find(user, programme) or start(user, programme), lambda: find(user, programme))


def submit(harvest: Harvest | None, programme: Programme) -> Harvest:
    if harvest is None or not harvest.body.strip():
        raise DomainError(msg.HARVEST_EMPTY, field="body")
    _writable(harvest, programme)
    harvest.status, harvest.submitted_at = "submitted", utcnow()
    harvest.version += 1
    db.session.flush()
    return harvest
