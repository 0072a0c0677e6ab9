"""What the meetings feature tells people, in one place, ready for translation: flash messages,
refusals, warnings, notifications, the words of an agenda's change log and of the calendar.

Pages say the rest in their templates; labels of stored codes stay beside their model, and a
form's labels and validator messages with the form.
"""

# Words a form starts with.
DEFAULT_TITLE = "Sinh hoạt chi bộ định kỳ"
NO_DOCUMENT = "— Không —"

# Told after an action.
CREATED = "Đã tạo bản nháp buổi họp. Kiểm tra chương trình rồi công bố."
SAVED = "Đã lưu."
PUBLISHED = "Đã công bố chương trình họp; đảng viên trong chi bộ đã được thông báo."
CANCELLED = "Đã hủy buổi họp."
RSVP_SAVED = "Đã ghi nhận đăng ký của đồng chí."
CHECKED_IN = "Đã điểm danh: có mặt."
CODE_OUTSIDE_WINDOW = "Mã đã tạo, nhưng chỉ dùng được từ 30 phút trước giờ họp đến 30 phút sau khi kết thúc."
ATTENDANCE_SAVED = "Đã lưu điểm danh."
MINUTES_DRAFT_SAVED = "Đã lưu bản nháp biên bản."
MINUTES_REVISED = "Đã lưu lần sửa {revision}."
MINUTES_PUBLISHED = "Biên bản đã hoàn thành và được công bố cho đảng viên."
FEED_RENEWED = "Đã tạo địa chỉ lịch mới. Địa chỉ cũ không còn dùng được."

# Refused, with the reason.
CANCEL_UNCONFIRMED = "Chưa hủy: vui lòng đánh dấu xác nhận hủy buổi họp."
CONFIRM_WARNINGS = "Vui lòng xác nhận cảnh báo trước khi công bố."
BAD_DOCUMENT = "Tài liệu không hợp lệ."
PAST_START = "Thời gian bắt đầu đã qua; vui lòng chọn thời điểm sắp tới."
NO_ITEMS = "Chương trình chưa có mục nào."
RSVP_CLOSED = "Buổi họp này không còn nhận đăng ký."
CHECKIN_CLOSED = "Điểm danh chưa mở hoặc đã hết giờ."
WRONG_CODE = "Mã điểm danh không đúng."
ABSENCE_REASON = "Vui lòng ghi lý do vắng."
REVISION_REASON = "Biên bản đã hoàn thành: vui lòng ghi lý do sửa."
NOT_IN_THIS_STATUS = "Không thể làm việc này khi buổi họp ở trạng thái “{status}”."
AGENDA_STALE = ("Chương trình vừa được người khác sửa trong lúc đồng chí đang sửa. Nội dung đồng chí nhập vẫn còn "
                "bên dưới: xem lại chương trình mới rồi bấm lưu lần nữa.")
MINUTES_STALE = ("Biên bản vừa được người khác lưu trong lúc đồng chí đang sửa. Bản đồng chí gửi đã được giữ lại; "
                 "các ô dưới đây có cả hai bản — gộp lại rồi lưu.")

# The guidance's rules a secretary may knowingly override when publishing.
LATE_NOTICE = "Chương trình được công bố chưa đủ 1 ngày trước buổi họp."
SHORT_MEETING = "Thời lượng dự kiến {minutes} phút, ít hơn {minimum} phút theo hướng dẫn."

# Notifications to the cell's members.
NOTIFY_PUBLISHED = "Chương trình họp “{title}” ({when}) đã được công bố."
NOTIFY_CHANGED = "Chương trình họp “{title}” thay đổi: {summary}"
NOTIFY_RESCHEDULED = "Buổi họp “{title}” chuyển sang {when}. Đồng chí vui lòng đăng ký tham dự lại."
NOTIFY_CANCELLED = "Buổi họp “{title}” ({when}) đã bị hủy."
NOTIFY_CHECKIN = "Đã mở điểm danh buổi họp “{title}”."
NOTIFY_MINUTES = "Biên bản buổi họp “{title}” đã được công bố."
NOTIFY_MINUTES_REVISED = "Biên bản buổi họp “{title}” được sửa: {reason}"

# An agenda's change log (also the end of a NOTIFY_CHANGED).
DETAIL_NAMES = {"starts_at": "thời gian", "kind": "loại buổi họp", "title": "tên", "duration_minutes": "thời lượng",
                "location": "địa điểm", "paper_author": "người viết chuyên đề"}
DETAILS_CHANGED = "sửa {names}"
ITEM_ADDED = "thêm mục “{title}”"
ITEM_CHANGED = "sửa mục “{title}”"
ITEM_REMOVED = "bỏ mục “{title}”"
ITEM_MOVED = "đổi thứ tự mục “{title}”"
SECTION_LINKED = "gắn văn bản vào mục “{title}”"
SECTION_UNLINKED = "bỏ văn bản khỏi mục “{title}”"
FIRST_REVISION = "Bản hoàn thành"

# Calendars.
FEED_NAME = "Lịch sinh hoạt chi bộ"
ALARM_DAY = "Ngày mai họp: {title}"
ALARM_HOUR = "1 giờ nữa họp: {title}"
