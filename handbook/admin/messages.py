"""What administration tells people, in one place, ready for translation: flash messages,
refusals of the organisation tree and member services, and the problems found in a member's
fields or a CSV file. Pages say the rest in their templates; form labels stay with the form,
and the audit log's summaries (records, not messages) with the change they describe.
"""

# Told after an action.
ORG_CREATED = "Đã tạo “{name}”."
ORG_RENAMED = "Đã đổi tên."
ORG_MOVED = "Đã chuyển tổ chức."
ORG_CLOSED = "Đã đóng tổ chức."
ORG_REOPENED = "Đã mở lại tổ chức."
MEMBER_SAVED = "Đã lưu thông tin đảng viên."
MEMBER_DEACTIVATED = "Đã khóa tài khoản; mọi phiên đăng nhập đã kết thúc."
MEMBER_REACTIVATED = "Đã mở lại tài khoản."
MEMBER_MOVED = "Đã chuyển sang {cell}."
ROLE_ASSIGNED = "Đã giao chức trách."
ROLE_REMOVED = "Đã thôi chức trách."

# The organisation tree refuses.
CHOOSE_PARENT = "Hãy chọn tổ chức cấp trên mới."
KIND_NOT_ALLOWED_HERE = "Không thể tạo loại tổ chức này bên dưới tổ chức đã chọn."
PARENT_CLOSED = "Tổ chức cấp trên đã đóng."
ROOT_NOT_MOVED = "Không thể chuyển tổ chức gốc của phạm vi quản lý."
ROOT_NOT_CLOSED = "Không thể đóng tổ chức gốc của phạm vi quản lý."
MOVE_INTO_ITSELF = "Không thể chuyển một tổ chức vào chính nó hoặc tổ chức cấp dưới của nó."
NEW_PARENT_REFUSES_KIND = "Tổ chức cấp trên mới không nhận loại tổ chức này."
NEW_PARENT_CLOSED = "Tổ chức cấp trên mới đã đóng."
OPEN_CHILDREN = "Còn tổ chức trực thuộc đang hoạt động; hãy chuyển hoặc đóng chúng trước."
ACTIVE_MEMBERS = "Chi bộ còn {count} đảng viên đang hoạt động; hãy chuyển họ sang chi bộ khác trước."

# Member accounts refuse.
OPEN_CELL = "Hãy chọn một chi bộ đang hoạt động."
CHOOSE_CELL = "Hãy chọn chi bộ mới."
NOT_YOURSELF = "Không thể tự khóa tài khoản của chính mình."
LAST_ROOT_ADMIN = "Đây là quản trị viên cuối cùng của tổ chức gốc; không thể khóa tài khoản này."
ALREADY_IN_CELL = "Đảng viên đã ở chi bộ này."
BAD_ROLE = "Chức trách không hợp lệ."
ALREADY_HOLDS_ROLE = "Đảng viên đã giữ chức trách này."
ACCOUNT_LOCKED = "Tài khoản đang bị khóa."
DOES_NOT_HOLD_ROLE = "Đảng viên không giữ chức trách này."
TAKEN = "{label} {value} đã thuộc một tài khoản khác."
CARD_LABEL = "Số thẻ"
PHONE_LABEL = "Số điện thoại"

# A member's fields (the form and the CSV import check them alike).
NAME_MISSING = "Thiếu họ tên."
NAME_TOO_LONG = "Họ tên dài quá 120 ký tự."
NAME_CHARACTERS = "Họ tên chỉ được gồm chữ cái, dấu cách và các dấu . ' -"
CARD_MISSING = "Thiếu số thẻ đảng viên."
CARD_SHAPE = "Số thẻ đảng viên phải gồm 6–12 chữ số."
PHONE_SHAPE = "Số điện thoại không đúng dạng (10–11 chữ số, bắt đầu bằng 0)."
DATE_SHAPE = "{label} phải có dạng ngày/tháng/năm (ví dụ 02/09/1975)."
DATE_NOT_REAL = "{label} không có thật ({value})."
DATE_INVALID = "{label} không hợp lệ ({value})."
ADMITTED_BEFORE_BIRTH = "Ngày vào Đảng phải sau ngày sinh."
OFFICIAL_BEFORE_BIRTH = "Ngày chính thức phải sau ngày sinh."
OFFICIAL_BEFORE_ADMITTED = "Ngày chính thức không được trước ngày vào Đảng."
SEX_VALUES = "Giới tính ghi “Nam” hoặc “Nữ”."
STANDING_VALUES = ("Tình trạng sinh hoạt ghi “bình thường”, “miễn sinh hoạt”, “sinh hoạt tạm thời” hoặc "
                   "“đình chỉ sinh hoạt” (để trống: bình thường).")

# A CSV file of members.
FILE_MISSING = "Hãy chọn tệp CSV."
FILE_TOO_BIG = "Tệp lớn hơn 5 MB. Hãy chia danh sách thành nhiều tệp."
FILE_NOT_CSV = "Tệp không phải là tệp văn bản CSV."
FILE_NOT_UTF8 = "Tệp không dùng bảng mã UTF-8. Trong Excel hãy chọn “Lưu thành” → “CSV UTF-8”."
FILE_EMPTY = "Tệp trống."
FILE_ONLY_HEADER = "Tệp chỉ có dòng tiêu đề, chưa có đảng viên nào."
FILE_COLUMNS_MISSING = "Thiếu dòng tiêu đề hoặc thiếu cột: {columns}. Hãy dùng tệp mẫu."
FILE_TOO_MANY_ROWS = "Tệp có quá {count} dòng."
FILE_MALFORMED = "Tệp CSV sai định dạng ({error})."
FILE_HAS_PROBLEMS = "Tệp còn dòng có lỗi; chưa nhập dòng nào."
PREVIEW_EXPIRED = "Bản xem trước đã hết hạn hoặc đã được nhập. Hãy tải tệp lên lại."
CELL_MISSING = "Thiếu tên chi bộ."
CELL_UNKNOWN = "Không có chi bộ “{name}” trong phạm vi quản lý."
CELL_AMBIGUOUS = "Có nhiều chi bộ tên “{name}”; hãy ghi mã chi bộ (ví dụ #{example}) như trên trang của chi bộ."
CARD_REPEATED = "Trùng số thẻ {card} với dòng {line}."
CARD_TAKEN = "Số thẻ {card} đã có tài khoản."
PHONE_REPEATED = "Trùng số điện thoại với dòng {line}."
PHONE_TAKEN = "Số điện thoại {phone} đã có tài khoản."
PERSON_REPEATED = "Có thể trùng người với dòng {line} (“{name}”, cùng ngày sinh)."
PERSON_KNOWN = "Đã có đảng viên cùng họ tên và ngày sinh (số thẻ {card})."
IDENTIFIER_REPEATED = "Trùng {label}{shown} với dòng {line}."
IDENTIFIER_TAKEN = "{label} {value} đã có tài khoản."
# A clash outside the admin's branch, found only at import, names nobody and no place: only
# what to do about it.
CLASH_EXISTING = ("Không nhập được dòng này: số thẻ, số điện thoại, hoặc họ tên và ngày sinh trùng với một tài "
                  "khoản đã có. Nếu là cùng một người, hãy đề nghị cấp ủy đang quản lý người đó chuyển sinh hoạt về "
                  "chi bộ này; nếu không, hãy kiểm tra lại dòng này.")
IMPORT_TAKEN_MEANWHILE = ("Một số thẻ hoặc số điện thoại trong tệp vừa được dùng cho tài khoản khác. "
                         "Chưa nhập dòng nào; hãy tải tệp lên lại để xem dòng bị trùng.")
TAKEN_MEANWHILE = "Số thẻ hoặc số điện thoại vừa được dùng cho một tài khoản khác. Hãy kiểm tra lại rồi lưu."
