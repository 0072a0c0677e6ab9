"""The one conflict store: texts sent on a version another save had already replaced, kept on
the server beside the stored text until the writer chooses which to keep."""

import json
from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from handbook.extensions import db
from handbook.models_base import UTCDateTime, utcnow


class TextConflict(db.Model):
    """One writer's texts typed on `based_on`, a version of row `row_id` of text kind `kind`
    that was no longer current. One per writer and version: their later autosaves on the same
    version update it. Deleted when the writer chooses (the feature keeps what was set aside)."""

    __tablename__ = "text_conflict"
    __table_args__ = (Index("ix_text_conflict_row", "kind", "row_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))  # a registered TextKind's name
    row_id: Mapped[int]
    based_on: Mapped[int]  # the version the texts were typed on
    texts_json: Mapped[str] = mapped_column("texts", Text, default="{}")  # {field: text}
    author_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    @property
    def texts(self) -> dict[str, str]:
        return json.loads(self.texts_json or "{}")

    @texts.setter
    def texts(self, value: dict[str, str]) -> None:
        self.texts_json = json.dumps(value, ensure_ascii=False)
