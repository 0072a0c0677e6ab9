"""What the member's year says to its users."""

FUTURE_YEAR = "Năm {year} chưa tới: chỉ ghi cam kết, tự kiểm điểm và xếp loại cho năm nay hoặc các năm trước."
NO_CELL = "Tài khoản của đồng chí chưa thuộc chi bộ nào; hãy báo cấp ủy."
ALREADY_SUBMITTED = "Bản này đã nộp chi bộ lúc {time}; không nộp lại hay sửa được nữa."
EMPTY_COMMITMENT = "Bản cam kết còn trống: hãy ghi ít nhất một việc cụ thể."
COMMITMENT_SUBMITTED = "Đã nộp bản cam kết năm {year}. Bí thư chi bộ đã xem được."
SAVED_AT = "Đã lưu lúc {time}."
STALE = "Bản này vừa được lưu từ nơi khác. Hai bản được đặt cạnh nhau trong từng mục; gộp xong hãy bấm “Lưu”."
EVIDENCE_EMPTY = "Hãy ghi nội dung minh chứng."
EVIDENCE_MONTH = "Tháng phải từ 1 đến 12."
EVIDENCE_NEEDS_COMMITMENT = "Hãy viết bản cam kết trước khi thêm minh chứng."
EVIDENCE_ADDED = "Đã thêm minh chứng tháng {month}."
REVIEW_PART_EMPTY = "Mục “{part}” còn trống."
REVIEW_NO_LEVEL = "Hãy chọn mức tự xếp loại."
BAD_POINTS = "Điểm mục “{group}” phải là số từ 0 đến {most} (có thể lẻ một chữ số, ví dụ 8,5)."
BAD_BEYOND = "Tỷ lệ nhiệm vụ hoàn thành vượt mức phải là số phần trăm từ 0 đến 100."
BAD_KIND = "Hãy chọn mẫu bản kiểm điểm 2A, 2B hoặc 2C."
REVIEW_SUBMITTED = "Đã nộp bản tự kiểm điểm năm {year}."
BAD_CONDUCT = "Hãy chọn mức nêu gương: nêu gương tốt, nêu gương hoặc chưa nêu gương."
EXEMPT = "Đồng chí {name} không đánh giá, xếp loại năm {year}: {reason}."
EXEMPT_NOW = "Đồng chí {name} hiện không đánh giá, xếp loại: {reason}."
OCCASIONAL_REASON = "Hãy ghi lý do đánh giá (ví dụ: chuyển công tác, xem xét đề bạt)."
OCCASIONAL_SAVED = "Đã ghi kết quả đánh giá khi cần thiết của đồng chí {name}: {level}."
OTHER_CELL = "Đảng viên này không sinh hoạt ở chi bộ {cell}; không xếp loại được."
RATED_ELSEWHERE = ("Đồng chí {name} đã được {cell} xếp loại năm {year}, trước khi chuyển sinh hoạt; "
                   "kết quả ấy thuộc về chi bộ đó, chi bộ này không xếp loại lại.")
RATINGS_LOCKED = "Chi bộ đã chốt xếp loại năm {year}; không sửa được nữa."
RATING_SAVED = "Đã ghi xếp loại của đồng chí {name}: {level}."
# The cap's arithmetic, said once where the secretary reads it (the cell's page, the confirmation).
CAP_LINE = ("Xuất sắc tối đa {cap}% số đảng viên hoàn thành tốt trở lên: {cap}% × {base} = {product} → "
            "tối đa {allowed} đồng chí (làm tròn xuống). Chi bộ đang có {excellent} đồng chí xuất sắc.")
OVER_CAP = "Chưa chốt được: số đảng viên hoàn thành xuất sắc nhiệm vụ vượt mức tối đa (xem phép tính trên trang)."
NOT_ALL_RATED = "Còn {count} đảng viên chưa được xếp loại: {names}."
FINISHED = "Đã chốt xếp loại năm {year} của chi bộ. Từng đảng viên xem được kết quả của mình."
TEMPLATE_SAVED = "Đã lưu mẫu bản cam kết cho {org}."

# The parts of a paper written under Quy định 124-QĐ/TW (Hướng dẫn 25-HD/BTCTW), as submitted then.
REVIEW_PARTS = {
    "political": "Về tư tưởng chính trị",
    "ethics": "Về phẩm chất đạo đức, lối sống",
    "discipline": "Về ý thức tổ chức kỷ luật",
    "tasks": "Về kết quả thực hiện chức trách, nhiệm vụ được giao",
    "exemplary": "Về việc thực hiện cam kết tu dưỡng, rèn luyện, phấn đấu và trách nhiệm nêu gương",
    "shortcomings": "Hạn chế, khuyết điểm, nguyên nhân và biện pháp khắc phục",
}

# The parts of a paper under Quy định 366-QĐ/TW (Hướng dẫn 43-HD/BTCTW, forms 2A, 2B, 2C), in
# the paper's order: 2B adds the leader's part, 2C speaks of where the member works and lives.
REVIEW_PARTS_366 = {
    "political": "Về tư tưởng chính trị",
    "ethics": "Về phẩm chất đạo đức, lối sống, trách nhiệm nêu gương",
    "discipline": "Về ý thức tổ chức kỷ luật, tự phê bình và phê bình",
    "tasks": "Về kết quả thực hiện chức trách, nhiệm vụ được giao",
    "leadership": "Về năng lực lãnh đạo, quản lý và kết quả của cơ quan, đơn vị được giao phụ trách",
    "exemplary": "Về việc thực hiện cam kết tu dưỡng, rèn luyện, phấn đấu",
    "shortcomings": "Hạn chế, khuyết điểm, nguyên nhân và biện pháp khắc phục",
}
TASKS_OUTSIDE = "Về việc thực hiện nhiệm vụ đảng viên ở nơi làm việc và nơi cư trú"

DEFAULT_COMMITMENT = """1. Học tập: học và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh theo Chỉ thị 05-CT/TW; \
đọc đầy đủ các văn bản chi bộ giao.
2. Tại nơi làm việc: …
3. Tại nơi cư trú: …
4. Nêu gương theo Quy định 08-QĐi/TW và 101-QĐ/TW: …"""
MODEL_NOT_A_CELL = "Hãy chọn một chi bộ thuộc đơn vị của đồng chí."
MODEL_BAD_PERIOD = "Giai đoạn không hợp lệ: năm kết thúc không trước năm bắt đầu, và không quá 10 năm."
MODEL_BAD_TARGET = "Chỉ tiêu là tỷ lệ phần trăm, từ 0 đến 100."
MODEL_ALREADY = "{cell} đã đăng ký chi bộ kiểu mẫu từ năm {year}."
MODEL_REGISTERED = "Đã đăng ký {cell} phấn đấu trở thành chi bộ kiểu mẫu."
EVIDENCE_NOT_CITABLE = "Không dẫn được việc này. Hãy chọn một việc trong danh sách."
EVIDENCE_NOT_YOUR_NOTE = "Không chép được từ ghi chép này. Hãy chọn một ghi chép của đồng chí trong danh sách."
