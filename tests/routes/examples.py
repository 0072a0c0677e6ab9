"""Good examples. The demo has two approved: cell 1's (dangvien's, with a photo) and the base
committee's (dangvien3's); the walk adds a pending one of cell 1 where it needs one. Cell 1's
secretary registers for cell 1, the bloc's admin for the committees of the bloc (not for a cell)
and approves."""

from datetime import date

from sqlalchemy import select

from handbook.examples.demo import EXAMPLES
from handbook.examples.models import GoodExample
from handbook.extensions import db
from tests.routes import Rule, expect


def cell_example(w) -> int:
    return db.session.scalar(select(GoodExample.id).where(GoodExample.title == EXAMPLES[0][3]))


def pending(w) -> int:
    example = GoodExample(org_id=w["cell1"].id, person="Người thử", title="Việc tốt thử", happened_on=date(2026, 3, 1),
                          status="pending")
    db.session.add(example)
    db.session.commit()
    return example.id


APPROVERS = expect(member=404, secretary=404, admin=302)
ADMIN = expect(member=404, secretary=404, admin=200)

RULES = [
    Rule("examples.index", "GET", lambda w: "/examples", expect()),
    Rule("examples.show", "GET", lambda w: f"/examples/{cell_example(w)}", expect(other_member=404)),
    Rule("examples.photo", "GET", lambda w: f"/examples/{cell_example(w)}/photo", expect(other_member=404)),
    Rule("examples.new", "GET", lambda w: "/examples/new", expect(member=404, secretary=200, admin=200)),
    Rule("examples.new", "POST", lambda w: "/examples/new", expect(member=404, secretary=302, admin=422),
         data=lambda w: {"org_id": str(w["cell1"].id), "title": "Nhặt được của rơi trả người mất",
                         "person": "Lê Văn Đức", "happened_on": "2026-03-02"}),
    Rule("examples.approve", "POST", lambda w: f"/examples/{pending(w)}/approve", APPROVERS),
    Rule("examples.send_back", "POST", lambda w: f"/examples/{pending(w)}/return", APPROVERS,
         data=lambda w: {"note": "Cần ghi rõ ngày"}),
    Rule("examples.committee", "GET", lambda w: "/examples/committee", ADMIN),
    Rule("examples.committee_csv", "GET", lambda w: "/examples/committee.csv", ADMIN),
]
