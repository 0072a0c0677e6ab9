"""One way to save what two people may change at once: a version counter on the row.

A form carries the version its text was typed on. Saved on a version that is no longer the
row's, nothing typed is lost: the stored text stays and the incoming one is kept beside it
(the autosaved texts in the one conflict store of handbook/editing, the agenda form shown back
with its text) for the person to choose or merge. Saved on the current version, the row's UPDATE says
`WHERE version = <the version read>` (SQLAlchemy's version_id_col), so two saves on the same
version cannot both win: the loser's flush matches no row, and `guarded_write` turns that
into `StaleVersion`, which the caller answers as a stale version (handbook/editing's
`store.guarded` does it for every autosaved text). The services set the numbers themselves.
"""

from contextlib import contextmanager

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import StaleDataError
from wtforms.validators import InputRequired

from handbook.domain import DomainError
from handbook.extensions import db
from handbook.integers import BoundedIntegerField


def versioned(column) -> dict:
    """`__mapper_args__` for a model whose every UPDATE checks `column` (bumped by its service)."""
    return {"version_id_col": column, "version_id_generator": False}


class StaleVersion(DomainError):
    """Someone else saved on the same version first."""

    status = 409


@contextmanager
def guarded_write():
    """What is written inside is flushed before the block ends. If another request's save won
    meanwhile (the row's version moved, or a first insert met the other's row), the
    transaction is rolled back and StaleVersion raised: the caller keeps both texts."""
    try:
        yield
        db.session.flush()
    except (StaleDataError, IntegrityError):
        db.session.rollback()
        raise StaleVersion() from None


def both_texts(current: str, incoming: str) -> str:
    """Both texts in one box, the stored one first: merging is editing, and nothing falls out of view."""
    return f"{current}\n\n––– Bản vừa gửi từ máy này (chưa gộp — gộp xong hãy xóa dòng này) –––\n\n{incoming}"


class VersionField(BoundedIntegerField):
    """The version a text was typed on, in a hidden input; a missing, garbled or out-of-range
    value is a Vietnamese error (`message`), never a crash."""

    def __init__(self, message: str, **kwargs):
        kwargs.setdefault("validators", [InputRequired(message=message)])
        super().__init__(minimum=0, message=message, **kwargs)
