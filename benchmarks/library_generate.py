"""Build a province-size library for the benchmarks: 2,000 documents, ~100,000 sections,
~50 MB of Vietnamese-like text with diacritics.

    DATABASE_URL=sqlite:///bench-library.sqlite3 python benchmarks/library_generate.py
    DATABASE_URL=postgresql+psycopg://postgres@127.0.0.1:5432/bench_library python benchmarks/library_generate.py

Options: --documents N (2000), --sections-per-doc N (50; the largest document gets 200 articles).
The schema is built by the real migrations, so the search index is the production one.
"""

import argparse
import os
import random
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

SYLLABLES = [
    "đảng", "viên", "cán", "bộ", "chi", "bộ", "nêu", "gương", "trách", "nhiệm", "sinh", "hoạt", "kỷ", "luật",
    "đoàn", "kết", "học", "tập", "làm", "theo", "tư", "tưởng", "đạo", "đức", "phong", "cách", "rèn", "luyện",
    "phẩm", "chất", "lối", "sống", "kiểm", "tra", "giám", "sát", "nhân", "dân", "tổ", "chức", "thực", "hiện",
    "nhiệm", "vụ", "chính", "trị", "xây", "dựng", "chỉnh", "đốn", "quy", "định", "chỉ", "thị", "nghị", "quyết",
    "kết", "luận", "hướng", "dẫn", "đề", "án", "thông", "báo", "cấp", "ủy", "bí", "thư", "phó", "thường", "vụ",
    "ban", "chấp", "hành", "trung", "ương", "tỉnh", "huyện", "xã", "phường", "cơ", "sở", "khối", "cơ", "quan",
    "doanh", "nghiệp", "đánh", "giá", "xếp", "loại", "hoàn", "thành", "xuất", "sắc", "tốt", "không", "năm",
    "tháng", "ngày", "kế", "hoạch", "báo", "cáo", "sơ", "kết", "tổng", "kết", "thi", "đua", "khen", "thưởng",
    "vi", "phạm", "xử", "lý", "tham", "nhũng", "lãng", "phí", "tiêu", "cực", "quan", "liêu", "dân", "chủ",
    "tập", "trung", "phê", "bình", "tự", "phê", "bình", "công", "khai", "minh", "bạch", "văn", "hóa", "giáo",
    "dục", "y", "tế", "kinh", "tế", "xã", "hội", "quốc", "phòng", "an", "ninh", "đối", "ngoại", "chuyển", "đổi",
    "số", "thông", "tin", "truyền", "thông", "mạng", "điện", "tử", "sổ", "tay", "hội", "nghị", "biên", "bản",
    "nghị", "định", "luật", "hiến", "pháp", "bảo", "vệ", "nền", "tảng", "phản", "bác", "quan", "điểm", "sai",
    "trái", "thù", "địch", "niềm", "tin", "gắn", "bó", "mật", "thiết", "người", "đứng", "đầu", "chủ", "chốt",
    "gương", "mẫu", "trước", "hết", "ưu", "tiên", "thường", "xuyên", "định", "kỳ", "chuyên", "đề", "mẫu", "mực",
    "trong", "sạch", "vững", "mạnh", "toàn", "diện", "bền", "vững",
]
TYPES = [("QĐ", "Quy định"), ("CT", "Chỉ thị"), ("NQ", "Nghị quyết"), ("KL", "Kết luận"), ("HD", "Hướng dẫn")]
ISSUERS = [("TW", "Ban Chấp hành Trung ương"), ("TU", "Tỉnh ủy"), ("ĐUK", "Đảng ủy Khối"),
           ("BTCTW", "Ban Tổ chức Trung ương")]


def words(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(SYLLABLES) for _ in range(n))


def sentence(rng: random.Random, n: int) -> str:
    text = words(rng, n)
    return text[0].upper() + text[1:] + "."


def build(documents: int, per_doc: int, seed: int = 7) -> None:
    from flask_migrate import upgrade
    from sqlalchemy import insert, text

    from handbook import create_app
    from handbook.extensions import db
    from handbook.library.models import Document, Section
    from handbook.search.index import optimize, rebuild

    app = create_app({"SQLALCHEMY_DATABASE_URI": os.environ["DATABASE_URL"]})
    rng = random.Random(seed)
    with app.app_context():
        upgrade()
        if db.session.scalar(text("SELECT count(*) FROM document")):
            print("database already has documents; use an empty one")
            return
        started, total_sections, total_bytes = time.perf_counter(), 0, 0
        next_section_id = 1
        for d in range(1, documents + 1):
            code, type_name = TYPES[d % len(TYPES)]
            issuer_code, issuer = ISSUERS[d % len(ISSUERS)]
            number = f"{d}-{code}/{issuer_code}"
            doc_id = db.session.execute(insert(Document).values(
                number=number, doc_type=type_name, issuer=issuer, title=sentence(rng, 16),
                issued_on=None, status="active", slug=f"bench-{d}", is_summary=False,
            ).returning(Document.id)).scalar_one()
            # Document 1 is the largest: 200 articles with clauses.
            articles = 200 if d == 1 else max(1, per_doc // 3)
            rows, position = [], 0
            for a in range(1, articles + 1):
                dieu_id = next_section_id
                body = sentence(rng, rng.randint(50, 105))
                rows.append({"id": dieu_id, "document_id": doc_id, "position": position, "level": "dieu",
                             "number": str(a), "heading": sentence(rng, 6), "text": body,
                             "anchor": f"dieu-{a}", "parent_id": None})
                next_section_id += 1
                position += 1
                for k in range(1, 3):
                    clause = sentence(rng, rng.randint(50, 105))
                    rows.append({"id": next_section_id, "document_id": doc_id, "position": position,
                                 "level": "khoan", "number": str(k), "heading": "", "text": clause,
                                 "anchor": f"dieu-{a}-khoan-{k}", "parent_id": dieu_id})
                    next_section_id += 1
                    position += 1
            db.session.execute(insert(Section), rows)
            total_sections += len(rows)
            total_bytes += sum(len(r["text"].encode()) + len(r["heading"].encode()) for r in rows)
            if d % 200 == 0:
                db.session.commit()
                print(f"{d} documents, {total_sections} sections, {total_bytes / 1e6:.1f} MB, "
                      f"{time.perf_counter() - started:.0f} s", flush=True)
        db.session.commit()
        # Core inserts pass the session's events by: the search index is built for them here.
        indexed = rebuild("section")
        db.session.commit()
        print(f"search index: {indexed} sections, {time.perf_counter() - started:.0f} s", flush=True)
        if db.engine.dialect.name == "postgresql":
            db.session.execute(text("SELECT setval('section_id_seq', (SELECT max(id) FROM section))"))
            db.session.commit()
            with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                conn.execute(text("VACUUM ANALYZE"))
        else:
            optimize()
            db.session.execute(text("ANALYZE"))
            db.session.commit()
        print(f"done: {documents} documents, {total_sections} sections, {total_bytes / 1e6:.1f} MB of text "
              f"in {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=2000)
    parser.add_argument("--sections-per-doc", type=int, default=50)
    args = parser.parse_args()
    build(args.documents, args.sections_per_doc)
