"""The documents a member marked "Tải về để đọc khi không có mạng", for the library to list in
the pack (the library knows its documents; this feature only the marks)."""

from sqlalchemy import select

from handbook.extensions import db
from handbook.offline.models import OfflineMark


def marked_document_ids(user_id: int) -> list[int]:
    """In the order they were marked."""
    return list(db.session.scalars(select(OfflineMark.document_id).where(OfflineMark.user_id == user_id)
                                   .order_by(OfflineMark.created_at, OfflineMark.id)))
