"""The minutes as the minutes book has them, for the print page and the PDF: the party's line
and the committees on top, the place and date, the title, the sections in order, and the two
signature blocks. The text is the record as last signed or revised (minutes.final_record)."""

from flask import render_template

from handbook.meetings.minutes import final_record, get_minutes
from handbook.orgs.history import name_on, parent_on
from handbook.pdf import html_to_pdf
from handbook.timefmt import to_vn

TITLES = {"thematic": "BIÊN BẢN SINH HOẠT CHI BỘ", "regular": "BIÊN BẢN SINH HOẠT CHI BỘ",
          "extraordinary": "BIÊN BẢN HỌP CHI BỘ"}
SUBTITLES = {"thematic": "(Sinh hoạt chuyên đề)", "extraordinary": "(Họp bất thường)"}


def date_line(day) -> str:
    """'ngày 04 tháng 12 năm 2026': a day under 10, and the months January and February, with a
    leading zero, as documents of the Party write them."""
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


def book_context(meeting) -> dict | None:
    """What the printed minutes need, or None while they are not final."""
    minutes = get_minutes(meeting)
    record = final_record(minutes) if minutes is not None else None
    if record is None:
        return None
    local = to_vn(meeting.starts_at)
    # The committees as they were named and placed on the meeting's day: a later merge or
    # rename leaves the minutes book as it was written.
    parent = parent_on(meeting.cell, local.date())
    return {
        "meeting": meeting, "minutes": minutes, "record": record, "day": local,
        "superior": name_on(parent, local.date()).upper(), "cell_name": name_on(meeting.cell, local.date()).upper(),
        "title": TITLES.get(meeting.kind, TITLES["regular"]), "subtitle": SUBTITLES.get(meeting.kind, ""),
        "place": record.get("place") or meeting.location or "",
        "date_line": date_line(local),
    }


def render_pdf(context: dict) -> bytes:
    return html_to_pdf(render_template("meetings/minutes_pdf.html", **context),
                       render_template("meetings/minutes_pdf.css"))
