"""Documents the tests write themselves, in the official structure of party regulations."""

from handbook.extensions import db
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
    document = import_document(ImportRequest(filename=filename, data=text.encode("utf-8"), **fields))
    db.session.commit()
    return document


# A wider vocabulary than WORDS, drawn at random: compresses about like real prose, so page
# weights measured on it mean something.
_VOCABULARY = (
    "đảng viên cán bộ chi nêu gương trách nhiệm sinh hoạt kỷ luật đoàn kết học tập làm theo tư tưởng đạo đức "
    "phong cách rèn luyện phẩm chất lối sống kiểm tra giám sát nhân dân tổ chức thực hiện vụ chính trị xây dựng "
    "chỉnh đốn quy định chỉ thị nghị quyết kết luận hướng dẫn đề án thông báo cấp ủy bí thư phó thường ban chấp "
    "hành trung ương tỉnh huyện xã phường cơ sở khối quan doanh nghiệp đánh giá xếp loại hoàn thành xuất sắc tốt "
    "không năm tháng ngày kế hoạch báo cáo sơ tổng thi đua khen thưởng vi phạm xử lý tham nhũng lãng phí tiêu cực "
    "liêu dân chủ tập trung phê bình tự công khai minh bạch văn hóa giáo dục y tế kinh xã hội quốc phòng an ninh "
    "đối ngoại chuyển đổi số tin truyền mạng điện tử sổ tay nghị biên bản định luật hiến pháp bảo vệ nền tảng "
    "phản bác điểm sai trái thù địch niềm gắn bó mật thiết người đứng đầu chủ chốt mẫu trước hết ưu tiên xuyên "
    "kỳ chuyên mực trong sạch vững mạnh toàn diện bền"
)
SYLLABLES = _VOCABULARY.split()


def long_regulation_text(articles: int = 200, number: str = "200-QĐ/ĐUK", seed: int = 7) -> str:
    """A long regulation like the benchmarks' largest: chapters of 20 articles, each article
    a paragraph and two clauses of 50–105 random words."""
    import random

    rng = random.Random(seed)

    def said(low: int, high: int) -> str:
        text = " ".join(rng.choice(SYLLABLES) for _ in range(rng.randint(low, high)))
        return text[0].upper() + text[1:] + "."

    lines = ["ĐẢNG ỦY KHỐI CƠ QUAN TỈNH", f"Số {number}", "Huế, ngày 3 tháng 2 năm 2024", "QUY ĐỊNH",
             "về công tác đảng viên trong cơ quan", ""]
    for n in range(1, articles + 1):
        if n % 20 == 1:
            lines += [f"Chương {n // 20 + 1}", said(4, 8).rstrip(".").upper()]
        lines += [f"Điều {n}. {said(6, 6).rstrip('.')}", said(50, 105)]
        lines += [f"{k}. {said(50, 105)}" for k in (1, 2)]
    return "\n".join(lines) + "\n"


def long_document(articles: int = 200, slug: str = "quy-dinh-dai", org=None):
    """A long regulation in the library (found by slug if already there), for paging and page weight.

    Built from the parsed text without the importer, so nothing is written to the uploads folder."""
    from sqlalchemy import select

    from handbook.extensions import db
    from handbook.library.importer import sync_sections
    from handbook.library.models import Document
    from handbook.library.structure import parse

    document = db.session.scalar(select(Document).where(Document.slug == slug))
    if document is None:
        number = f"{articles}-QĐ/ĐUK"
        document = Document(number=number, doc_type="Quy định", issuer="Đảng ủy Khối", slug=slug,
                            title="Về công tác đảng viên trong cơ quan", org_id=org.id if org else None)
        db.session.add(document)
        sync_sections(document, parse(long_regulation_text(articles, number)))
        db.session.commit()
    return document
