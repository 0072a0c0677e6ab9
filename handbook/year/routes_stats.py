"""The committee's side: the year's figures for its subtree or a branch, on screen, printed
and as CSV; the commitment template it gives the cells below."""

from flask import flash, redirect, render_template, request, url_for
from flask_login import login_required

from handbook.auth.permissions import require_admin
from handbook.csvfile import csv_response
from handbook.extensions import db
from handbook.integers import bounded_int
from handbook.year import bp, papers, stats
from handbook.year import messages as msg
from handbook.year.access import check_year, get_overseen_org_or_404, overseen_orgs
from handbook.year.forms import TemplateForm
from handbook.year.levels import SCALES, thousands


def _table(year: int):
    check_year(year)
    org = get_overseen_org_or_404(request.args.get("org", type=bounded_int))
    return stats.year_table(org, year)


@bp.get("/year/<int:year>/stats")
@login_required
def statistics(year: int):
    """The year's table; `?print=1` gives the A4 page."""
    table = _table(year)
    page = "year/print_stats.html" if request.args.get("print") else "year/stats.html"
    roots = [table.org] if page.startswith("year/print") else overseen_orgs(get_overseen_org_or_404(None))
    return render_template(page, table=table, year=year, **SCALES, orgs=roots, thousands=thousands)


@bp.get("/year/<int:year>/stats.csv")
@login_required
def statistics_csv(year: int):
    """The same table for a spreadsheet."""
    table = _table(year)
    return csv_response(f"xep-loai-dang-vien-{year}-{table.org.id}.csv", stats.csv_rows(table))


@bp.route("/year/template", methods=["GET", "POST"])
@login_required
def template():
    """The commitment's starting text for the cells of the admin's organisation."""
    require_admin()
    org = get_overseen_org_or_404(request.args.get("org", type=bounded_int))
    form = TemplateForm()
    if form.validate_on_submit():
        papers.set_template(org, form.body.data)
        db.session.commit()
        flash(msg.TEMPLATE_SAVED.format(org=org.name), "success")
        return redirect(url_for("year.template", org=org.id))
    if request.method == "GET":
        form.body.data = papers.template_for_org(org)
    return render_template("year/template.html", form=form, org=org), 422 if form.errors else 200
