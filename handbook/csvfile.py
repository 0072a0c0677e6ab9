"""The one CSV writer of the app, for files opened in spreadsheets: UTF-8 with the BOM Excel
needs to read the accents, and no cell a spreadsheet would run as a formula."""

import csv
import io
from collections.abc import Iterable

from flask import Response

# What makes Excel or LibreOffice evaluate a cell (OWASP, "CSV injection"): a name such as
# =HYPERLINK(…) typed into an organisation or a member would otherwise run on the reader's machine.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def inert(value):
    """A leading ' makes Excel and LibreOffice show the text instead of evaluating it.

    Numbers the app computed stay numbers; only text can carry a formula.
    """
    if value is None:
        return ""
    if not isinstance(value, str):
        return value
    return "'" + value if value.startswith(FORMULA_START) else value


def csv_text(rows: Iterable[Iterable]) -> str:
    """The rows (a header is the first row), every cell made inert, as the text of a file."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for row in rows:
        writer.writerow([inert(cell) for cell in row])
    return "\ufeff" + buffer.getvalue()


def csv_response(filename: str, rows: Iterable[Iterable]) -> Response:
    """A download of the rows; the name is the app's own ASCII, never a user's text."""
    response = Response(csv_text(rows), mimetype="text/csv")
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.headers["Cache-Control"] = "no-store"
    return response
