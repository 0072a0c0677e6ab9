"""The minutes book's PDF at the minutes' size cap (handbook/meetings/minutes/size.py), and, for
comparison, minutes far over it as they could be kept before the cap.

On a throwaway SQLite database (real migrations, demo data), cell 1 gets a held meeting whose
minutes are filled through the services to the cap (each agenda item's summary, the
conclusions, the resolution and opinions of 2,000 characters), signed by chair and note-taker
through the sign-off; then its PDF is rendered several times in this process. `--over N` adds a
second meeting with N characters of opinions written straight into the table, past the caps.
Figures are server-side work, in-process, without the network.

    .venv/bin/python benchmarks/minutes_pdf_bench.py                 # at the cap, 5 renders
    .venv/bin/python benchmarks/minutes_pdf_bench.py --over 420000   # and 420,000 characters of opinions
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import timedelta

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

OPINION = 2_000


def _text(size: int, seed: int) -> str:
    """Vietnamese prose of `size` characters, in paragraphs, as a note-taker types it."""
    from tests.library_factories import sentence

    words = " ".join(sentence(seed + i, 25) for i in range(size // 120 + 2))
    lines = [words[i:i + 400] for i in range(0, len(words), 400)]
    return "\n".join(lines)[:size]


def _fill_to_cap(minutes, meeting, users) -> int:
    """Through the services, as the builder saves them: the texts, then opinions until the cap."""
    from handbook.extensions import db
    from handbook.meetings.minutes import service
    from handbook.meetings.minutes.builder import add_opinion
    from handbook.meetings.minutes.size import MAX_TOTAL_CHARS, total_size

    data = {"held_from": "14:00", "held_to": "16:00", "place": meeting.location,
            "chair_id": users["bithu"].id, "note_taker_id": users["dangvien"].id,
            "conclusions": _text(6_000, 1), "resolution": _text(6_000, 2)}
    notes = {str(item.id): _text(4_000, 10 + n) for n, item in enumerate(meeting.items)}
    service.save(minutes, data, notes, minutes.version, may_choose_signers=True)
    db.session.flush()
    speakers = [users["bithu"], users["dangvien"], users["dangvien2"]]
    n = 0
    while total_size(minutes) + OPINION + 40 <= MAX_TOTAL_CHARS:
        add_opinion(minutes, meeting.items[n % len(meeting.items)], speaker=speakers[n % 3],
                    text=_text(OPINION, 100 + n))
        db.session.flush()
        n += 1
    rest = MAX_TOTAL_CHARS - total_size(minutes) - len(speakers[0].full_name)
    if rest > 0:
        add_opinion(minutes, meeting.items[0], speaker=speakers[0], text=_text(rest, 999))
    db.session.flush()
    return total_size(minutes)


def _sign(minutes, users) -> None:
    from handbook.meetings.minutes import signoff
    from handbook.meetings.minutes.builder import record_of
    from handbook.meetings.minutes.digest import digest

    for username in ("bithu", "dangvien"):
        content_hash = digest(record_of(minutes.meeting, minutes))
        signoff.sign(minutes, users[username], minutes.version, content_hash, confirmed_early=True)


def _over(ctx, characters: int):
    """Minutes with `characters` of opinions written past the caps (as before them)."""
    from handbook.extensions import db
    from handbook.meetings.minutes import service
    from handbook.meetings.models import MinutesOpinion
    from tests.meetings.factories import meeting

    users = ctx["users"]
    m = meeting(ctx["cell1"], status="held", starts_in=timedelta(days=-2), title="Họp quá giới hạn")
    minutes = service.get_or_start(m)
    service.save(minutes, {"held_from": "14:00", "held_to": "16:00", "place": m.location,
                           "chair_id": users["bithu"].id, "note_taker_id": users["dangvien"].id,
                           "conclusions": "Kết luận.", "resolution": "Nghị quyết."}, {}, minutes.version, True)
    for n in range(characters // 5_000):
        db.session.add(MinutesOpinion(minutes_id=minutes.id, item_id=m.items[n % len(m.items)].id,
                                      speaker_id=users["dangvien2"].id, speaker_name=users["dangvien2"].full_name,
                                      text=_text(5_000, 500 + n)))
    db.session.flush()
    _sign(minutes, users)
    return m


def _time_pdf(meeting, runs: int) -> tuple[list[float], int, bool]:
    """Render times and the PDF's size, and whether the app refuses it now; a refused one is laid
    out anyway, bypassing the guard, to show what it would cost."""
    from flask import render_template

    from handbook.domain import DomainError
    from handbook.meetings.minutes import book as minutes_book
    from handbook.pdf import html_to_pdf

    context = minutes_book.book_context(meeting)
    try:
        minutes_book.render_pdf(context)
        refused = False
    except DomainError:
        refused = True
    times, size = [], 0
    for _ in range(runs):
        started = time.perf_counter()
        pdf = html_to_pdf(render_template("meetings/minutes_pdf.html", **context),
                          render_template("meetings/minutes_pdf.css"))
        times.append(time.perf_counter() - started)
        size = len(pdf)
    return times, size, refused


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--over", type=int, default=0, help="characters of opinions past the caps")
    args = parser.parse_args()

    from flask_migrate import upgrade

    from handbook import create_app
    from handbook.demo import seed_demo
    from handbook.extensions import db
    from handbook.meetings.minutes import service
    from handbook.meetings.minutes.size import MAX_BOOK_CHARS, printed_size
    from tests.meetings.factories import meeting

    folder = tempfile.mkdtemp()
    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder}/bench.sqlite3", "SERVER_NAME": "localhost",
                      "PASSWORD_HASH_METHOD": "scrypt:1024:8:1"})
    with app.app_context():
        upgrade()
    with app.test_request_context():
        ctx = seed_demo()
        db.session.commit()
        users = ctx["users"]
        m = meeting(ctx["cell1"], status="held", starts_in=timedelta(days=-1), title="Họp đến giới hạn",
                    items=("Khai mạc", "Đánh giá nhiệm vụ tháng trước", "Thảo luận", "Nhiệm vụ tháng tới", "Bế mạc"))
        minutes = service.get_or_start(m)
        typed = _fill_to_cap(minutes, m, users)
        _sign(minutes, users)
        db.session.commit()
        cases = [("at the cap", m, typed)]
        if args.over:
            cases.append((f"{args.over:,} characters of opinions (past the caps)", _over(ctx, args.over), args.over))
            db.session.commit()
        print("| minutes | typed characters | printed characters | PDF | render time (s): min / median / max "
              "| the app |")
        print("|---|---:|---:|---:|---|---|")
        for label, shown, size in cases:
            printed = printed_size(service.final_record(service.get_minutes(shown)))
            times, pdf_size, refused = _time_pdf(shown, args.runs)
            answer = f"refused (422: over {MAX_BOOK_CHARS:,} printed)" if refused else "served"
            print(f"| {label} | {size:,} | {printed:,} | {pdf_size / 1e3:.0f} kB | {min(times):.2f} / "
                  f"{statistics.median(times):.2f} / {max(times):.2f} | {answer} |", flush=True)


if __name__ == "__main__":
    main()
