"""Rows the admin tests need from other features' tables (meetings, study), built directly."""

from datetime import datetime, timedelta

from handbook.extensions import db
from handbook.library.models import Document, StudyAssignment, StudyMark
from handbook.meetings.models import Attendance, Meeting, ReadReceipt
from handbook.timefmt import from_vn


def meeting(cell, *, day: datetime, kind="regular", status="held", published_days_before=3, duration=90,
            present=(), absent=(), readers=()) -> Meeting:
    starts = from_vn(day)
    row = Meeting(cell_id=cell.id, kind=kind, title=f"Sinh hoạt {kind}", starts_at=starts, status=status,
                  duration_minutes=duration,
                  published_at=None if published_days_before is None
                  else starts - timedelta(days=published_days_before))
    db.session.add(row)
    db.session.flush()
    for user in present:
        db.session.add(Attendance(meeting_id=row.id, user_id=user.id, status="present"))
    for user in absent:
        db.session.add(Attendance(meeting_id=row.id, user_id=user.id, status="absent"))
    for user in readers:
        db.session.add(ReadReceipt(meeting_id=row.id, user_id=user.id))
    db.session.commit()
    return row


def study(org, *, studied_by=(), created=None) -> Document:
    n = db.session.query(Document).count() + 1
    doc = Document(number=f"{n}-HD/TU", doc_type="Hướng dẫn", title=f"Văn bản {n}", slug=f"van-ban-{n}")
    db.session.add(doc)
    db.session.flush()
    db.session.add(StudyAssignment(document_id=doc.id, org_id=org.id,
                                   created_at=created or from_vn(datetime(2026, 1, 1))))
    for user in studied_by:
        db.session.add(StudyMark(user_id=user.id, document_id=doc.id, studied_at=from_vn(datetime(2026, 1, 2))))
    db.session.commit()
    return doc
