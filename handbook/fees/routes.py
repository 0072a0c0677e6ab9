"""The member's own fees, the cell's year of fees, the month's sheet, and the treasurer's naming."""

from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from handbook.actions import act
from handbook.auth.permissions import fee_cells, is_admin, keeps_fees_of, manages_cell_id
from handbook.auth.queries import cell_members
from handbook.extensions import db
from handbook.fees import bp, reports, sheet, treasurers
from handbook.fees import messages as msg
from handbook.fees.access import (
    check_month,
    check_year,
    fee_table,
    get_kept_cell_or_404,
    get_managed_cell_or_404,
    get_reported_cell_or_404,
    get_treasurer_or_404,
    member_to_grant,
    this_month,
)
from handbook.fees.forms import ActionForm
from handbook.fees.rates import FIRST_MONTH, money, months_of
from handbook.integers import bounded_int

STALE_FORM = "Trang đã cũ: hãy tải lại trang rồi thử lại."


@bp.after_request
def never_cache(response):
    """What a member paid is theirs and the cell's: no shared or back-button cache keeps it."""
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.get("/fees")
@login_required
def own():
    """The member's own fees of this year, month by month: due, paid, where, who recorded it."""
    return _own(this_month()[0])


@bp.get("/fees/<int:year>")
@login_required
def own_year(year: int):
    """The member's own fees of another year."""
    return _own(year)


def _own(year: int):
    check_year(year)
    records, totals = reports.own_history(current_user, year)
    return render_template("fees/member.html", year=year, now=this_month(), records={r.month: r for r in records},
                           totals=totals, months=months_of(year, this_month()), table=fee_table(),
                           cells=fee_cells(current_user), admin=is_admin(current_user), money=money,
                           first_year=FIRST_MONTH[0])


@bp.get("/fees/cells/<int:cell_id>/<int:year>")
@login_required
def cell(cell_id: int, year: int):
    """The cell's year: each month's totals, links to record and report; for the secretary, the
    members to flag and the treasurer."""
    org = get_reported_cell_or_404(cell_id)
    check_year(year)
    now = this_month()
    manager = manages_cell_id(current_user, org.id)
    members = cell_members(org.id) if manager else []
    return render_template("fees/cell.html", cell=org, year=year, now=now, months=months_of(year, now),
                           totals=reports.cell_year(org, year), keeper=keeps_fees_of(current_user, org.id),
                           manager=manager, flagged=reports.flagged(org, year) if manager else [],
                           treasurers=treasurers.treasurers(org) if manager else [], members=members,
                           form=ActionForm(), money=money, first_year=FIRST_MONTH[0])


@bp.route("/fees/cells/<int:cell_id>/<int:year>/<int:month>", methods=["GET", "POST"])
@login_required
def record_month(cell_id: int, year: int, month: int):
    """The month's sheet: every member on one screen, saved at once, or not at all."""
    org = get_kept_cell_or_404(cell_id)
    check_month(year, month)
    table = fee_table()
    rows = sheet.build(org, year, month, table)
    form = ActionForm()
    status, wrong = 200, 0
    if request.method == "POST":
        if not form.validate_on_submit():
            flash(STALE_FORM, "error")
            status = 400
        elif wrong := sheet.read(rows, request.form, table):
            status = 400
        else:
            return act(lambda: sheet.save(org, year, month, rows, current_user),
                       ok=lambda saved: msg.SAVED.format(month=month, year=year, count=saved[0], paid=money(saved[1]))
                       if saved[0] else msg.NOTHING_CHANGED.format(month=month, year=year),
                       done=url_for("fees.report", cell_id=org.id, year=year, month=month),
                       refused=url_for("fees.record_month", cell_id=org.id, year=year, month=month))
    return render_template("fees/sheet.html", cell=org, year=year, month=month, rows=rows, table=table,
                           form=form, wrong=wrong, money=money), status


@bp.post("/fees/cells/<int:cell_id>/treasurers")
@login_required
def grant_treasurer(cell_id: int):
    """The secretary names a member of the cell to collect and record the fees."""
    org = get_managed_cell_or_404(cell_id)
    back = url_for("fees.cell", cell_id=org.id, year=this_month()[0])
    if not ActionForm().validate_on_submit():
        flash(STALE_FORM, "error")
        return redirect(back)

    def grant():
        member = member_to_grant(org, request.form.get("member_id", type=bounded_int))
        treasurers.grant(org, member)
        return member

    return act(grant, ok=lambda member: msg.TREASURER_GRANTED.format(name=member.full_name), done=back)


@bp.post("/fees/cells/<int:cell_id>/treasurers/<int:user_id>/remove")
@login_required
def remove_treasurer(cell_id: int, user_id: int):
    """The secretary relieves a treasurer; the months they recorded stay theirs."""
    org = get_managed_cell_or_404(cell_id)
    member = get_treasurer_or_404(org, user_id)
    if ActionForm().validate_on_submit():
        treasurers.revoke(org, member)
        db.session.commit()
        flash(msg.TREASURER_REMOVED.format(name=member.full_name), "success")
    return redirect(url_for("fees.cell", cell_id=org.id, year=this_month()[0]))
