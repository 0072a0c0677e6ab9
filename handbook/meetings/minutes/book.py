"""The minutes as the minutes book has them, for the print page and the PDF: the party's line
and the committees on top, the place and date, the title, the sections in order, and the two
signature blocks.

The text is the last revision both signed (minutes.signed_revision), and each signature block
shows the signature given for that revision, with its number, only when its hash matches the
text printed; while a later revision waits for its signatures, a line above the title says so."""

from flask import render_template

from handbook.domain import DomainError
from handbook.meetings.minutes import signoff
from handbook.meetings.minutes.models import MinutesStatus
from handbook.meetings.minutes.service import current_revision, get_minutes, revision_data, signed_revision
from handbook.meetings.minutes.size import book_problem
from handbook.orgs.history import name_on, parent_on
from handbook.pdf import html_to_pdf
from handbook.timefmt import to_vn

TITLES = {"thematic": "BIÊN BẢN SINH HOẠT CHI BỘ", "regular": "BIÊN BẢN SINH HOẠT CHI BỘ",
          "extraordinary": "BIÊN BẢN HỌP CHI BỘ", "study": "BIÊN BẢN SINH HOẠT CHI BỘ"}
SUBTITLES = {"thematic": "(Sinh hoạt chuyên đề)", "extraordinary": "(Họp bất thường)", "study": "(Học tập nghị quyết)"}


def date_line(day) -> str:
    """'ngày 04 tháng 12 năm 2026': a day under 10, and the months January and February, with a
    leading zero, as documents of the Party write them."""
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


def book_context(meeting) -> dict | None:
    """What the printed minutes need, or None while no revision has both signatures."""
    minutes = get_minutes(meeting)
    kept = signed_revision(minutes) if minutes is not None and minutes.is_published else None
    if kept is None:
        return None
    record = revision_data(kept)
    local = to_vn(meeting.starts_at)
    # The committees as they were named and placed on the meeting's day: a later merge or
    # rename leaves the minutes book as it was written.
    parent = parent_on(meeting.cell, local.date())
    return {
        "meeting": meeting, "minutes": minutes, "record": record, "day": local, "revision": kept,
        "signed": signoff.lines(minutes, kept.number, record),
        "waiting": current_revision(minutes) if minutes.status == MinutesStatus.REVISING else None,
        "superior": name_on(parent, local.date()).upper(), "cell_name": name_on(meeting.cell, local.date()).upper(),
        "title": TITLES.get(meeting.kind, TITLES["regular"]), "subtitle": SUBTITLES.get(meeting.kind, ""),
        "place": record.get("place") or meeting.location or "",
        "date_line": date_line(local),
    }


def render_pdf(context: dict) -> bytes:
    """The PDF, refused (422, with the reason) for a record too long to lay out."""
    problem = book_problem(context["record"])
    if problem:
        raise DomainError(problem, status=422)
    return html_to_pdf(render_template("meetings/minutes_pdf.html", **context),
                       render_template("meetings/minutes_pdf.css"))
