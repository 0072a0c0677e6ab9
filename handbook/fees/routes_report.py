"""Reports: the cell's month to the committee (on screen, printed, CSV) and the committee's sum
over the cells of its subtree (on screen, CSV)."""

from flask import render_template, request
from flask_login import current_user, login_required
from sqlalchemy import select

from handbook.auth.permissions import admin_roots, keeps_fees_of
from handbook.csvfile import csv_response
from handbook.extensions import db
from handbook.fees import bp, reports
from handbook.fees.access import check_month, get_overseen_org_or_404, get_reported_cell_or_404, this_month
from handbook.fees.rates import money, month_allowed, shift
from handbook.integers import bounded_int
from handbook.orgs.models import Organization


def _cell_month(cell_id: int, year: int, month: int) -> reports.CellMonth:
    cell = get_reported_cell_or_404(cell_id)
    check_month(year, month)
    return reports.cell_month(cell, year, month)


@bp.get("/fees/cells/<int:cell_id>/<int:year>/<int:month>/report")
@login_required
def report(cell_id: int, year: int, month: int):
    """The month's report: totals, each member's line, who has not paid; `?print=1` for paper."""
    found = _cell_month(cell_id, year, month)
    page = "fees/print_report.html" if request.args.get("print") else "fees/report.html"
    return render_template(page, report=found, keeper=keeps_fees_of(current_user, found.cell.id), money=money)


@bp.get("/fees/cells/<int:cell_id>/<int:year>/<int:month>/report.csv")
@login_required
def report_csv(cell_id: int, year: int, month: int):
    found = _cell_month(cell_id, year, month)
    return csv_response(f"dang-phi-{year}-{month:02d}-chi-bo-{found.cell.id}.csv", reports.cell_csv(found))


def _committee(year: int, month: int):
    check_month(year, month)
    org = get_overseen_org_or_404(request.args.get("org", type=bounded_int))
    rows, total = reports.committee_month(org, year, month)
    return org, rows, total, reports.month_names(org, rows, year, month)


@bp.get("/fees/committee/<int:year>/<int:month>")
@login_required
def committee(year: int, month: int):
    """Each cell of the admin's subtree (or a branch of it) for the month, and the sum."""
    org, rows, total, names = _committee(year, month)
    branches = [o for root in admin_roots(current_user) for o in db.session.scalars(
        select(Organization).where(Organization.path.startswith(root.path), Organization.kind != "cell")
        .order_by(Organization.path))]
    return render_template("fees/committee.html", org=org, rows=rows, total=total, year=year, month=month,
                           branches=branches, money=money, names=names,
                           steps=[m for m in (shift(year, month, -1), shift(year, month, 1))
                                  if month_allowed(*m, this_month())])


@bp.get("/fees/committee/<int:year>/<int:month>.csv")
@login_required
def committee_csv(year: int, month: int):
    org, rows, total, names = _committee(year, month)
    return csv_response(f"dang-phi-{year}-{month:02d}-{org.id}.csv",
                        reports.committee_csv(org, year, month, rows, total, names))
