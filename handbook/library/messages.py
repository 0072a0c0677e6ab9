"""What the library tells people, in one place, ready for translation: why a file is refused,
what was imported or assigned. Pages say the rest in their templates; form labels stay with
the form, labels of stored codes beside their model.
"""

# A file refused by the importer.
EMPTY = "Tệp trống — không có nội dung để nhập."
NO_TEXT_LAYER = "PDF này không có lớp chữ — hãy dùng bản có thể chọn chữ"
WRONG_TYPE = "Chỉ nhận tệp .docx, .pdf, .txt hoặc .md."
TOO_BIG = "Tệp lớn hơn giới hạn {megabytes} MB."
UNREADABLE = "Không đọc được tệp này — tệp có thể bị hỏng hoặc không đúng định dạng."
NOT_UTF8 = "Tệp văn bản phải được lưu bằng mã UTF-8."
DUPLICATE = ("Đã có văn bản số hiệu {number} trong thư viện. "
             "Chọn “Thay thế văn bản cũ” hoặc “Nhập thành phiên bản mới”.")
NO_NUMBER = "Không tìm thấy số hiệu trong văn bản — hãy nhập số hiệu."
NO_SECTIONS = "Không nhận ra nội dung văn bản trong tệp."
BAD_DATE = "Ngày ban hành phải có dạng NN/TT/NNNN."

# Told after an action.
IMPORTED = "Đã nhập văn bản {number} ({sections} mục)."
IMPORTED_CLI = "Đã nhập {number} ({sections} mục, {articles} điều): /library/{slug}"
ASSIGNED = "Đã giao học tập {number} cho {org}."

# Words a form starts with.
WHOLE_DEPLOYMENT = "Toàn hệ thống"
