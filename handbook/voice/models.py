"""A member's question or opinion, its answer, and its place in a FAQ once published."""

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from handbook.extensions import db
from handbook.models_base import UTCDateTime, utcnow

KIND_LABELS = {"question": "Câu hỏi", "opinion": "Góp ý"}
STATUS_LABELS = {"open": "Chờ trả lời", "answered": "Đã trả lời"}


class MemberQuestion(db.Model):
    """What a member wrote to the committee. `sent_to` is who it was written to (a cell: its
    secretary and deputy; an organisation above: its committee) and never changes: it decides who
    may read it. `org` is who must answer it now, the same or an organisation above it once
    forwarded. Published, a copy of its words (which the publisher may strip of anything
    personal) and the answer are read in the FAQ of `faq_org`'s subtree."""

    __tablename__ = "member_question"
    __table_args__ = (
        Index("ix_member_question_org_status", "org_id", "status"),
        Index("ix_member_question_author", "author_id", "created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"))
    cell_id: Mapped[int] = mapped_column(ForeignKey("organization.id"))  # the author's cell when asking
    sent_to_id: Mapped[int] = mapped_column(ForeignKey("organization.id"))
    org_id: Mapped[int] = mapped_column(ForeignKey("organization.id"))
    kind: Mapped[str] = mapped_column(String(10), default="question")
    subject: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)
    # What it is about, if the member said: an article of a document, or a meeting of the cell.
    section_id: Mapped[int | None] = mapped_column(ForeignKey("section.id", ondelete="SET NULL"))
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meeting.id", ondelete="SET NULL"))
    about: Mapped[str] = mapped_column(String(300), default="")  # their names when asked: kept if they go
    # The member agreed to be named if it is published; without it the FAQ names nobody.
    name_consent: Mapped[bool] = mapped_column(default=False)
    status: Mapped[str] = mapped_column(String(10), default="open")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    forwarded_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    answer: Mapped[str] = mapped_column(Text, default="")
    answered_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    faq_org_id: Mapped[int | None] = mapped_column(ForeignKey("organization.id"), index=True)
    faq_subject: Mapped[str] = mapped_column(String(200), default="")
    faq_body: Mapped[str] = mapped_column(Text, default="")
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    author = relationship("User", foreign_keys=[author_id])
    cell = relationship("Organization", foreign_keys=[cell_id])
    answered_by = relationship("User", foreign_keys=[answered_by_id])
    sent_to = relationship("Organization", foreign_keys=[sent_to_id])
    org = relationship("Organization", foreign_keys=[org_id])
    faq_org = relationship("Organization", foreign_keys=[faq_org_id])
    section = relationship("Section")

    @property
    def kind_label(self) -> str:
        return KIND_LABELS.get(self.kind, self.kind)

    @property
    def status_label(self) -> str:
        return STATUS_LABELS.get(self.status, self.status)

    @property
    def published(self) -> bool:
        return self.faq_org_id is not None
