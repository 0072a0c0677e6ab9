"""What the study programmes say to their users."""

# Setting a programme
TITLE_MISSING = "Hãy nhập tên chương trình học tập."
ORG_NOT_YOURS = "Hãy chọn một tổ chức đảng thuộc phạm vi của đồng chí."
NOTHING_TO_STUDY = "Hãy chọn ít nhất một văn bản hoặc một điều khoản cần học."
TOO_MANY_ITEMS = "Một chương trình có tối đa {most} mục cần học; hãy chia thành nhiều chương trình."
BAD_ITEM = "Có mục không còn trong thư viện; hãy tải lại trang rồi chọn lại."
DOCUMENT_HIDDEN = ("Văn bản {number} không phải mọi đảng viên thuộc {org} đều đọc được; "
                   "hãy chọn văn bản khác hoặc chọn đơn vị hẹp hơn.")
BAD_DATE = "Ngày không hợp lệ: chọn ngày (ví dụ 15/03/2026)."
ENDS_BEFORE_STARTS = "Ngày kết thúc phải sau hoặc trùng ngày bắt đầu."
ENDS_IN_PAST = "Ngày kết thúc đã qua; hãy chọn một ngày từ hôm nay trở đi."
TOO_LONG = "Một chương trình kéo dài tối đa một năm."
SET = "Đã đặt chương trình “{title}” cho {who}."

# Study sessions
CELL_NOT_YOURS = "Hãy chọn chi bộ mà đồng chí phụ trách, thuộc đối tượng của chương trình."
SESSION_PLANNED = "Đã lên lịch buổi học tập “{title}”. Hãy xem lại chương trình buổi họp rồi thông báo cho đảng viên."
SESSION_TITLE = "Học tập: {title}"
AGENDA_ARTICLES = "Các văn bản, điều khoản của chương trình"

# Thu hoạch
NOT_IN_AUDIENCE = "Chương trình này không dành cho đồng chí."
NO_CELL = "Đồng chí chưa thuộc chi bộ nào nên chưa viết thu hoạch được."
HARVEST_EMPTY = "Bài thu hoạch còn trống: hãy viết vài dòng điều đồng chí rút ra rồi mới nộp."
HARVEST_SUBMITTED = "Đã nộp bài thu hoạch cho chi bộ lúc {time}."
ALREADY_SUBMITTED = "Bài thu hoạch đã nộp lúc {time}; không sửa được nữa."
PROGRAMME_CLOSED = "Chương trình đã kết thúc ngày {day}; không viết hay nộp thu hoạch được nữa."
PROGRAMME_NOT_STARTED = "Chương trình bắt đầu ngày {day}; đồng chí quay lại khi đó nhé."
SAVED_AT = "Đã lưu lúc {time}."
STALE = ("Bài thu hoạch vừa được lưu từ máy khác. Cả hai bản đều được giữ: chọn bản muốn giữ, "
         "hoặc gộp hai bản trong ô bên dưới rồi bấm “Lưu”.")
BAD_VERSION = "Trang đã cũ: hãy tải lại trang (chữ đồng chí đang gõ vẫn còn trong ô)."
STALE_FORM = "Trang đã cũ: hãy tải lại rồi làm lại."
