"""CSV for spreadsheets: UTF-8 with BOM (Excel), and no cell a spreadsheet would run as a formula."""

import csv
import io

from flask import Response

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def inert(value) -> str:
    """A leading ' makes Excel and LibreOffice show the text instead of evaluating it.

    Numbers the app computed stay numbers; only text can carry a formula.
    """
    if value is None:
        return ""
    if not isinstance(value, str):
        return value
    return "'" + value if value.startswith(FORMULA_START) else value


def csv_text(header: list[str], rows) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([inert(cell) for cell in header])
    for row in rows:
        writer.writerow([inert(cell) for cell in row])
    return "\ufeff" + buffer.getvalue()


def csv_response(filename: str, header: list[str], rows) -> Response:
    response = Response(csv_text(header, rows), mimetype="text/csv")
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.headers["Cache-Control"] = "no-store"
    return response
