"""Documents of the directives library and their addressable sections."""

from datetime import date, datetime

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint, event
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship, validates

from handbook import content_version
from handbook.extensions import db
from handbook.models_base import UTCDateTime, utcnow

DOC_TYPES = {
    "CT": "Chỉ thị",
    "QĐ": "Quy định",
    "QĐi": "Quy định",
    "NQ": "Nghị quyết",
    "KL": "Kết luận",
    "HD": "Hướng dẫn",
    "ĐA": "Đề án",
    "TB": "Thông báo",
}
STATUS_LABELS = {"active": "Còn hiệu lực", "expired": "Hết hiệu lực"}
SECTION_LEVELS = ("phan", "chuong", "muc", "dieu", "khoan", "diem", "plain")


class Document(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(60), index=True)  # số hiệu, e.g. 08-QĐi/TW
    doc_type: Mapped[str] = mapped_column(String(40))  # loại: "Quy định"
    issuer: Mapped[str] = mapped_column(String(200), default="")  # cơ quan ban hành
    issued_on: Mapped[date | None]
    # The year of issue, kept with the date (see `_year_of_issue`); alone when only the year is
    # known (the starter set gives the year where no source of ours holds the day).
    issued_year: Mapped[int | None]
    title: Mapped[str] = mapped_column(String(500))  # trích yếu
    status: Mapped[str] = mapped_column(String(10), default="active")
    # Indexed: the reader asks which documents a document replaced on every visit.
    replaced_by_id: Mapped[int | None] = mapped_column(ForeignKey("document.id"), index=True)
    slug: Mapped[str] = mapped_column(String(120), unique=True)
    # None: the whole deployment; otherwise only members within this organisation's subtree.
    org_id: Mapped[int | None] = mapped_column(ForeignKey("organization.id"), index=True)
    is_summary: Mapped[bool] = mapped_column(default=False)
    original_filename: Mapped[str | None] = mapped_column(String(255))
    original_path: Mapped[str | None] = mapped_column(String(255))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Indexed: the library's search reads the newest change (and the count) on every search.
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow, index=True)
    # Its text and who must study it, in one number (handbook/content_version.py): the reader's validator.
    content_version: Mapped[int] = content_version.column()

    sections: Mapped[list["Section"]] = relationship(
        back_populates="document", order_by="Section.position", cascade="all, delete-orphan"
    )
    replaced_by: Mapped["Document | None"] = relationship(remote_side=[id])

    @property
    def status_label(self) -> str:
        return STATUS_LABELS.get(self.status, self.status)

    @property
    def name(self) -> str:
        """How a member names it: "Quy định 366-QĐ/TW", or "Điều lệ Đảng", which has no số hiệu."""
        if self.number.startswith(self.doc_type):
            return self.number
        return f"{self.doc_type} {self.number}".strip()

    @property
    def has_full_text(self) -> bool:
        """False while the library holds only its metadata and our summary ("chưa có toàn văn")."""
        return not self.is_summary

    @validates("issued_on")
    def _year_of_issue(self, key, value):
        if value is not None:
            self.issued_year = value.year
        return value


class Section(db.Model):
    __table_args__ = (UniqueConstraint("document_id", "anchor"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("document.id", ondelete="CASCADE"), index=True)
    position: Mapped[int]
    level: Mapped[str] = mapped_column(String(10))
    number: Mapped[str] = mapped_column(String(20), default="")
    heading: Mapped[str] = mapped_column(String(500), default="")
    text: Mapped[str] = mapped_column(Text, default="")
    anchor: Mapped[str] = mapped_column(String(80))  # "dieu-3", "dieu-3-khoan-2"
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("section.id", ondelete="CASCADE"))

    document: Mapped[Document] = relationship(back_populates="sections")
    parent: Mapped["Section | None"] = relationship(remote_side=[id])

    @property
    def display_name(self) -> str:
        """What a reader calls it: "Điều 3 khoản 2", else its heading."""
        from handbook.library.structure import anchor_label

        return anchor_label(self.anchor) or self.heading or self.anchor

    @property
    def full_name(self) -> str:
        """"Điều 3. Nội dung nêu gương" — the words a reader expects, not the bare number."""
        name = self.display_name
        return f"{name}. {self.heading}" if self.heading and self.heading != name else name

    def full_text(self) -> str:
        """The article whole, as the reader shows it: its own text, then its clauses "1." and
        points "a)" (stored as sections of their own, right after it)."""
        from sqlalchemy import select

        from handbook.extensions import db

        rows = db.session.execute(
            select(Section.id, Section.parent_id, Section.level, Section.number, Section.text)
            .where(Section.document_id == self.document_id, Section.position > self.position)
            .order_by(Section.position)).all()
        inside, lines = {self.id}, [self.text] if self.text else []
        for row in rows:
            if row.parent_id not in inside:
                break  # past the article's last point
            inside.add(row.id)
            mark = f"{row.number}." if row.level == "khoan" else f"{row.number})"
            lines.append(f"{mark} {row.text}".strip())
        return "\n".join(lines)


class StudyAssignment(db.Model):
    """Required study: a document assigned to a cell or a whole subtree, with a deadline."""

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("document.id", ondelete="CASCADE"), index=True)
    org_id: Mapped[int] = mapped_column(ForeignKey("organization.id"), index=True)
    due_on: Mapped[date | None]
    assigned_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    document: Mapped[Document] = relationship()


class StudyMark(db.Model):
    """A member marked a document as studied ("đã học")."""

    __table_args__ = (UniqueConstraint("user_id", "document_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("document.id", ondelete="CASCADE"), index=True)
    studied_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Bookmark(db.Model):
    """A member's bookmark on a section; kept across re-imports while the anchor survives."""

    __table_args__ = (UniqueConstraint("user_id", "section_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    section_id: Mapped[int] = mapped_column(ForeignKey("section.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    section: Mapped[Section] = relationship()


class ReadingPosition(db.Model):
    """Where a member last was in a document, by anchor (anchors survive re-imports)."""

    __table_args__ = (UniqueConstraint("user_id", "document_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("document.id", ondelete="CASCADE"), index=True)
    anchor: Mapped[str] = mapped_column(String(80))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


@event.listens_for(Session, "before_flush")
def _touch_documents(session, flush_context, instances) -> None:
    """A section written, added or removed moves its document's updated_at: the reader's page
    layout and the library search's results are kept per document state, keyed on it, so a
    section changed any way (an import, a script, a test) is seen at once on every node."""
    changed = [obj for obj in (*session.new, *session.dirty, *session.deleted)
               if isinstance(obj, Section) and (obj in session.deleted or session.is_modified(obj))]
    if not changed:
        return
    now = utcnow()
    with session.no_autoflush:
        for section in changed:
            document = section.document if section.document_id is None else session.get(Document, section.document_id)
            if document is not None and document not in session.deleted:
                document.updated_at = now
