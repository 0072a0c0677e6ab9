"""Study programmes. The demo holds the province's programme for every member of the bloc, with
cell 1's study session and dangvien2's thu hoạch handed in. Members of both cells take part; the
bloc's admin (no cell) oversees it; cell 1's secretary takes part, oversees their cell, and plans
its sessions."""

from datetime import timedelta

from sqlalchemy import select

from handbook.extensions import db
from tests.routes import Rule, expect


def demo_programme(w) -> int:
    from handbook.study.demo import TITLE
    from handbook.study.models import Programme

    return db.session.scalar(select(Programme.id).where(Programme.title == TITLE))


def handed_in(w) -> int:
    """dangvien2's thu hoạch, submitted to cell 1: never dangvien's to read."""
    from handbook.study.models import Harvest

    return db.session.scalar(select(Harvest.id).where(Harvest.user_id == w["users"]["dangvien2"].id))


def harvest_conflict(w) -> str:
    """dangvien's thu hoạch on the demo programme, with a text another phone sent on an older version."""
    from handbook.editing.models import TextConflict
    from handbook.study.harvest import find, start
    from handbook.study.models import Programme

    programme = db.session.get(Programme, demo_programme(w))
    paper = find(w["users"]["dangvien"], programme) or start(w["users"]["dangvien"], programme)
    paper.body, paper.version = "Bản đang lưu", 1
    db.session.add(paper)
    db.session.flush()
    conflict = TextConflict(kind="harvest", row_id=paper.id, based_on=0, author_id=paper.user_id)
    conflict.texts = {"body": "Bản từ máy kia"}
    db.session.add(conflict)
    db.session.commit()
    return f"/study/{programme.id}/thu-hoach/conflicts/{conflict.id}"


def _programme(path: str = ""):
    return lambda w: f"/study/{demo_programme(w)}{path}"


def _new_programme(w) -> dict:
    from handbook.library.models import Document
    from handbook.study.programmes import today

    document = db.session.scalar(select(Document.id).where(Document.slug == "01-ct-tw"))
    return {"title": "Học tập Chỉ thị 01 tại chi bộ", "org_id": str(w["cell1"].id), "starts_on": str(today()),
            "ends_on": str(today() + timedelta(days=20)), "items": f"d-{document}"}


def _new_session(w) -> dict:
    from handbook.models_base import utcnow
    from handbook.timefmt import to_vn

    starts = to_vn(utcnow()) + timedelta(days=12)
    return {"cell_id": str(w["cell1"].id), "starts_at": f"{starts:%Y-%m-%dT%H:%M}", "duration": "90",
            "location": "Phòng họp"}


TAKING_PART = expect(admin=404)  # the bloc's admin has no cell: it oversees, it writes no thu hoạch
OVERSEERS = expect(member=404, secretary=200, admin=200)

RULES = [
    Rule("study.index", "GET", lambda w: "/study", expect()),
    Rule("study.show", "GET", _programme(), expect()),
    Rule("study.harvest_editor", "GET", _programme("/thu-hoach"), TAKING_PART),
    Rule("study.harvest_editor", "POST", _programme("/thu-hoach"), expect(member=302, admin=404),
         data=lambda w: {"body": "Điều tôi rút ra sau khi học.", "version": "0"}),
    # A kept text is chosen only by the thu hoạch's writer.
    Rule("study.resolve_harvest", "POST", harvest_conflict, expect(member=302, other_member=404, secretary=404,
                                                                   admin=404),
         data=lambda w: {"choice": "other", "version": "1"}),
    Rule("study.harvest_submit", "POST", _programme("/thu-hoach/nop"), expect(member=302, admin=404)),
    Rule("study.harvest_show", "GET", lambda w: f"/study/thu-hoach/{handed_in(w)}", OVERSEERS),
    Rule("study.new", "GET", lambda w: "/study/new", OVERSEERS),
    Rule("study.new", "POST", lambda w: "/study/new", expect(member=404, secretary=302, admin=302),
         data=_new_programme),
    Rule("study.completion", "GET", _programme("/tien-do"), OVERSEERS),
    Rule("study.new_session", "GET", _programme("/buoi-hoc"), expect(member=404, secretary=200)),
    Rule("study.new_session", "POST", _programme("/buoi-hoc"), expect(member=404, secretary=302),
         data=_new_session),
]
