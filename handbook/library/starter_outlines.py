# ruff: noqa: E501 - outlines are prose, one paragraph per line as the importer reads them
"""Outlines of five starter documents in our own words: each part summarised under a heading of
its own. The reader shows them after the document's short summary (handbook/library/starter.py)."""

OUTLINES = {
    "05-ct-tw": """1. Mục đích của việc học tập
Tóm tắt: đưa việc học và làm theo tấm gương của Bác thành việc làm thường xuyên của mỗi tổ chức đảng, mỗi cán bộ, đảng viên, gắn với nhiệm vụ chính trị của từng nơi.
2. Nội dung cơ bản
Tóm tắt: tư tưởng, đạo đức và phong cách được nêu thành các nhóm nội dung để học tập theo chuyên đề hằng năm; mỗi đảng viên tự chọn việc làm cụ thể để thực hiện.
3. Trách nhiệm nêu gương
Tóm tắt: người đứng đầu và cán bộ chủ chốt làm trước để đảng viên và quần chúng làm theo; chi bộ đưa nội dung này vào sinh hoạt định kỳ.
4. Tổ chức thực hiện
Tóm tắt: cấp ủy các cấp xây dựng kế hoạch, kiểm tra, sơ kết và khen thưởng; việc làm theo được đánh giá trong kiểm điểm cuối năm.""",
    "08-qdi-tw": """Điều 1. Mục đích nêu gương
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
    "101-qd-tw": """Điều 1. Phạm vi và đối tượng
Tóm tắt: áp dụng cho mọi cán bộ, đảng viên, đặc biệt là người giữ vị trí lãnh đạo chủ chốt ở các cấp.
Điều 2. Những việc phải làm gương
Tóm tắt: gương mẫu trong học tập, rèn luyện, thực hiện nhiệm vụ và trong sinh hoạt ở nơi cư trú.
Điều 3. Những việc không được làm
Tóm tắt: không lợi dụng chức vụ để mưu lợi riêng, không để người thân lợi dụng danh nghĩa của mình.
Điều 4. Tổ chức thực hiện
Tóm tắt: cấp ủy các cấp phổ biến, theo dõi, kiểm tra việc thực hiện.""",
    "01-kl-tw": """1. Đánh giá kết quả
Tóm tắt: việc học tập và làm theo Bác đã đi vào nền nếp ở nhiều nơi, nhưng còn chỗ hình thức, chưa thường xuyên.
2. Nhiệm vụ tiếp theo
Tóm tắt: gắn việc học tập với xây dựng, chỉnh đốn Đảng; mỗi năm chọn khâu đột phá; tăng nêu gương của người đứng đầu.
3. Tổ chức thực hiện
Tóm tắt: cấp ủy các cấp cụ thể hóa bằng kế hoạch, có kiểm tra, sơ kết, tổng kết.""",
    "21-kl-tw": """1. Nhận diện biểu hiện suy thoái
Tóm tắt: chỉ ra các biểu hiện suy thoái về tư tưởng chính trị, đạo đức, lối sống, "tự diễn biến", "tự chuyển hóa" để phòng ngừa.
2. Nhiệm vụ và giải pháp
Tóm tắt: tăng tự phê bình và phê bình, kiểm tra, giám sát; kiên quyết xử lý vi phạm; nêu gương của cán bộ, đảng viên.
3. Tổ chức thực hiện
Tóm tắt: các cấp ủy xây dựng kế hoạch thực hiện, định kỳ báo cáo kết quả.""",
}
