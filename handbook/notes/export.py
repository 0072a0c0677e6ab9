"""Export: one member's notes for a date range, as HTML for printing and as a PDF."""

from datetime import date

from flask import render_template

from handbook.markdown import render
from handbook.notes.queries import meeting_notes, section_notes
from handbook.pdf import html_to_pdf

# Laying out a PDF costs CPU in proportion to the text (seconds per 20,000 characters on a busy
# 2-core machine, see benchmarks/README.md), so one request may ask for this much; the printable page
# has no such cost and no limit.
MAX_EXPORT_CHARS = 60_000
MSG_EXPORT_TOO_LONG = ("Ghi chép trong khoảng thời gian này dài {n} ký tự, quá giới hạn {max} ký tự của một tệp PDF. "
                       "Hãy chọn khoảng thời gian ngắn hơn và xuất thành nhiều tệp, hoặc dùng bản in (In / Lưu PDF "
                       "của trình duyệt).")


def export_size(context: dict) -> int:
    return sum(len(entry["note"].body) for entry in context["meetings"] + context["sections"])


def export_problem(context: dict) -> str | None:
    size = export_size(context)
    if size <= MAX_EXPORT_CHARS:
        return None
    return MSG_EXPORT_TOO_LONG.format(n=f"{size:,}".replace(",", "."), max=f"{MAX_EXPORT_CHARS:,}".replace(",", "."))


def export_context(user, start: date, end: date) -> dict:
    meetings = [
        {"meeting": meeting, "items": meeting.items, "html": render(note.body, "note"), "note": note}
        for note, meeting in meeting_notes(user.id, start, end, newest_first=False)
    ]
    sections = [
        {"section": section, "document": document, "html": render(note.body, "note"), "note": note}
        for note, section, document in section_notes(user.id, start, end)
    ]
    return {"owner": user, "start": start, "end": end, "meetings": meetings, "sections": sections}


def render_pdf(context: dict) -> bytes:
    return html_to_pdf(render_template("notes/export_pdf.html", **context), render_template("notes/export_pdf.css"))
