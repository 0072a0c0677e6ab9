"""The committee dashboard (per cell, per month) and the audit log viewer."""

from datetime import datetime, timedelta

from flask import render_template, request
from flask_login import login_required
from sqlalchemy import and_, or_, select

from handbook.admin import bp
from handbook.admin import dashboard as service
from handbook.admin.access import admin_root
from handbook.audit import ACTION_LABELS, AuditEntry
from handbook.auth.models import User
from handbook.collation import vi_order
from handbook.csvfile import csv_response
from handbook.extensions import db
from handbook.integers import bounded_int
from handbook.orgs.models import Organization
from handbook.pager import requested_page
from handbook.security import is_htmx
from handbook.signals import dashboard_panels, ordered
from handbook.timefmt import VN, from_vn

AUDIT_PAGE = 100


def _period() -> tuple[int, int]:
    # By default the last finished month: the current one has not had its meeting yet in many cells.
    last = datetime.now(VN).replace(day=1) - timedelta(days=1)
    year = min(max(request.args.get("year", last.year, type=bounded_int), 2000), last.year + 1)
    month = min(max(request.args.get("month", last.month, type=bounded_int), 1), 12)
    return year, month


def _percent(value: float | None) -> str:
    return "" if value is None else f"{round(value * 100)}%"


@bp.get("/dashboard")
@login_required
def dashboard():
    """Meetings, agendas on time, attendance, reading and study per cell for one month."""
    root = admin_root()
    year, month = _period()
    only_missed = request.args.get("missed") == "1"
    q = request.args.get("q", "").strip()[:100]
    page = requested_page()
    cells, total = service.cell_page(root, year, month, page, only_missed, q)
    rows = service.figures(cells, year, month)
    context = dict(root=root, year=year, month=month, rows=rows, total=total, page=page, q=q,
                   only_missed=only_missed, pages=-(-total // service.PAGE_SIZE), percent=_percent)
    if is_htmx():
        return render_template("admin/_dashboard_table.html", **context)
    overview = service.year_overview(root, year)
    missed_now = service.cell_page(root, year, month, 1, True)[1]
    return render_template("admin/dashboard.html", overview=overview, missed_now=missed_now,
                           panels=ordered(dashboard_panels, root, year=year), **context)


@bp.get("/dashboard.csv")
@login_required
def dashboard_csv():
    """The dashboard table of one month for every cell of the subtree, as CSV."""
    root = admin_root()
    year, month = _period()
    cells = db.session.scalars(service.cells_query(root, year, month).order_by(vi_order(Organization.name))).all()
    header = ["Chi bộ", "Tháng", "Số đảng viên", "Họp định kỳ", "Họp chuyên đề", "Họp khác",
              "Chương trình công bố", "Công bố trước ≥ 1 ngày", "Tổng thời lượng dự kiến (phút)",
              "Tỉ lệ dự họp", "Tỉ lệ đọc chương trình", "Tỉ lệ hoàn thành học tập", "Thiếu họp định kỳ",
              "Buổi họp đã họp", "Dự họp trên 85%", "Đủ thời lượng", "Biên bản hoàn chỉnh",
              "Nghị quyết được biểu quyết", "Tự đánh giá"]
    out = []
    for start in range(0, len(cells), 500):
        for r in service.figures(cells[start:start + 500], year, month):
            out.append([r.cell.name, f"{month:02d}/{year}", r.members, r.regular, r.thematic, r.other,
                        r.published, r.on_time, r.planned_minutes, _percent(r.attendance_rate),
                        _percent(r.read_rate), _percent(r.study_rate), "Có" if r.missed else "",
                        r.quality.meetings, r.quality.met["attendance"], r.quality.met["length"],
                        r.quality.met["minutes"], r.quality.met["resolution"], ", ".join(r.quality.ratings)])
    return csv_response(f"bang-theo-doi-{year}-{month:02d}.csv", [header, *out])


@bp.get("/audit")
@login_required
def audit():
    """The audit log of the subtree, newest first, filterable; it is read-only."""
    root = admin_root()
    args = request.args
    # A library document is read below where it is published (a system-wide one everywhere):
    # its changes also show in the log of every admin whose members read it.
    reaches_subtree = and_(AuditEntry.action.startswith("document."),
                           or_(AuditEntry.org_id.is_(None), AuditEntry.org_id.in_(root.ancestor_ids())))
    query = (select(AuditEntry).outerjoin(Organization, Organization.id == AuditEntry.org_id)
             .where(or_(Organization.path.startswith(root.path), reaches_subtree)))
    if args.get("action") in ACTION_LABELS:
        query = query.where(AuditEntry.action == args["action"])
    actor = args.get("actor", "").strip()[:64]
    if actor:
        query = query.where(AuditEntry.actor_id.in_(select(User.id).where(
            (User.username == actor) | (User.card_number == actor) | User.full_name.ilike(f"%{actor}%"))))
    for key, op in (("from", "ge"), ("to", "lt")):
        try:
            day = datetime.strptime(args.get(key, ""), "%Y-%m-%d")
        except ValueError:
            continue
        bound = from_vn(day + timedelta(days=1 if key == "to" else 0))
        query = query.where(AuditEntry.at >= bound if op == "ge" else AuditEntry.at < bound)
    page = requested_page()
    entries = db.session.scalars(query.order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
                                 .limit(AUDIT_PAGE + 1).offset((page - 1) * AUDIT_PAGE)).all()
    template = "admin/_audit_rows.html" if is_htmx() else "admin/audit.html"
    return render_template(template, root=root, entries=entries[:AUDIT_PAGE], more=len(entries) > AUDIT_PAGE,
                           page=page, actions=ACTION_LABELS)
