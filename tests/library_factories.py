"""Documents the tests write themselves, in the official structure of party regulations."""

from handbook.library.importer import ImportRequest, import_document

WORDS = [
    "cán", "bộ", "đảng", "viên", "nêu", "gương", "trách", "nhiệm", "chi", "bộ", "sinh", "hoạt", "kỷ", "luật",
    "đoàn", "kết", "học", "tập", "làm", "theo", "tư", "tưởng", "đạo", "đức", "phong", "cách", "rèn", "luyện",
    "phẩm", "chất", "lối", "sống", "kiểm", "tra", "giám", "sát", "nhân", "dân", "tổ", "chức", "thực", "hiện",
    "nhiệm", "vụ", "chính", "trị", "xây", "dựng", "chỉnh", "đốn",
]


def sentence(seed: int, length: int = 14) -> str:
    words = [WORDS[(seed * 7 + i * 3) % len(WORDS)] for i in range(length)]
    return words[0].capitalize() + " " + " ".join(words[1:]) + "."


def regulation_text(articles: int = 40, number: str = "12-QĐ/ĐUK", drop: tuple[int, ...] = (),
                    extra: dict[int, str] | None = None) -> str:
    """A regulation with chapters, articles, clauses and points; `drop` leaves articles out."""
    extra = extra or {}
    lines = [
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "ĐẢNG ỦY KHỐI CƠ QUAN TỈNH",
        f"Số {number}",
        "Thành phố Huế, ngày 3 tháng 2 năm 2024",
        "QUY ĐỊNH",
        "về trách nhiệm nêu gương của đảng viên trong cơ quan",
        "",
    ]
    per_chapter = max(1, articles // 4)
    roman = ["I", "II", "III", "IV", "V", "VI"]
    for n in range(1, articles + 1):
        if (n - 1) % per_chapter == 0 and (n - 1) // per_chapter < len(roman):
            c = (n - 1) // per_chapter
            lines += [f"Chương {roman[c]}", f"NHỮNG QUY ĐỊNH NHÓM {c + 1}"]
        if n in drop:
            continue
        lines.append(f"Điều {n}. Trách nhiệm số {n} của đảng viên")
        lines.append(extra.get(n, sentence(n)))
        for k in range(1, 4):
            lines.append(f"{k}. {sentence(n * 10 + k)}")
            if k == 2:
                lines += [f"a) {sentence(n * 100 + 1, 8)}", f"b) {sentence(n * 100 + 2, 8)}"]
    return "\n".join(lines) + "\n"


def import_text(text: str, filename: str = "quy-dinh.txt", **fields):
    return import_document(ImportRequest(filename=filename, data=text.encode("utf-8"), **fields))
