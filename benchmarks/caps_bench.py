"""Ceilings after the upload and export caps: time and peak memory of the largest accepted
library import (per file type), of refusing a decompression bomb, and of the notebook PDF
export at its size cap.

Each case runs in a fresh Python process on a throwaway SQLite database (real migrations,
demo data), so its peak resident memory (VmHWM) is its own. Figures are server-side work,
in-process, without the network.

    .venv/bin/python benchmarks/caps_bench.py            # every case
    .venv/bin/python benchmarks/caps_bench.py --case docx-body
"""

import argparse
import io
import json
import os
import subprocess
import sys
import tempfile
import time
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

CASES = ["txt-max", "docx-body", "docx-bomb", "docx-xml-bomb", "pdf-pages", "pdf-max", "export-pdf-max"]


def _peak_mb() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return 0.0


def _regulation(target_chars: int) -> str:
    """A regulation of about `target_chars`, every article well under the section cap."""
    from tests.library_factories import regulation_text

    text = regulation_text(articles=40)
    per_article = len(text) // 40
    return regulation_text(articles=max(40, target_chars // per_article))


def _largest_accepted(max_chars: int, max_sections: int) -> str:
    """Near both the text cap and the section-count cap: long articles, each 7 sections."""
    from tests.library_factories import regulation_text, sentence

    articles = min(max_sections // 7 - 10, 1400)
    per_article = int(max_chars * 0.97) // articles
    long_paragraph = " ".join(sentence(i, 20) for i in range(per_article // 130))
    return regulation_text(articles=articles, extra={n: long_paragraph for n in range(1, articles + 1)})


def _docx(text: str, body_pad: int = 0, part: str = "word/media/image1.png") -> bytes:
    from docx import Document as Docx

    doc = Docx()
    for line in text.splitlines():
        doc.add_paragraph(line)
    buffer = io.BytesIO()
    doc.save(buffer)
    if not body_pad:
        return buffer.getvalue()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            if item.filename != part:
                dst.writestr(item, src.read(item.filename))
        # Streamed in, so making the bomb does not itself raise this process's peak memory.
        with dst.open(part, "w", force_zip64=True) as target:
            chunk = (b"<w:p><w:r><w:t>" + b"a" * 1000 + b"</w:t></w:r></w:p>") * 1000
            for _ in range(body_pad // len(chunk)):
                target.write(chunk)
    return out.getvalue()


def run_case(name: str) -> dict:
    from flask_migrate import upgrade

    from handbook import create_app
    from handbook.demo import seed_demo
    from handbook.extensions import db
    from handbook.library import extract
    from handbook.library.importer import MAX_SECTIONS, ImportRequest, import_document

    folder = tempfile.mkdtemp()
    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder}/bench.sqlite3", "UPLOAD_FOLDER": folder,
                      "SERVER_NAME": "localhost", "PASSWORD_HASH_METHOD": "scrypt:1024:8:1"})
    with app.app_context():
        upgrade()
        seed_demo()
        db.session.commit()
        base_mb = _peak_mb()
        detail = ""
        if name == "txt-max":
            text = _largest_accepted(extract.MAX_TEXT_CHARS, MAX_SECTIONS)
            detail = f"{len(text):,} chars, {len(text.encode()) / 1e6:.1f} MB"
            request = ImportRequest(filename="max.txt", data=text.encode(), number="1-QĐ/BENCH")
        elif name == "docx-body":
            text = _largest_accepted(extract.MAX_TEXT_CHARS, MAX_SECTIONS)
            data = _docx(text)
            detail = f"{len(text):,} chars, {len(data) / 1e6:.2f} MB .docx"
            request = ImportRequest(filename="body.docx", data=data, number="2-QĐ/BENCH")
        elif name == "docx-bomb":
            data = _docx(_regulation(10_000), body_pad=1024 * 1024 * 1024)
            detail = f"{len(data) / 1e6:.2f} MB .docx unpacking to 1 GiB (refused)"
            request = ImportRequest(filename="bomb.docx", data=data, number="3-QĐ/BENCH")
        elif name == "docx-xml-bomb":
            data = _docx(_regulation(10_000), body_pad=200 * 1024 * 1024, part="word/document.xml")
            detail = f"{len(data) / 1e6:.2f} MB .docx whose body unpacks to 200 MB (refused)"
            request = ImportRequest(filename="bomb.docx", data=data, number="5-QĐ/BENCH")
        elif name in ("pdf-pages", "pdf-max"):
            from weasyprint import HTML

            text = _regulation(300_000) if name == "pdf-pages" else _largest_accepted(extract.MAX_TEXT_CHARS,
                                                                                     MAX_SECTIONS)
            html = "".join(f"<p>{line}</p>" for line in text.splitlines() if line)
            data = HTML(string=f'<html lang="vi"><meta charset="utf-8"><body>{html}</body></html>').write_pdf()
            detail = f"{len(text):,} chars, {len(data) / 1e6:.2f} MB PDF"
            request = ImportRequest(filename="doc.pdf", data=data, number="4-QĐ/BENCH")
        elif name == "export-pdf-max":
            return _export_case(app, base_mb)
        else:
            raise SystemExit(f"unknown case {name}")
        started = time.perf_counter()
        try:
            document = import_document(request)
            outcome = f"imported, {len(document.sections):,} sections"
        except extract.ImportError_ as error:
            outcome = f"refused: {error}"
        seconds = time.perf_counter() - started
    return {"case": name, "detail": detail, "outcome": outcome, "seconds": round(seconds, 2),
            "peak_mb": round(_peak_mb(), 1), "before_mb": round(base_mb, 1)}


def _export_case(app, base_mb: float) -> dict:
    from datetime import date

    from handbook.extensions import db
    from handbook.notes.export import MAX_EXPORT_CHARS, export_context, render_pdf
    from handbook.notes.models import Note
    from tests import notes_factories as nf
    from tests.library_factories import sentence

    with app.test_request_context():
        from handbook.demo import seed_demo

        ctx = seed_demo()
        member = ctx["users"]["dangvien"]
        per_note = 20_000
        paragraph = "\n\n".join(f"- **Ý {i}.** {sentence(i, 30)}" for i in range(400))
        body = (paragraph * (per_note // len(paragraph) + 1))[:per_note]
        for i in range(MAX_EXPORT_CHARS // per_note):
            meeting = nf.meeting(ctx["cell1"], title=f"Sinh hoạt kỳ {i}")
            db.session.add(Note(owner_id=member.id, meeting_id=meeting.id, context_title="x", body=body, version=1))
        db.session.commit()
        context = export_context(member, date(2000, 1, 1), date(2100, 1, 1))
        started = time.perf_counter()
        pdf = render_pdf(context)
        seconds = time.perf_counter() - started
    return {"case": "export-pdf-max", "detail": f"{MAX_EXPORT_CHARS:,} chars of notes", "outcome":
            f"{len(pdf) / 1e6:.2f} MB PDF", "seconds": round(seconds, 2), "peak_mb": round(_peak_mb(), 1),
            "before_mb": round(base_mb, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--case", choices=CASES)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(run_case(args.case)))
        return
    print("| case | input | outcome | time (s) | peak memory (MB) | before (MB) |")
    print("|---|---|---|---:|---:|---:|")
    for case in [args.case] if args.case else CASES:
        done = subprocess.run([sys.executable, __file__, "--case", case, "--child"], capture_output=True, text=True,
                              check=True, cwd=ROOT)
        r = json.loads(done.stdout.strip().splitlines()[-1])
        print(f"| {r['case']} | {r['detail']} | {r['outcome'][:90]} | {r['seconds']} | {r['peak_mb']} "
              f"| {r['before_mb']} |", flush=True)


if __name__ == "__main__":
    main()
