"""One content version per meeting, document, note and member: any change to a row their pages
show moves it, in the same transaction, whether made through the ORM or a bulk statement."""

from sqlalchemy import delete, func, insert, select, update

from handbook.auth.models import User
from handbook.extensions import db
from handbook.library.models import Bookmark, Document, ReadingPosition, Section, StudyAssignment, StudyMark
from handbook.meetings.models import (
    AgendaChange,
    AgendaItem,
    AgendaLink,
    Attendance,
    Ballot,
    Meeting,
    MeetingAssessment,
    Minutes,
    MinutesOpinion,
    MinutesRevision,
    MinutesSignature,
    Notification,
    ReadReceipt,
    Rsvp,
    SecretTally,
    Task,
    Vote,
)
from handbook.models_base import utcnow
from handbook.notes.models import Note, NoteRevision
from handbook.offline.models import OfflineMark
from tests.meetings.factories import meeting, section


def version_of(model, row_id) -> int:
    return db.session.scalar(select(model.content_version).where(model.id == row_id))


def moves(model, row_id, change) -> bool:
    """Whether `change` (then a commit) moves the row's version."""
    before = version_of(model, row_id)
    change()
    db.session.commit()
    return version_of(model, row_id) > before


def insert_update_delete(parent, parent_id, child, values, column, new_value):
    """An insert, a bulk update and an ORM delete of one child row each move the parent."""
    row = child(**values)
    assert moves(parent, parent_id, lambda: db.session.add(row)), f"{child.__name__} added"
    row_id = row.id
    assert moves(parent, parent_id, lambda: db.session.execute(
        update(child).where(child.id == row_id).values({column: new_value}))), f"{child.__name__} changed"
    assert moves(parent, parent_id, lambda: db.session.delete(db.session.get(child, row_id))), \
        f"{child.__name__} removed"


def test_each_part_of_a_meeting_moves_its_version(world):
    m = meeting(world["cell1"], status="published")
    member = world["users"]["dangvien"]
    item = m.items[0]
    sec_id = section().id
    assert moves(Meeting, m.id, lambda: setattr(m, "title", "Đổi tên buổi họp"))
    insert_update_delete(Meeting, m.id, AgendaItem, {"meeting_id": m.id, "position": 9, "title": "Mục mới"},
                         "title", "Mục đã sửa")
    insert_update_delete(Meeting, m.id, AgendaLink, {"item_id": item.id, "section_id": sec_id},
                         "section_id", sec_id)
    insert_update_delete(Meeting, m.id, AgendaChange, {"meeting_id": m.id, "version": 2, "summary": "Đổi giờ"},
                         "summary", "Đổi địa điểm")
    insert_update_delete(Meeting, m.id, Rsvp, {"meeting_id": m.id, "user_id": member.id, "attending": True},
                         "attending", False)
    insert_update_delete(Meeting, m.id, Attendance, {"meeting_id": m.id, "user_id": member.id, "status": "present"},
                         "status", "absent")
    # A member's first look at the page is no change to it (only the secretary's overview shows it).
    assert not moves(Meeting, m.id, lambda: db.session.add(ReadReceipt(meeting_id=m.id, user_id=member.id)))
    insert_update_delete(Meeting, m.id, Minutes, {"meeting_id": m.id}, "conclusions", "Kết luận")
    minutes = Minutes(meeting_id=m.id)
    vote = Vote(meeting_id=m.id, kind="resolution", question="Thông qua nghị quyết?", choices='["Tán thành"]')
    assert moves(Meeting, m.id, lambda: db.session.add_all([minutes, vote]))
    insert_update_delete(Meeting, m.id, MinutesRevision, {"minutes_id": minutes.id, "number": 1}, "reason", "Sai")
    insert_update_delete(Meeting, m.id, MinutesOpinion, {"minutes_id": minutes.id, "item_id": item.id,
                                                        "speaker_name": "Đồng chí A", "text": "Ý kiến"},
                         "text", "Ý kiến khác")
    insert_update_delete(Meeting, m.id, MinutesSignature, {"minutes_id": minutes.id, "role": "chair",
                                                          "user_id": member.id, "version": 1}, "revision", 2)
    # One open vote at a time: the vote itself is changed in place, as closing it does.
    assert moves(Meeting, m.id, lambda: db.session.execute(
        update(Vote).where(Vote.id == vote.id).values(hand_counts="[3]")))
    insert_update_delete(Meeting, m.id, Ballot, {"vote_id": vote.id, "user_id": member.id, "choice": 0},
                         "choice", 1)
    insert_update_delete(Meeting, m.id, SecretTally, {"vote_id": vote.id, "choice": 0, "count": 1}, "count", 2)
    insert_update_delete(Meeting, m.id, Task, {"meeting_id": m.id, "cell_id": m.cell_id, "title": "Việc",
                                              "due_on": utcnow().date()},
                         "title", "Việc khác")
    insert_update_delete(Meeting, m.id, MeetingAssessment, {"meeting_id": m.id, "rating": "good"}, "reasons", "Tốt")
    # A bulk insert, as the secret ballot writes its rows.
    assert moves(Meeting, m.id, lambda: db.session.execute(
        insert(Ballot).values(vote_id=vote.id, user_id=world["users"]["bithu"].id, choice=None)))


def test_another_meeting_stays_as_it_was(world):
    one, other = meeting(world["cell1"], status="published"), meeting(world["cell1"], status="published")
    assert not moves(Meeting, other.id, lambda: db.session.add(
        Rsvp(meeting_id=one.id, user_id=world["users"]["dangvien"].id, attending=True)))


def test_a_documents_text_and_study_move_its_version(world):
    doc_id = section().document_id
    assert moves(Document, doc_id, lambda: db.session.execute(
        update(Document).where(Document.id == doc_id).values(title="Tên mới")))
    insert_update_delete(Document, doc_id, Section, {"document_id": doc_id, "position": 2, "level": "dieu",
                                                     "number": "Điều 4", "heading": "Mới", "text": "Nội dung",
                                                     "anchor": "dieu-4"}, "text", "Nội dung sửa")
    insert_update_delete(Document, doc_id, StudyAssignment, {"document_id": doc_id,
                                                             "org_id": world["cell1"].id}, "org_id",
                         world["cell2"].id)


def test_a_notes_text_and_kept_texts_move_its_version(world):
    member = world["users"]["dangvien"]
    m = meeting(world["cell1"], status="published")
    note = Note(owner_id=member.id, meeting_id=m.id, body="Ghi chép")
    db.session.add(note)
    db.session.commit()
    assert moves(Note, note.id, lambda: setattr(note, "body", "Ghi chép đã sửa") or setattr(note, "version", 1))
    insert_update_delete(Note, note.id, NoteRevision, {"note_id": note.id, "body": "Bản cũ"}, "body", "Bản khác")


def test_the_members_bell_and_marks_move_their_version(world):
    member = world["users"]["dangvien"]
    sec = section()
    insert_update_delete(User, member.id, Notification, {"user_id": member.id, "kind": "changed",
                                                         "message": "Chương trình thay đổi"}, "read_at", utcnow())
    insert_update_delete(User, member.id, Bookmark, {"user_id": member.id, "section_id": sec.id},
                         "section_id", sec.id)
    insert_update_delete(User, member.id, ReadingPosition, {"user_id": member.id, "document_id": sec.document_id,
                                                            "anchor": "dieu-3"}, "anchor", "dieu-4")
    insert_update_delete(User, member.id, StudyMark, {"user_id": member.id, "document_id": sec.document_id},
                         "document_id", sec.document_id)
    insert_update_delete(User, member.id, OfflineMark, {"user_id": member.id, "document_id": sec.document_id},
                         "document_id", sec.document_id)
    insert_update_delete(User, member.id, Note, {"owner_id": member.id, "section_id": sec.id, "body": "Ý"},
                         "body", "Ý khác")
    # Read notifications leave in bulk, as the nightly clean-up removes them.
    db.session.add(Notification(user_id=member.id, kind="changed", message="Tin"))
    db.session.commit()
    assert moves(User, member.id, lambda: db.session.execute(delete(Notification)
                                                             .where(Notification.user_id == member.id)))


def test_a_meetings_own_note_leaves_the_member_alone(world):
    """Only notes on articles are marks in the reader; typing a meeting's note is not."""
    member = world["users"]["dangvien"]
    m = meeting(world["cell1"], status="published")
    assert not moves(User, member.id, lambda: db.session.add(Note(owner_id=member.id, meeting_id=m.id, body="x")))


def test_a_rolled_back_change_leaves_the_version(world):
    m = meeting(world["cell1"], status="published")
    before = version_of(Meeting, m.id)
    db.session.add(AgendaItem(meeting_id=m.id, position=9, title="Mục bỏ"))
    db.session.flush()
    assert version_of(Meeting, m.id) > before  # seen inside the transaction at once
    db.session.rollback()
    assert version_of(Meeting, m.id) == before
    assert db.session.scalar(select(func.count(AgendaItem.id)).where(AgendaItem.meeting_id == m.id)) == 3
