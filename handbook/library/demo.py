"""Demo library: the 2026 starter set (metadata and summaries, handbook/library/starter.py), and
cell 1 asked to study the regulation on setting an example."""

from datetime import date, timedelta

from sqlalchemy import select

from handbook.extensions import db
from handbook.library.models import Document, StudyAssignment
from handbook.library.starter import load_starter


def seed(ctx) -> None:
    load_starter()
    q08 = db.session.scalar(select(Document).where(Document.slug == "08-qdi-tw"))
    exists = db.session.scalar(select(StudyAssignment.id).where(
        StudyAssignment.document_id == q08.id, StudyAssignment.org_id == ctx["cell1"].id))
    if not exists:
        db.session.add(StudyAssignment(document_id=q08.id, org_id=ctx["cell1"].id,
                                       due_on=date.today() + timedelta(days=30),
                                       assigned_by_id=ctx["users"]["bithu"].id))
