"""Structure detection: Phần / Chương / Mục / Điều / khoản "1." / điểm "a)", or numbered
sections for directives without articles; số hiệu, date and title from the header."""

import re
from dataclasses import dataclass, field
from datetime import date

ROMAN = r"[IVXLC]+"
RE_PHAN = re.compile(r"^Phần\s+(thứ\s+\S+|" + ROMAN + r"|\d+)\.?\s*[-–:.]?\s*(.*)$", re.I)
RE_CHUONG = re.compile(r"^Chương\s+(" + ROMAN + r"|\d+)\.?\s*[-–:.]?\s*(.*)$", re.I)
RE_MUC = re.compile(r"^Mục\s+(\d+)\.?\s*[-–:.]?\s*(.*)$", re.I)
RE_DIEU = re.compile(r"^Điều\s+(\d+)\s*[.:]?\s*(.*)$")
RE_KHOAN = re.compile(r"^(\d{1,3})\.\s+(.*)$")
RE_DIEM = re.compile(r"^([a-zđ])\)\s+(.*)$")
RE_NUMBER = re.compile(r"\b(\d{1,4}-(?:CT|QĐi|QĐ|NQ|KL|HD|ĐA|TB|QC|KH)(?:-[A-ZĐ]+)?/[A-ZĐ]+)\b")
RE_DATE = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.I)
TYPE_CODES = {"CT": "Chỉ thị", "QĐi": "Quy định", "QĐ": "Quy định", "NQ": "Nghị quyết", "KL": "Kết luận",
              "HD": "Hướng dẫn", "ĐA": "Đề án", "TB": "Thông báo", "QC": "Quy chế", "KH": "Kế hoạch"}
TYPE_WORDS = [w.upper() for w in dict.fromkeys(TYPE_CODES.values())]
TOC_LEVELS = ("phan", "chuong", "muc", "dieu", "plain")
NUMBER_LABELS = {"phan": "Phần", "chuong": "Chương", "muc": "Mục", "dieu": "Điều"}


@dataclass
class ParsedSection:
    level: str
    number: str
    heading: str
    anchor: str
    parent: int | None  # index in the list
    lines: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(self.lines).strip()


@dataclass
class ParsedDocument:
    number: str = ""
    doc_type: str = ""
    issued_on: date | None = None
    title: str = ""
    sections: list[ParsedSection] = field(default_factory=list)

    @property
    def article_count(self) -> int:
        return sum(1 for s in self.sections if s.level == "dieu")


RE_ARTICLE_ANCHOR = re.compile(r"^(dieu-\d+|muc-so-\d+)(?=-|$)")


def article_anchor(anchor: str) -> str | None:
    """The article an anchor lies in ('dieu-3-khoan-2-diem-a' → 'dieu-3'), or None."""
    match = RE_ARTICLE_ANCHOR.match(anchor)
    return match.group(1) if match else None


_ANCHOR_WORDS = {"phan": "Phần", "chuong": "Chương", "muc": "Mục", "dieu": "Điều", "khoan": "khoản", "diem": "điểm"}


def anchor_label(anchor: str) -> str:
    """'dieu-3-khoan-2' → 'Điều 3 khoản 2'; '' for anchors that are not numbered parts."""
    parts = anchor.replace("muc-so-", "muc-").split("-")
    if len(parts) % 2 or any(word not in _ANCHOR_WORDS for word in parts[::2]):
        return ""
    return " ".join(f"{_ANCHOR_WORDS[w]} {n.upper() if w == 'chuong' else n}" for w, n in zip(parts[::2], parts[1::2],
                                                                                            strict=True))


def is_central_number(number: str) -> bool:
    """A số hiệu issued at the centre: its issuer code is TW (Trung ương: the Central Committee,
    the Politburo, the Secretariat) or ends in TW as the central commissions' do (BTCTW, BTGTW,
    UBKTTW, VPTW …), e.g. 05-CT/TW, 42-HD/BTCTW. Folded first, so "05-ct / tw" or "05-CT-TW"
    read the same; local codes (TU, ĐUK, ĐUS …) never end in TW."""
    from handbook.vietnamese import fold

    return any(code.endswith("TW") for code in re.findall(r"[A-Z]+", fold(number).upper()))


def _slug(value: str) -> str:
    from handbook.vietnamese import fold

    return re.sub(r"[^a-z0-9]+", "-", fold(value)).strip("-")


def read_header(lines: list[str], parsed: ParsedDocument) -> None:
    head = "\n".join(lines[:40])
    if m := RE_NUMBER.search(head):
        parsed.number = m.group(1)
        code = parsed.number.split("-", 1)[1].split("/")[0].split("-")[0]
        parsed.doc_type = TYPE_CODES.get(code, "")
    if m := RE_DATE.search(head):
        try:
            parsed.issued_on = date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        except ValueError:
            parsed.issued_on = None
    for i, line in enumerate(lines[:40]):
        if line.strip().upper() in TYPE_WORDS:
            parsed.doc_type = parsed.doc_type or line.strip().capitalize()
            title = []
            for nxt in lines[i + 1:i + 4]:
                if not nxt.strip() or _structural(nxt.strip()) or nxt.strip().startswith("-"):
                    break
                title.append(nxt.strip())
            parsed.title = " ".join(title)
            break


def _structural(line: str) -> bool:
    return any(rx.match(line) for rx in (RE_PHAN, RE_CHUONG, RE_MUC, RE_DIEU))


def parse(text: str) -> ParsedDocument:
    lines = [line.strip() for line in text.split("\n")]
    parsed = ParsedDocument()
    read_header(lines, parsed)
    has_articles = any(RE_DIEU.match(line) for line in lines)
    sections = parsed.sections
    anchors: set[str] = set()
    # The open section at each level, by index into `sections`.
    open_: dict[str, int] = {}
    order = ["phan", "chuong", "muc", "dieu", "khoan", "diem"]

    def add(level: str, number: str, heading: str, anchor: str) -> ParsedSection:
        parent = None
        for upper in reversed(order[: order.index(level)] if level in order else order):
            if upper in open_:
                parent = open_[upper]
                break
        base, n = anchor, 2
        while anchor in anchors:
            anchor, n = f"{base}-{n}", n + 1
        anchors.add(anchor)
        section = ParsedSection(level, number, heading, anchor, parent)
        sections.append(section)
        if level in order:
            for lower in order[order.index(level):]:
                open_.pop(lower, None)
            open_[level] = len(sections) - 1
        return section

    current: ParsedSection | None = None
    pending_heading: ParsedSection | None = None  # "Chương I" with its title on the next line
    for line in lines:
        if not line:
            continue
        if pending_heading is not None:
            if not _structural(line):
                pending_heading.heading = line
                pending_heading = None
                continue
            pending_heading = None
        if m := RE_PHAN.match(line):
            current = add("phan", m.group(1), m.group(2), "phan-" + _slug(m.group(1)))
            pending_heading = None if m.group(2) else current
        elif m := RE_CHUONG.match(line):
            current = add("chuong", m.group(1).upper(), m.group(2), "chuong-" + m.group(1).lower())
            pending_heading = None if m.group(2) else current
        elif m := RE_MUC.match(line):
            chuong = sections[open_["chuong"]].anchor + "-" if "chuong" in open_ else ""
            current = add("muc", m.group(1), m.group(2), f"{chuong}muc-{m.group(1)}")
            pending_heading = None if m.group(2) else current
        elif m := RE_DIEU.match(line):
            current = add("dieu", m.group(1), m.group(2).rstrip("."), "dieu-" + m.group(1))
        elif (m := RE_KHOAN.match(line)) and (not has_articles or "dieu" in open_):
            if has_articles:
                dieu = sections[open_["dieu"]].anchor
                current = add("khoan", m.group(1), "", f"{dieu}-khoan-{m.group(1)}")
                current.lines.append(m.group(2))
            else:
                # Directives: numbered sections stand in for articles.
                current = add("plain", m.group(1), m.group(2), "muc-so-" + m.group(1))
                open_.pop("khoan", None)
        elif (m := RE_DIEM.match(line)) and ("khoan" in open_ or "dieu" in open_):
            owner = sections[open_.get("khoan", open_.get("dieu"))].anchor
            current = add("diem", m.group(1), "", f"{owner}-diem-{m.group(1)}")
            current.lines.append(m.group(2))
        elif current is None:
            if sections and sections[0].anchor == "mo-dau":
                sections[0].lines.append(line)
            else:
                current = add("plain", "", "Phần mở đầu", "mo-dau")
                current.lines.append(line)
        else:
            current.lines.append(line)
    return parsed
