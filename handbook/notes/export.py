"""Export: one member's notes for a date range, as HTML for printing and as a PDF."""

from datetime import date

from flask import render_template

from handbook.markdown import render
from handbook.notes.queries import meeting_notes, section_notes


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


def _no_fetch(url, *args, **kwargs):
    """The PDF is built from our own HTML and CSS only; nothing is fetched from anywhere."""
    raise ValueError("external resources are not loaded in exports")


def render_pdf(context: dict) -> bytes:
    from weasyprint import CSS, HTML  # heavy import, only when a PDF is asked for

    html = render_template("notes/export_pdf.html", **context)
    css = CSS(string=render_template("notes/export_pdf.css"), url_fetcher=_no_fetch)
    return HTML(string=html, url_fetcher=_no_fetch).write_pdf(stylesheets=[css])
