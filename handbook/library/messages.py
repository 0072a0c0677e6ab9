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
DOCX_UNPACKED = ("Tệp .docx này khi giải nén quá lớn (hơn {megabytes} MB, thường do ảnh rất lớn hoặc nội dung bất "
                 "thường). Hãy bỏ ảnh, lưu lại văn bản rồi nhập lại.")
DOCX_PARTS = "Tệp .docx này có quá nhiều thành phần (hơn {count}). Hãy lưu lại văn bản rồi nhập lại."
PDF_PAGES = "Tệp PDF dài hơn {count} trang. Hãy tách thành nhiều văn bản."
TOO_MUCH_TEXT = ("Văn bản dài hơn {chars} ký tự, vượt giới hạn của thư viện. "
                 "Hãy tách thành nhiều văn bản (ví dụ theo phần hoặc phụ lục).")
DUPLICATE = ("Đã có văn bản số hiệu {number} trong thư viện. "
             "Chọn “Thay thế văn bản cũ” hoặc “Nhập thành phiên bản mới”.")
NO_NUMBER = "Không tìm thấy số hiệu trong văn bản — hãy nhập số hiệu."
NO_SECTIONS = "Không nhận ra nội dung văn bản trong tệp."
SECTION_TOO_LONG = ("{label} dài {n} ký tự, quá giới hạn {max} ký tự cho một mục. Thường do tệp thiếu tiêu đề "
                    "Chương/Điều hoặc khoản đánh số nên nhiều phần bị gộp lại; hãy kiểm tra tệp rồi nhập lại.")
TOO_MANY_SECTIONS = "Văn bản có hơn {count} mục (điều, khoản, điểm). Hãy tách thành nhiều văn bản."
SYSTEM_WIDE_REFUSED = ("Chỉ quản trị của cấp ủy cấp cao nhất được nhập văn bản cho toàn hệ thống. "
                       "Hãy chọn tổ chức của đồng chí ở mục “Ai được xem”.")
CENTRAL_NUMBER_REFUSED = ("Số hiệu {number} là của cơ quan Trung ương: chỉ quản trị của cấp ủy cấp cao nhất được "
                          "nhập văn bản này. Nếu đảng viên cần học, hãy đề nghị cấp trên nhập vào thư viện "
                          "rồi giao học tập; nếu số hiệu gõ nhầm, hãy sửa lại.")
OUTSIDE_SUBTREE = "Đồng chí chỉ nhập được văn bản cho các tổ chức trong phạm vi mình quản lý."
BAD_DATE = "Ngày ban hành phải có dạng NN/TT/NNNN."

# A document's details refused on its edit form.
REPLACEMENT_LOOP = ("Không thể chọn văn bản này: nó chính là văn bản đang sửa, hoặc đã được văn bản đang sửa "
                    "thay thế.")
YEAR_MISMATCH = "Năm ban hành phải trùng với năm của ngày ban hành (hoặc để trống)."
NUMBER_TAKEN = "Đã có văn bản khác số hiệu {number} trong cùng phạm vi xem."

# Told after an action.
IMPORTED = "Đã nhập văn bản {number} ({sections} mục)."
IMPORTED_CLI = "Đã nhập {number} ({sections} mục, {articles} điều): /library/{slug}"
ASSIGNED = "Đã giao học tập {number} cho {org}."
STARTER_LOADED = "Bộ văn bản khởi đầu: thêm {added}, cập nhật {updated}, giữ nguyên {unchanged} văn bản."
STARTER_WITH_TEXT = "Đã có toàn văn, không thay đổi: {numbers}."
EDITED = "Đã lưu thông tin văn bản {name}."

# Words a form starts with.
WHOLE_DEPLOYMENT = "Toàn hệ thống"
NOT_REPLACED = "— Chưa bị thay thế —"
