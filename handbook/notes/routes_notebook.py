"""The notebook page and its export (printable A4 page and PDF)."""

from datetime import date

from flask import make_response, render_template, request
from flask_login import current_user, login_required

from handbook.extensions import limiter
from handbook.integers import bounded_int
from handbook.notes import bp
from handbook.notes.export import export_context, export_problem, render_pdf
from handbook.notes.forms import ExportForm
from handbook.notes.queries import meeting_notes, note_years, orphan_notes, section_notes
from handbook.notes.text import excerpt

bp.add_app_template_filter(excerpt, "note_excerpt")


@bp.get("/notes")
@login_required
def index():
    """The member's notebook: notes by meeting date (filter by year), then notes on articles."""
    years = note_years(current_user.id)
    year = request.args.get("year", type=bounded_int)
    if year not in years:
        year = None
    start, end = (date(year, 1, 1), date(year, 12, 31)) if year else (None, None)
    today = date.today()
    form = ExportForm(formdata=None, start=date(today.year, 1, 1), end=date(today.year, 12, 31))
    return render_template(
        "notes/index.html",
        meeting_rows=meeting_notes(current_user.id, start, end),
        section_rows=section_notes(current_user.id),
        orphans=orphan_notes(current_user.id),
        years=years,
        year=year,
        export_form=form,
    )


def _pdf_limit_key() -> str:
    return f"notes-pdf:{current_user.get_id()}"


@bp.get("/notes/export")
@login_required
# Each PDF costs seconds of CPU: a few per account, whatever the address.
@limiter.limit("5 per 10 minutes", key_func=_pdf_limit_key, exempt_when=lambda: request.args.get("fmt") != "pdf")
def export():
    """The notebook for a date range, as a printable page or (fmt=pdf) a PDF download."""
    form = ExportForm(request.args)
    if not form.validate():
        return render_template("notes/export_form.html", export_form=form), 400
    context = export_context(current_user, form.start.data, form.end.data)
    if form.fmt.data == "pdf" and (problem := export_problem(context)):
        form.end.errors = [problem]
        return render_template("notes/export_form.html", export_form=form), 422
    if form.fmt.data == "pdf":
        response = make_response(render_pdf(context))
        name = f"ghi-chep-{form.start.data:%Y%m%d}-{form.end.data:%Y%m%d}.pdf"
        response.headers["Content-Type"] = "application/pdf"
        response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
        return response
    return render_template("notes/export.html", **context)
