"""The one search index: a row per searchable thing (a library section, a meeting's agenda
or final minutes, a note, a member, an answer published to a FAQ, an approved good example),
holding the text to match and the facets to filter on.

The full-text part is database-specific and made by the migration, not by these models:
on SQLite an FTS5 table per kind (`search_fts_section` …, kept in step by triggers on this
table), on PostgreSQL the stored `tsv` column of this table with a GIN index per kind.
"""

from sqlalchemy import BigInteger, Index, Integer, LargeBinary, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column

from handbook.extensions import db


class SearchEntry(db.Model):
    __tablename__ = "search_entry"
    __table_args__ = (
        UniqueConstraint("kind", "ref_id"),
        # Members in list order (migration 0027): a page of a common name's matches is read
        # walking this index, never by sorting every match with the Vietnamese collation.
        Index("ix_search_entry_member_order", "sort_key", "id", sqlite_where=text("kind = 'member'"),
              postgresql_where=text("kind = 'member'")),
    )

    # Chosen by the kind (handbook/search/index.py), not generated: each kind owns one range
    # of ids, ordered the way its lists are read (meetings by start time), so "the newest
    # matches" is a walk down the ids on both databases. SQLite needs the plain INTEGER
    # type for the id to be the rowid, which FTS5 uses.
    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True,
                                    autoincrement=False)
    kind: Mapped[str] = mapped_column(String(10))  # section, agenda, minutes, note, member, faq, example, study
    ref_id: Mapped[int]  # the id of the row it was made from, in that kind's own table
    title: Mapped[str] = mapped_column(Text, default="")
    body: Mapped[str] = mapped_column(Text, default="")
    ref: Mapped[str] = mapped_column(Text, default="")  # reference words only some searches read
    facets: Mapped[str] = mapped_column(Text, default="")  # "_a1 _a5 _pub": filters, never typed words
    # Where the entry stands in its list, as bytes compared byte by byte: for members the ICU
    # sort key of the name (handbook.collation.sort_key), i.e. the Vietnamese alphabetical order
    # both databases sort names in, but readable from a plain index. None for other kinds.
    sort_key: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
