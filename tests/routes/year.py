"""The member's year. The demo holds last year closed (papers submitted, ratings finished);
this year is empty, so the walk's saves start drafts. A committee account has no papers."""

from handbook.year.access import this_year
from tests.routes import Rule, expect


def _last() -> int:
    return this_year() - 1


def _now(path: str):
    return lambda w: f"/year/{this_year()}{path}"


def _past(path: str):
    return lambda w: f"/year/{_last()}{path}"


def _cell(path: str = ""):
    return lambda w: f"/year/{_last()}/cells/{w['cell1'].id}{path}"


def _member(w):
    return f"/year/{_last()}/cells/{w['cell1'].id}/members/{w['users']['dangvien'].id}"


def _commitment_conflict(w):
    """The member's commitment of this year, with a text another phone sent on an older version."""
    from handbook.editing.models import TextConflict
    from handbook.extensions import db
    from handbook.year.papers import new_commitment

    paper = new_commitment(w["users"]["dangvien"], this_year())
    paper.version = 1
    db.session.add(paper)
    db.session.flush()
    conflict = TextConflict(kind="commitment", row_id=paper.id, based_on=0, author_id=paper.user_id)
    conflict.texts = {"body": "Bản từ máy kia"}
    db.session.add(conflict)
    db.session.commit()
    return f"/year/{this_year()}/commitment/conflicts/{conflict.id}"


OWN = expect(admin=404)  # a committee account belongs to no cell
OWN_SAVE = expect(member=302, admin=404)
LEADERS = expect(member=404, secretary=200, admin=200)
SECRETARY = expect(member=404, secretary=302, admin=404)
ADMIN = expect(member=404, admin=200)
REVIEW = {"kind": "2A", "political": "a", "ethics": "b", "discipline": "c", "tasks": "d", "exemplary": "e",
          "shortcomings": "f", "proposed_political": "8", "proposed_ethics": "8", "proposed_discipline": "8",
          "proposed_tasks": "56", "proposed_beyond": "0", "version": "0"}
POINTS = {"score_political": "8", "score_ethics": "8", "score_discipline": "8", "score_tasks": "56", "beyond": "0",
          "conduct": "good"}

RULES = [
    Rule("year.index", "GET", lambda w: "/year", expect(member=302)),
    Rule("year.overview", "GET", _past(""), expect()),
    Rule("year.commitment", "GET", _now("/commitment"), OWN),
    Rule("year.commitment", "POST", _now("/commitment"), OWN_SAVE, data=lambda w: {"body": "Học tập", "version": "0"}),
    Rule("year.submit_commitment", "POST", _now("/commitment/submit"), OWN_SAVE),
    # A kept text is chosen only by the paper's owner; a stale choice is asked again (302).
    Rule("year.resolve_commitment", "POST", _commitment_conflict, expect(member=302, other_member=404, secretary=404,
                                                                          admin=404),
         data=lambda w: {"choice": "other", "version": "0"}),
    Rule("year.resolve_review", "POST", _now("/review/conflicts/999999"), expect(member=404),
         data=lambda w: {"choice": "other", "version": "0"}),
    Rule("year.add_evidence", "POST", _past("/commitment/evidence"), OWN_SAVE,
         data=lambda w: {"month": "5", "text": "Đã làm"}),
    Rule("year.review", "GET", _now("/review"), OWN),
    Rule("year.review", "POST", _now("/review"), OWN_SAVE, data=lambda w: REVIEW),
    Rule("year.submit_review", "POST", _now("/review/submit"), OWN_SAVE),
    Rule("year.print_review", "GET", _past("/review/print"), OWN),
    Rule("year.cell", "GET", _cell(), LEADERS),
    Rule("year.member", "GET", _member, LEADERS),
    Rule("year.rate", "POST", _cell("/ratings"), SECRETARY,
         data=lambda w: {"member_id": str(w["users"]["dangvien"].id), **POINTS}),
    Rule("year.confirm_finish", "GET", _cell("/finish"), expect(member=404, secretary=302, admin=404)),
    Rule("year.finish", "POST", _cell("/finish"), SECRETARY),
    Rule("year.rate_on_demand", "POST", lambda w: _member(w).replace(f"/{_last()}/", f"/{this_year()}/")
         + "/on-demand", SECRETARY,
         data=lambda w: {"reason": "Chuyển công tác", **POINTS}),
    Rule("year.statistics", "GET", _past("/stats"), ADMIN),
    Rule("year.statistics_csv", "GET", _past("/stats.csv"), ADMIN),
    Rule("year.template", "GET", lambda w: "/year/template", ADMIN),
    Rule("year.model_cells_page", "GET", lambda w: "/year/model-cells", ADMIN),
    Rule("year.model_cells_page", "POST", lambda w: "/year/model-cells", expect(member=404, admin=302),
         data=lambda w: {"cell_id": str(w["cell2"].id), "start_year": "2026", "end_year": "2027",
                         "meetings_target": "100", "quality_target": "85", "good_target": "80"}),
    Rule("year.template", "POST", lambda w: "/year/template", expect(member=404, admin=302),
         data=lambda w: {"body": "1. Học tập"}),
]
