"""A question bank's CSV import: read the file, list every row's problems in Vietnamese, then add
all the questions or none. The file waits in shared storage between the preview and the confirm."""

import csv
import io
import re
import secrets
from dataclasses import dataclass, field
from datetime import timedelta

from sqlalchemy import func, select

from handbook.audit import record
from handbook.domain import DomainError
from handbook.extensions import db
from handbook.library.access import visible_documents_clause
from handbook.library.models import Document, Section
from handbook.quiz import messages as msg
from handbook.quiz.models import LETTERS, Choice, Question, QuestionBank
from handbook.storage import store
from handbook.vietnamese import fold

MAX_BYTES = 2 * 1024 * 1024
MAX_ROWS = 2000
MAX_QUESTION = 1000
MAX_CHOICE = 500
PREFIX = "quiz-import/"
STALE_AFTER = timedelta(hours=1)
# Column → accepted headers, compared folded (no accents, lower case, single spaces).
COLUMNS = {
    "document": ("van ban", "so hieu", "so hieu van ban"),
    "article": ("dieu", "dieu khoan", "muc", "dieu muc"),
    "question": ("cau hoi", "noi dung cau hoi"),
    **{f"choice_{letter}": (f"phuong an {letter.lower()}", letter.lower(), f"dap an {letter.lower()}")
       for letter in LETTERS},
    "answer": ("dap an dung", "dap an", "dung"),
    "kind": ("loai cau hoi", "loai"),
}
REQUIRED = ("question", "choice_A", "choice_B", "answer", "article")
TEMPLATE_HEADER = ["Văn bản", "Điều", "Câu hỏi", *[f"Phương án {letter}" for letter in LETTERS],
                   "Đáp án đúng", "Loại câu hỏi"]
HEADER_OF = dict(zip(COLUMNS, TEMPLATE_HEADER, strict=True))
KINDS = {"": None, "mot lua chon": "single", "mot dap an": "single", "mot": "single", "don": "single",
         "single": "single", "nhieu lua chon": "multiple", "nhieu dap an": "multiple", "nhieu": "multiple",
         "multiple": "multiple"}


@dataclass
class Row:
    line: int
    raw: dict
    text: str = ""
    choices: list[str] = field(default_factory=list)
    correct: list[int] = field(default_factory=list)  # indices into choices
    kind: str = "single"
    document: Document | None = None
    anchor: str = ""
    problems: list[str] = field(default_factory=list)


def _key(value: str) -> str:
    return " ".join(fold(value or "").split())


def decode(data: bytes) -> str:
    if len(data) > MAX_BYTES:
        raise DomainError(msg.FILE_TOO_BIG)
    if b"\x00" in data:
        raise DomainError(msg.FILE_NOT_CSV)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise DomainError(msg.FILE_NOT_UTF8) from None


def read_rows(text: str) -> list[dict]:
    """Rows as {column: text}; `;` or `,` as separator, whichever the header uses (Excel in
    Vietnamese saves with `;`)."""
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        header = next(reader, None)
        if not header or not any(cell.strip() for cell in header):
            raise DomainError(msg.FILE_EMPTY)
        columns = [next((c for c, names in COLUMNS.items() if _key(title) in names), None) for title in header]
        missing = [HEADER_OF[c] for c in COLUMNS if c in REQUIRED and c not in columns]
        if missing:
            raise DomainError(msg.FILE_COLUMNS_MISSING.format(columns=", ".join(missing)))
        rows = []
        for values in reader:
            if not any(value.strip() for value in values):
                continue
            if len(rows) >= MAX_ROWS:
                raise DomainError(msg.FILE_TOO_MANY_ROWS.format(count=MAX_ROWS))
            rows.append({col: value for col, value in zip(columns, values, strict=False) if col})
            rows[-1]["_line"] = reader.line_num
        return rows
    except csv.Error:
        raise DomainError(msg.FILE_MALFORMED.format(line=reader.line_num)) from None


def preview(data: bytes, bank: QuestionBank, user) -> list[Row]:
    """Every row with its problems; nothing is written."""
    raw_rows = read_rows(decode(data))
    documents = _documents(user)
    rows = [_check(Row(line=raw.pop("_line"), raw=raw), bank, documents) for raw in raw_rows]
    _check_articles(rows)
    _check_repeats(rows, bank)
    return rows


def _documents(user) -> dict[str, Document]:
    """The documents `user` may read, by slug and by number folded without spaces."""
    found = {}
    for document in db.session.scalars(select(Document).where(visible_documents_clause(user))):
        found[document.slug.lower()] = document
        found[_key(document.number).replace(" ", "")] = document
    return found


def _check(row: Row, bank: QuestionBank, documents: dict) -> Row:
    raw, problems = row.raw, row.problems
    row.text = " ".join((raw.get("question") or "").split())
    if not row.text:
        problems.append(msg.ROW_QUESTION_MISSING)
    elif len(row.text) > MAX_QUESTION:
        problems.append(msg.ROW_QUESTION_TOO_LONG.format(max=MAX_QUESTION))
    texts = [" ".join((raw.get(f"choice_{letter}") or "").split()) for letter in LETTERS]
    last = max((i for i, text in enumerate(texts) if text), default=-1)
    row.choices = texts[:last + 1]
    for i, text in enumerate(row.choices):
        if not text:
            problems.append(msg.ROW_CHOICE_GAP.format(letter=LETTERS[i]))
        elif len(text) > MAX_CHOICE:
            problems.append(msg.ROW_CHOICE_TOO_LONG.format(letter=LETTERS[i], max=MAX_CHOICE))
        elif _key(text) in [_key(t) for t in row.choices[:i]]:
            other = [_key(t) for t in row.choices[:i]].index(_key(text))
            problems.append(msg.ROW_CHOICE_REPEATED.format(letter=LETTERS[i], other=LETTERS[other]))
    if len(row.choices) < 2:
        problems.append(msg.ROW_TOO_FEW_CHOICES)
    _check_answer(row, (raw.get("answer") or "").strip())
    value = (raw.get("document") or "").strip()
    if value:
        row.document = documents.get(value.lower()) or documents.get(_key(value).replace(" ", ""))
        if row.document is None:
            problems.append(msg.ROW_DOCUMENT_UNKNOWN.format(value=value[:80]))
    elif bank.document is not None:
        row.document = bank.document
    else:
        problems.append(msg.ROW_DOCUMENT_MISSING)
    return row


def _check_answer(row: Row, value: str) -> None:
    if not value:
        row.problems.append(msg.ROW_ANSWER_MISSING)
        return
    letters = re.sub(r"[\s,;/+&]|VÀ", "", value.upper())
    if not letters or any(ch not in LETTERS for ch in letters):
        row.problems.append(msg.ROW_ANSWER_SHAPE.format(value=value[:40]))
        return
    row.correct = sorted({LETTERS.index(ch) for ch in letters})
    for index in row.correct:
        if index >= len(row.choices):
            row.problems.append(msg.ROW_ANSWER_NO_CHOICE.format(letter=LETTERS[index]))
    kind_value = _key(row.raw.get("kind") or "")
    if kind_value not in KINDS:
        row.problems.append(msg.ROW_KIND_UNKNOWN.format(value=(row.raw.get("kind") or "")[:40]))
        return
    row.kind = KINDS[kind_value] or ("single" if len(row.correct) == 1 else "multiple")
    if row.kind == "single" and len(row.correct) > 1:
        row.problems.append(msg.ROW_SINGLE_MANY.format(letters=", ".join(LETTERS[i] for i in row.correct)))


def anchor_candidates(value: str) -> list[str]:
    """"Điều 5", "5", "dieu-5", "Điều 3 khoản 2" → the anchors the reader gives them."""
    slug = re.sub(r"[^a-z0-9]+", "-", fold(value)).strip("-")
    return [f"dieu-{slug}", slug] if slug.isdigit() else [slug, slug.replace("muc-", "muc-so-", 1)]


def _check_articles(rows: list[Row]) -> None:
    ids = {row.document.id for row in rows if row.document is not None}
    anchors: dict[int, set[str]] = {}
    if ids:
        for document_id, anchor in db.session.execute(select(Section.document_id, Section.anchor)
                                                      .where(Section.document_id.in_(ids))):
            anchors.setdefault(document_id, set()).add(anchor)
    for row in rows:
        value = " ".join((row.raw.get("article") or "").split())
        if not value:
            row.problems.append(msg.ROW_ARTICLE_MISSING)
            continue
        if row.document is None:
            continue
        known = anchors.get(row.document.id, set())
        row.anchor = next((a for a in anchor_candidates(value) if a in known), "")
        if not row.anchor:
            row.problems.append(msg.ROW_ARTICLE_UNKNOWN.format(document=row.document.number, value=value[:80]))


def _check_repeats(rows: list[Row], bank: QuestionBank) -> None:
    existing = {_key(text) for text in db.session.scalars(select(Question.text).where(Question.bank_id == bank.id))}
    seen: dict[str, int] = {}
    for row in rows:
        key = _key(row.text)
        if not key:
            continue
        if key in seen:
            row.problems.append(msg.ROW_REPEATED.format(line=seen[key]))
        elif key in existing:
            row.problems.append(msg.ROW_IN_BANK)
        seen.setdefault(key, row.line)


def run_import(rows: list[Row], bank: QuestionBank, user) -> int:
    """Adds every row's question to the bank in the caller's transaction; refuses if any row has a
    problem. Returns how many were added."""
    if not rows or any(row.problems for row in rows):
        raise DomainError(msg.FILE_HAS_PROBLEMS)
    start = db.session.scalar(select(func.coalesce(func.max(Question.position), 0))
                              .where(Question.bank_id == bank.id))
    for offset, row in enumerate(rows, start=1):
        question = Question(bank_id=bank.id, position=start + offset, kind=row.kind, text=row.text,
                            document_id=row.document.id, anchor=row.anchor)
        question.choices = [Choice(position=i, text=text, correct=i in row.correct)
                            for i, text in enumerate(row.choices)]
        db.session.add(question)
    db.session.flush()
    record("quiz.bank_imported", org=bank.org, target=bank, actor=user,
           summary=f"Nhập {len(rows)} câu hỏi vào ngân hàng “{bank.title}”")
    return len(rows)


def keep(data: bytes) -> str:
    """Stores the previewed file (the view commits) and returns the token naming it; previews
    nobody confirmed within the hour go first."""
    store.purge(PREFIX, STALE_AFTER)
    token = secrets.token_urlsafe(24)
    store.put(PREFIX + token, data)
    return token


def purge_job(now) -> int:
    """The scheduler's job: previewed files nobody confirmed within the hour."""
    return store.purge(PREFIX, STALE_AFTER, now)


def read(token: str) -> bytes | None:
    return store.get(PREFIX + token) if token else None


def drop(token: str) -> None:
    store.delete(PREFIX + token)
