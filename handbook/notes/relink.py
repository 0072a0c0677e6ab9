"""Members' notes follow their article when a document gets a new text (a replacement or a
new version): to the same anchor, else the same article; where the article is gone the
note is kept and carries a notice saying so, shown on the note and in the notebook."""

from sqlalchemy import select, update

from handbook.extensions import db
from handbook.models_base import utcnow
from handbook.notes.models import Note
from handbook.timefmt import vn_date


def _name(section) -> str:
    return section.display_name


def follow_articles(document, succession, kept: bool) -> None:
    """`kept`: the old sections stay (an older version, still readable); otherwise they go."""
    today = vn_date(utcnow())
    stays = "ghi chép vẫn gắn với bản cũ (đã hết hiệu lực)" if kept else "ghi chép vẫn được giữ trong sổ tay"
    # Exact anchors first, so a note already on an article is there before another would move to it.
    for old, new in sorted(succession, key=lambda pair: pair[1] is None or pair[1].anchor != pair[0].anchor):
        if new is not None:
            taken = select(Note.owner_id).where(Note.section_id == new.id).scalar_subquery()
            db.session.execute(
                update(Note).where(Note.section_id == old.id, Note.owner_id.not_in(taken))
                .values(section_id=new.id, notice="", context_title=f"{document.number} — {_name(new)}"[:500])
                .execution_options(synchronize_session=False))
            notice = (f"{_name(old)} của văn bản {document.number} có nội dung mới từ ngày {today}; đồng chí đã có "
                      f"ghi chép khác ở {_name(new)}, nên {stays}.")
        else:
            notice = f"{_name(old)} không còn trong văn bản {document.number} từ lần cập nhật ngày {today}; {stays}."
        # Whatever did not move is told why (and, when its section goes, no longer points at it).
        db.session.execute(
            update(Note).where(Note.section_id == old.id)
            .values(notice=notice[:300], **({} if kept else {"section_id": None}))
            .execution_options(synchronize_session=False))
