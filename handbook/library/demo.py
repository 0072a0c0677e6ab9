# ruff: noqa: E501 - summaries are prose, one paragraph per line as the importer reads them
"""Starter library: five documents as metadata, an outline and a summary in our own words.

Each is marked `is_summary` and says "Tóm tắt": the official texts are loaded by a
deployment's committee through the importer.
"""

from datetime import date, timedelta

from sqlalchemy import select

from handbook.extensions import db
from handbook.library.importer import sync_sections
from handbook.library.models import Document, StudyAssignment
from handbook.library.structure import parse

STARTERS = [
    {
        "slug": "05-ct-tw", "number": "05-CT/TW", "doc_type": "Chỉ thị", "issued_on": date(2016, 5, 15),
        "issuer": "Bộ Chính trị (khóa XII)",
        "title": "Về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
        "body": """Tóm tắt — bản tóm tắt do Sổ tay biên soạn, không phải nguyên văn chỉ thị.
1. Mục đích của việc học tập
Tóm tắt: đưa việc học và làm theo tấm gương của Bác thành việc làm thường xuyên của mỗi tổ chức đảng, mỗi cán bộ, đảng viên, gắn với nhiệm vụ chính trị của từng nơi.
2. Nội dung cơ bản
Tóm tắt: tư tưởng, đạo đức và phong cách được nêu thành các nhóm nội dung để học tập theo chuyên đề hằng năm; mỗi đảng viên tự chọn việc làm cụ thể để thực hiện.
3. Trách nhiệm nêu gương
Tóm tắt: người đứng đầu và cán bộ chủ chốt làm trước để đảng viên và quần chúng làm theo; chi bộ đưa nội dung này vào sinh hoạt định kỳ.
4. Tổ chức thực hiện
Tóm tắt: cấp ủy các cấp xây dựng kế hoạch, kiểm tra, sơ kết và khen thưởng; việc làm theo được đánh giá trong kiểm điểm cuối năm.""",
    },
    {
        "slug": "08-qdi-tw", "number": "08-QĐi/TW", "doc_type": "Quy định", "issued_on": date(2018, 10, 25),
        "issuer": "Ban Chấp hành Trung ương (khóa XII)",
        "title": "Về trách nhiệm nêu gương của cán bộ, đảng viên, trước hết là Ủy viên Bộ Chính trị, "
                 "Ủy viên Ban Bí thư, Ủy viên Ban Chấp hành Trung ương",
        "body": """Tóm tắt — bản tóm tắt do Sổ tay biên soạn, không phải nguyên văn quy định.
Điều 1. Mục đích nêu gương
Tóm tắt: nêu gương để giữ gìn phẩm chất đạo đức, lối sống của người đảng viên và củng cố niềm tin của nhân dân với Đảng.
Điều 2. Nguyên tắc
Tóm tắt: chức vụ càng cao càng phải gương mẫu; nói đi đôi với làm; nêu gương thường xuyên, trong công tác và trong đời sống.
Điều 3. Nội dung nêu gương
Tóm tắt: nhóm nội dung mà mỗi cán bộ, đảng viên phải làm gương.
1. Kiên định lập trường chính trị, chấp hành nghiêm đường lối của Đảng.
2. Giữ gìn đạo đức, lối sống giản dị; chống chủ nghĩa cá nhân, quan liêu, tham nhũng, lãng phí.
3. Có ý thức tổ chức kỷ luật, thực hiện nguyên tắc tập trung dân chủ.
4. Đoàn kết, gần gũi nhân dân, đấu tranh với biểu hiện suy thoái.
Điều 4. Trách nhiệm của người đứng đầu
Tóm tắt: người giữ chức vụ cao nhất phải gương mẫu trước tiên và chịu trách nhiệm về việc nêu gương ở nơi mình phụ trách.
Điều 5. Tổ chức thực hiện
Tóm tắt: các cấp ủy phổ biến, kiểm tra, giám sát; đưa việc nêu gương vào đánh giá, xếp loại đảng viên hằng năm.""",
    },
    {
        "slug": "101-qd-tw", "number": "101-QĐ/TW", "doc_type": "Quy định", "issued_on": date(2012, 6, 7),
        "issuer": "Ban Bí thư (khóa XI)",
        "title": "Về trách nhiệm nêu gương của cán bộ, đảng viên, nhất là cán bộ lãnh đạo chủ chốt các cấp",
        "body": """Tóm tắt — bản tóm tắt do Sổ tay biên soạn, không phải nguyên văn quy định.
Điều 1. Phạm vi và đối tượng
Tóm tắt: áp dụng cho mọi cán bộ, đảng viên, đặc biệt là người giữ vị trí lãnh đạo chủ chốt ở các cấp.
Điều 2. Những việc phải làm gương
Tóm tắt: gương mẫu trong học tập, rèn luyện, thực hiện nhiệm vụ và trong sinh hoạt ở nơi cư trú.
Điều 3. Những việc không được làm
Tóm tắt: không lợi dụng chức vụ để mưu lợi riêng, không để người thân lợi dụng danh nghĩa của mình.
Điều 4. Tổ chức thực hiện
Tóm tắt: cấp ủy các cấp phổ biến, theo dõi, kiểm tra việc thực hiện.""",
    },
    {
        "slug": "01-kl-tw", "number": "01-KL/TW", "doc_type": "Kết luận", "issued_on": date(2021, 5, 18),
        "issuer": "Bộ Chính trị (khóa XIII)",
        "title": "Về tiếp tục thực hiện Chỉ thị 05-CT/TW",
        "body": """Tóm tắt — bản tóm tắt do Sổ tay biên soạn, không phải nguyên văn kết luận.
1. Đánh giá kết quả
Tóm tắt: việc học tập và làm theo Bác đã đi vào nền nếp ở nhiều nơi, nhưng còn chỗ hình thức, chưa thường xuyên.
2. Nhiệm vụ tiếp theo
Tóm tắt: gắn việc học tập với xây dựng, chỉnh đốn Đảng; mỗi năm chọn khâu đột phá; tăng nêu gương của người đứng đầu.
3. Tổ chức thực hiện
Tóm tắt: cấp ủy các cấp cụ thể hóa bằng kế hoạch, có kiểm tra, sơ kết, tổng kết.""",
    },
    {
        "slug": "21-kl-tw", "number": "21-KL/TW", "doc_type": "Kết luận", "issued_on": date(2021, 10, 25),
        "issuer": "Ban Chấp hành Trung ương (khóa XIII)",
        "title": "Về đẩy mạnh xây dựng, chỉnh đốn Đảng và hệ thống chính trị",
        "body": """Tóm tắt — bản tóm tắt do Sổ tay biên soạn, không phải nguyên văn kết luận.
1. Nhận diện biểu hiện suy thoái
Tóm tắt: chỉ ra các biểu hiện suy thoái về tư tưởng chính trị, đạo đức, lối sống, "tự diễn biến", "tự chuyển hóa" để phòng ngừa.
2. Nhiệm vụ và giải pháp
Tóm tắt: tăng tự phê bình và phê bình, kiểm tra, giám sát; kiên quyết xử lý vi phạm; nêu gương của cán bộ, đảng viên.
3. Tổ chức thực hiện
Tóm tắt: các cấp ủy xây dựng kế hoạch thực hiện, định kỳ báo cáo kết quả.""",
    },
]


def seed(ctx) -> None:
    for spec in STARTERS:
        document = db.session.scalar(select(Document).where(Document.slug == spec["slug"]))
        if document is not None:
            continue
        fields = {k: v for k, v in spec.items() if k != "body"}
        document = Document(**fields, is_summary=True, status="active")
        db.session.add(document)
        sync_sections(document, parse(spec["body"]))
    db.session.flush()
    # Cell 1 is asked to study the regulation on setting an example.
    q08 = db.session.scalar(select(Document).where(Document.slug == "08-qdi-tw"))
    exists = db.session.scalar(select(StudyAssignment.id).where(
        StudyAssignment.document_id == q08.id, StudyAssignment.org_id == ctx["cell1"].id))
    if not exists:
        db.session.add(StudyAssignment(document_id=q08.id, org_id=ctx["cell1"].id,
                                       due_on=date.today() + timedelta(days=30),
                                       assigned_by_id=ctx["users"]["bithu"].id))
