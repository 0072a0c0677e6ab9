"""The committee's good examples: a year's list of its subtree (on screen and as CSV) and how
many there were each year."""

from flask import render_template, request
from flask_login import login_required

from handbook.csvfile import csv_response
from handbook.examples import bp, lists
from handbook.examples.access import get_overseen_org_or_404
from handbook.examples.models import STATUS_LABELS
from handbook.integers import bounded_int
from handbook.models_base import utcnow
from handbook.timefmt import to_vn


def _asked() -> tuple:
    this_year = to_vn(utcnow()).year
    org = get_overseen_org_or_404(request.args.get("org", type=bounded_int))
    year = request.args.get("year", this_year, type=lambda v: bounded_int(v, 2000, this_year))
    status = request.args.get("status", "")
    return org, year, status if status in STATUS_LABELS else "", this_year


@bp.get("/examples/committee")
@login_required
def committee():
    """A year's examples of the subtree, every status, and the counts of the last years."""
    org, year, status, this_year = _asked()
    return render_template("examples/committee.html", org=org, year=year, status=status, statuses=STATUS_LABELS,
                           rows=lists.committee_year(org, year, status or None),
                           counts=lists.counts_per_year(org, this_year))


@bp.get("/examples/committee.csv")
@login_required
def committee_csv():
    org, year, status, _this_year = _asked()
    return csv_response(f"guong-nguoi-tot-viec-tot-{year}-{org.id}.csv",
                        lists.csv_rows(lists.committee_year(org, year, status or None)))
