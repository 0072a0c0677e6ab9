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
REVIEW_SUBMITTED = "Đã nộp bản tự kiểm điểm năm {year}."
BAD_LEVEL = "Mức xếp loại không hợp lệ: chọn một trong bốn mức của Quy định 124-QĐ/TW."
BAD_CONDUCT = "Mức nêu gương không hợp lệ: chọn nêu gương tốt, nêu gương hoặc chưa nêu gương."
OTHER_CELL = "Đảng viên này không sinh hoạt ở chi bộ {cell}; không xếp loại được."
RATED_ELSEWHERE = ("Đồng chí {name} đã được {cell} xếp loại năm {year}, trước khi chuyển sinh hoạt; "
                   "kết quả ấy thuộc về chi bộ đó, chi bộ này không xếp loại lại.")
RATINGS_LOCKED = "Chi bộ đã chốt xếp loại năm {year}; không sửa được nữa."
RATING_SAVED = "Đã ghi xếp loại của đồng chí {name}."
OVER_CAP = ("Số đảng viên hoàn thành xuất sắc nhiệm vụ ({excellent}) vượt quá {cap}% số được xếp loại "
            "hoàn thành tốt trở lên ({base}): tối đa {allowed} đồng chí.")
NOT_ALL_RATED = "Còn {count} đảng viên chưa được xếp loại: {names}."
FINISHED = "Đã chốt xếp loại năm {year} của chi bộ. Từng đảng viên xem được kết quả của mình."
TEMPLATE_SAVED = "Đã lưu mẫu bản cam kết cho {org}."

REVIEW_PARTS = {
    "political": "Về tư tưởng chính trị",
    "ethics": "Về phẩm chất đạo đức, lối sống",
    "discipline": "Về ý thức tổ chức kỷ luật",
    "tasks": "Về kết quả thực hiện chức trách, nhiệm vụ được giao",
    "exemplary": "Về việc thực hiện cam kết tu dưỡng, rèn luyện, phấn đấu và trách nhiệm nêu gương",
    "shortcomings": "Hạn chế, khuyết điểm, nguyên nhân và biện pháp khắc phục",
}

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
