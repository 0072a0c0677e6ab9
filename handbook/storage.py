"""Files the app keeps (document originals, CSV previews), in storage every node shares.

A province runs several application servers behind one balancer, so nothing may live on one
server's disk: a preview made on one node is confirmed on another. By default the bytes are a
row of the database (one thing to back up, one transaction with the rows that name them); the
sizes are already bounded where files come in (`MAX_UPLOAD_MB`, the CSV import's 5 MB, the
library's 10 MB). The interface is put, get and delete by key (and a purge by age), so an
S3-compatible store could stand behind it; none is offered yet.
"""

from contextlib import contextmanager
from datetime import datetime, timedelta

from sqlalchemy import Integer, LargeBinary, String, delete, select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Mapped, mapped_column

from handbook.extensions import db
from handbook.models_base import UTCDateTime, utcnow


class StorageUnavailable(Exception):
    """The storage did not answer: the request answers 503, and nothing is lost."""


class StoredFile(db.Model):
    __tablename__ = "stored_file"

    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)
    size: Mapped[int] = mapped_column(Integer)
    # Previews nobody confirms are purged by age (handbook/admin/previews.py).
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)


class DatabaseStore:
    """Bytes in the `stored_file` table, in the caller's transaction (the view commits)."""

    def put(self, key: str, data: bytes) -> None:
        with _answering():
            row = db.session.get(StoredFile, key) or StoredFile(key=key)
            row.data, row.size, row.created_at = data, len(data), utcnow()
            db.session.add(row)
            db.session.flush()

    def get(self, key: str) -> bytes | None:
        with _answering():
            return db.session.scalar(select(StoredFile.data).where(StoredFile.key == key))

    def delete(self, key: str) -> None:
        with _answering():
            db.session.execute(delete(StoredFile).where(StoredFile.key == key))

    def purge(self, prefix: str, older_than: timedelta, now: datetime | None = None) -> int:
        """Deletes files under `prefix` made more than `older_than` before `now`; returns how many."""
        with _answering():
            result = db.session.execute(delete(StoredFile).where(
                StoredFile.key.startswith(prefix, autoescape=True),
                StoredFile.created_at < (now or utcnow()) - older_than))
            return result.rowcount or 0


@contextmanager
def _answering():
    """Turns a database that does not answer into StorageUnavailable (a 503), rolled back."""
    try:
        yield
    except OperationalError as error:
        db.session.rollback()
        raise StorageUnavailable(str(error.orig)) from error


store = DatabaseStore()
