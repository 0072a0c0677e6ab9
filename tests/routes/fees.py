"""Party fees. The demo records the four months before this one for both cells; dangvien2 is
cell 1's treasurer (not a role of the walk), bithu its secretary. A committee account has no
fees of its own but reads the reports of its subtree."""

from handbook.fees.access import this_month
from handbook.fees.rates import shift
from tests.routes import Rule, expect


def _last():
    return shift(*this_month(), -1)


def _cell(path: str = ""):
    return lambda w: f"/fees/cells/{w['cell1'].id}{path}"


def _month(path: str = ""):
    return lambda w: f"/fees/cells/{w['cell1'].id}/{_last()[0]}/{_last()[1]}{path}"


def _sheet(w) -> dict:
    """Every member of cell 1 paid in full in cash."""
    data = {}
    for name in ("bithu", "dangvien", "dangvien2"):
        uid = w["users"][name].id
        data |= {f"category-{uid}": "salaried", f"base-{uid}": "5.000.000", f"full-{uid}": "1",
                 f"channel-{uid}": "cash"}
    return data


KEEPERS = expect(member=404, secretary=200, admin=404)
KEEPERS_SAVE = expect(member=404, secretary=302, admin=404)
REPORTS = expect(member=404, secretary=200, admin=200)
ADMIN = expect(member=404, secretary=404, admin=200)

RULES = [
    Rule("fees.own", "GET", lambda w: "/fees", expect()),
    Rule("fees.own_year", "GET", lambda w: f"/fees/{_last()[0]}", expect()),
    Rule("fees.cell", "GET", _cell(f"/{this_month()[0]}"), REPORTS),
    Rule("fees.record_month", "GET", _month(), KEEPERS),
    Rule("fees.record_month", "POST", _month(), KEEPERS_SAVE, data=_sheet),
    Rule("fees.grant_treasurer", "POST", _cell("/treasurers"), KEEPERS_SAVE,
         data=lambda w: {"member_id": str(w["users"]["dangvien"].id)}),
    Rule("fees.remove_treasurer", "POST", lambda w: f"/fees/cells/{w['cell1'].id}/treasurers/"
         f"{w['users']['dangvien2'].id}/remove", KEEPERS_SAVE),
    Rule("fees.report", "GET", _month("/report"), REPORTS),
    Rule("fees.report_csv", "GET", _month("/report.csv"), REPORTS),
    Rule("fees.committee", "GET", lambda w: f"/fees/committee/{_last()[0]}/{_last()[1]}", ADMIN),
    Rule("fees.committee_csv", "GET", lambda w: f"/fees/committee/{_last()[0]}/{_last()[1]}.csv", ADMIN),
]
