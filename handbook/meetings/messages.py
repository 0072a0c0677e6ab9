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
ATTENDANCE_TOO_EARLY = ("Buổi họp diễn ra ngày {day}: điểm danh chỉ ghi từ ngày họp. "
                        "Danh sách chưa được lưu, buổi họp vẫn ở trạng thái đã công bố.")
ATTENDANCE_WAITS = "Buổi họp diễn ra ngày {day}: điểm danh chỉ ghi từ ngày họp."
CODE_OUTSIDE_WINDOW = "Mã đã tạo, nhưng chỉ dùng được từ 30 phút trước giờ họp đến 30 phút sau khi kết thúc."
ATTENDANCE_SAVED = "Đã lưu điểm danh."
MINUTES_DRAFT_SAVED = "Đã lưu bản nháp biên bản."
MINUTES_CHECK_FIELDS = "kiểm tra các ô đánh dấu đỏ rồi bấm “Lưu nháp”."
MINUTES_FINAL_NO_CHOICE = ("Biên bản đã hoàn thành: muốn đưa bản được giữ lại vào, xin mở bản sửa kèm lý do "
                           "rồi chép phần cần thêm.")
MINUTES_REVISED = ("Đã mở lần sửa {revision}. Biên bản cần chủ trì và thư ký ký xác nhận lại; đến khi đủ hai "
                   "chữ ký, đảng viên vẫn xem bản đã ký lần trước.")
MINUTES_PUBLISHED = "Biên bản đã hoàn thành và được công bố cho đảng viên."
FEED_RENEWED = "Đã tạo địa chỉ lịch mới. Địa chỉ cũ không còn dùng được."

# Refused, with the reason.
CANCEL_UNCONFIRMED = "Chưa hủy: vui lòng đánh dấu xác nhận hủy buổi họp."
CONFIRM_RESCHEDULE = ("Đổi thời gian họp từ {old} sang {new}? Đăng ký tham dự sẽ bị xóa và đảng viên được báo. "
                      "Đánh dấu xác nhận rồi bấm lưu lần nữa.")
RESCHEDULED_AUDIT = "“{title}”: từ {old} sang {new}"
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
NOTIFY_RESCHEDULED = "Buổi họp “{title}” đổi giờ: từ {old} sang {when}. Đồng chí vui lòng đăng ký tham dự lại."
NOTIFY_CANCELLED = "Buổi họp “{title}” ({when}) đã bị hủy."
NOTIFY_CHECKIN = "Đã mở điểm danh buổi họp “{title}”."
NOTIFY_MINUTES = "Biên bản buổi họp “{title}” đã được công bố."
NOTIFY_VOTE = "Đang biểu quyết tại buổi họp “{title}”: {question}"
NOTIFY_MINUTES_REVISED = "Biên bản buổi họp “{title}” đã được sửa (lần {revision}: {reason}) và ký xác nhận lại."
REMIND_DAY = "Nhắc lịch: ngày mai họp “{title}”, {when}, tại {where}."
REMIND_HOUR = "Còn khoảng 1 giờ nữa: họp “{title}”, {when}, tại {where}."

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

# The audit log's words for attendance and check-in.
ATTENDANCE_AUDIT = ("“{title}”: có mặt {present}, vắng có lý do {excused}, vắng không lý do {absent}, "
                    "chưa điểm danh {unknown}")
CHECKIN_OPENED_AUDIT = "“{title}”: mở điểm danh bằng mã"
CHECKIN_RENEWED_AUDIT = "“{title}”: đổi mã điểm danh"
ATTENDANCE_UNKNOWN = "Đã lưu điểm danh. Còn {n} đồng chí chưa điểm danh."

# Where a new agenda item goes.
BEFORE_CLOSING = "Trước mục “{title}”"
AT_END = "Cuối chương trình"
AFTER_ITEM = "Sau mục {n}. {title}"

# Calendars.
FEED_NAME = "Lịch sinh hoạt chi bộ"
ALARM_DAY = "Ngày mai họp: {title}"
ALARM_HOUR = "1 giờ nữa họp: {title}"

# Votes (votes/service.py, votes/rules.py).
VOTE_OPENED = "Đã mở biểu quyết. Đảng viên có mặt biểu quyết trên điện thoại cho đến khi đồng chí đóng."
VOTE_CLOSED = "Đã đóng biểu quyết và tính kết quả."
VOTE_ANNULLED = "Đã hủy kết quả biểu quyết; lý do được giữ trong lịch sử."
VOTE_CAST = "Đã ghi nhận biểu quyết của đồng chí. Có thể đổi cho đến khi đóng biểu quyết."
VOTE_ALREADY_OPEN = "Đang có biểu quyết chưa đóng: “{question}”. Hãy đóng biểu quyết đó trước khi mở biểu quyết mới."
VOTE_ALREADY_HELD = ("Nội dung “{question}” đã được biểu quyết. Muốn biểu quyết lại, hãy hủy kết quả cũ "
                     "(ghi rõ lý do) trước.")
VOTE_NOT_STARTED = "Buổi họp chưa bắt đầu: chỉ mở biểu quyết từ 30 phút trước giờ họp."
VOTE_NOT_OPEN = "Biểu quyết này đã đóng; không thể bỏ phiếu hay sửa nữa."
VOTE_NOT_CLOSED = "Chỉ hủy được kết quả của biểu quyết đã đóng."
VOTE_ANNUL_REASON = "Vui lòng ghi lý do hủy kết quả."
VOTE_BAD_CHOICE = "Vui lòng chọn một phương án."
VOTE_BAD_KIND = "Vui lòng chọn loại biểu quyết."
VOTE_BAD_ITEM = "Mục chương trình không thuộc buổi họp này."
VOTE_CHOICES_NEEDED = "Vui lòng ghi ít nhất hai người hoặc phương án, mỗi dòng một."
VOTE_TOO_MANY_CHOICES = "Tối đa {max} người hoặc phương án."
VOTE_OTHER_CELL = "Đồng chí không thuộc chi bộ này nên không biểu quyết được."
VOTE_PROBATIONARY = "Đảng viên dự bị không có quyền biểu quyết (Điều lệ Đảng, Điều 3)."
VOTE_AWAY = "Đồng chí đang sinh hoạt tạm thời ở nơi khác nên không biểu quyết ở chi bộ này."
VOTE_SUSPENDED = "Đồng chí đang bị đình chỉ sinh hoạt nên không biểu quyết được."
VOTE_NOT_PRESENT = "Chỉ đảng viên có mặt (đã điểm danh) mới biểu quyết được. Hãy điểm danh trước."
VOTE_SECRET_KEPT = ("Phiếu kín của đồng chí đã được ghi nhận trước khi phần mềm được cập nhật nên không đổi được "
                    "nữa.")
VOTE_TOTAL_ABOVE_BASE = ("Tổng số phiếu ({total}) vượt quá số đảng viên chính thức được tính ({base}). "
                         "Kiểm tra lại số phiếu giơ tay.")
VOTE_BAD_COUNT = "Số phiếu phải là số nguyên từ 0 đến 1000."
# Outcome sentences: the page, the minutes and the print say the same.
NEED_HALF = "cần hơn một nửa"
NEED_TWO_THIRDS = "cần ít nhất hai phần ba"
OUTCOME_PASSED = "Thông qua: {yes}/{base} đảng viên chính thức tán thành ({percent})."
OUTCOME_FAILED = "Không thông qua: {yes}/{base} đảng viên chính thức tán thành ({percent}), {need}."
OUTCOME_CHOSEN = "Kết quả: {names} ({need})."
OUTCOME_NONE_CHOSEN = "Không có người hoặc phương án nào đạt số phiếu ({need})."
ELECTION_SENTENCE = "Bầu {seats} người, {ballots} phiếu hợp lệ; {need}. {result}"
ELECTION_NEED = "trúng cử cần hơn một nửa của {of} {what}"
ELECTION_OF = {"base": "đảng viên chính thức được tính", "valid_ballots": "phiếu hợp lệ"}
ELECTION_ELECTED = "Trúng cử: {names}."
ELECTION_NONE = "Chưa có người trúng cử."
ELECTION_TIED = ("{names} bằng phiếu nhau ({votes} phiếu) ở vị trí cuối: chưa ai trúng cử cho {left} chỗ còn lại, "
                 "cần bầu lại trong số những người bằng phiếu.")
ELECTION_SHORT = "Còn thiếu {left} người: cần bầu lại (hoặc chi bộ quyết định không bầu tiếp)."
ELECTION_MARK_ELECTED = " — trúng cử"
ELECTION_MARK_TIED = " — bằng phiếu, cần bầu lại"
ELECTION_NO_BALLOTS = "Chưa tính được kết quả: không có phiếu hợp lệ nào."
ELECTION_TOO_MANY = "Phiếu bầu quá số lượng: chỉ được chọn tối đa {seats} người (đồng chí đã chọn {picked})."
ELECTION_BAD_PICK = "Phiếu bầu chỉ được chọn người có trong danh sách bầu cử."
ELECTION_SEATS_NEEDED = "Vui lòng ghi số người cần bầu (từ 1 đến {max}), ít hơn số người trong danh sách."
ELECTION_HAND_BALLOTS = ("Số đồng chí bầu bằng giơ tay ({hands}) không đủ cho số phiếu giơ tay đã ghi: mỗi người "
                         "chọn tối đa {seats} người và mỗi ứng cử viên nhiều nhất {hands} phiếu.")
ELECTION_BALLOTS_ABOVE_BASE = ("Tổng số phiếu bầu ({total}) vượt quá số đảng viên chính thức được tính ({base}). "
                               "Kiểm tra lại số đồng chí bầu bằng giơ tay.")
OUTCOME_NO_BASE = "Chưa tính được kết quả: chi bộ không có đảng viên chính thức nào được tính."
BASIS_PLAIN = "cơ sở tính: {base} đảng viên chính thức"
BASIS_LESS = "cơ sở tính: {base} đảng viên chính thức ({official} của chi bộ, trừ {less})"

# The minutes builder and the sign-off (minutes/builder.py, minutes/signoff.py).
WHOLE_CELL = "Cả chi bộ"
MINUTES_FINAL_LOCKED = "Biên bản đã hoàn thành: không thêm hay bỏ ý kiến, nhiệm vụ được nữa."
OPINION_EMPTY = "Vui lòng ghi nội dung ý kiến."
OPINION_SPEAKER = "Vui lòng chọn người phát biểu, hoặc ghi tên khách mời."
NOT_CELL_MEMBER = "Vui lòng chọn một đảng viên của chi bộ."
SAME_CHAIR_AND_NOTE_TAKER = "Chủ trì và thư ký phải là hai đồng chí khác nhau."
NOT_SIGNER = "Chỉ đồng chí chủ trì và đồng chí thư ký của buổi họp mới ký xác nhận biên bản."
SIGNERS_MISSING = "Biên bản chưa ghi đủ chủ trì và thư ký: chọn cả hai, lưu, rồi mới ký."
SIGN_STALE = ("Biên bản vừa được sửa sau khi đồng chí mở trang. Hãy đọc lại bản mới nhất rồi ký; "
              "chữ ký xác nhận đúng bản đồng chí đã đọc.")
SIGN_EARLY = "Buổi họp chưa bắt đầu. Đánh dấu xác nhận nếu đồng chí vẫn muốn ký biên bản bây giờ."
SIGNED = "Đã ký xác nhận biên bản. Biên bản hoàn thành khi cả chủ trì và thư ký đã ký."
MINUTES_SIGNED_FINAL = "Cả chủ trì và thư ký đã ký: biên bản đã hoàn thành và được công bố cho đảng viên."
ALREADY_FINAL = "Biên bản đã hoàn thành."
NOTIFY_SIGN = "Biên bản buổi họp “{title}” đang chờ đồng chí ký xác nhận ({role})."
NOTIFY_SIGN_AGAIN = "Biên bản buổi họp “{title}” được mở để sửa ({reason}): đồng chí cần ký xác nhận lại."
SIGNERS_LEADERS_ONLY = ("Chỉ bí thư, phó bí thư chi bộ chọn chủ trì và thư ký của biên bản. Biên bản chưa được lưu; "
                        "hãy tải lại trang.")
MINUTES_TEXT_TOO_LONG = "{what} dài {n} ký tự, quá giới hạn {max} ký tự. Hãy ghi gọn lại những ý chính."
MINUTES_TOO_LONG = ("Biên bản sẽ dài {n} ký tự, quá giới hạn {max} ký tự của một biên bản (gồm tóm tắt các mục, "
                    "kết luận, nghị quyết, ý kiến và nhiệm vụ). Chưa lưu; hãy ghi gọn lại những ý chính.")
MINUTES_PDF_TOO_LONG = ("Biên bản dài {n} ký tự, quá giới hạn {max} ký tự của một tệp PDF. Hãy dùng bản in "
                        "(In / Lưu PDF của trình duyệt).")
ITEM_SUMMARY = "Tóm tắt mục “{title}”"
AN_OPINION = "Ý kiến"

# The resolution's tasks (tasks/service.py).
TASK_TITLE = "Vui lòng ghi nội dung nhiệm vụ."
TASK_PAST_DUE = "Hạn hoàn thành đã qua; vui lòng chọn từ hôm nay trở đi."
TASK_OWNER_OTHER_CELL = "Người được giao phải là đảng viên của chi bộ (hoặc chọn “Cả chi bộ”)."
TASK_NOT_YOURS = "Chỉ đồng chí được giao và bí thư, phó bí thư chi bộ cập nhật được nhiệm vụ này."
TASK_BAD_STATUS = "Trạng thái nhiệm vụ không hợp lệ."
TASK_ADDED = "Đã thêm nhiệm vụ."
TASK_REMOVED = "Đã bỏ nhiệm vụ."
TASK_UPDATED = "Đã cập nhật nhiệm vụ."
NOTIFY_TASK = "Đồng chí được giao nhiệm vụ: {title} (hạn {due})."

# A meeting's quality (quality/service.py).
Q_ATTENDANCE_LABEL = "Tỉ lệ đảng viên dự họp trên 85%, không ai vắng không lý do"
Q_ATTENDANCE = "{present}/{counted} đảng viên có mặt ({rate}%)"
Q_UNEXCUSED = "; {n} vắng không lý do"
Q_NO_ATTENDANCE = "Chưa điểm danh."
Q_LENGTH_LABEL = "Thời lượng ít nhất {need} phút"
Q_LENGTH_HELD = "Họp {minutes} phút (theo biên bản)."
Q_LENGTH_PLANNED = "Dự kiến {minutes} phút (biên bản chưa ghi giờ bắt đầu, kết thúc)."
Q_ON_TIME_LABEL = "Tài liệu đăng trên Sổ tay trước ít nhất 1 ngày"
# How long before the start the agenda was published, in the unit that reads naturally.
Q_PUBLISHED_DAYS = "Công bố trước giờ họp {n} ngày."
Q_PUBLISHED_HOURS = "Công bố trước giờ họp {n} giờ."
Q_PUBLISHED_MINUTES = "Công bố trước giờ họp {n} phút."
Q_PUBLISHED_LATE = "Công bố khi buổi họp đã bắt đầu."
Q_NOT_PUBLISHED = "Chương trình chưa được công bố."
Q_MINUTES_LABEL = "Biên bản hoàn thành, có điểm danh và kết luận"
Q_MINUTES_FINAL = "Biên bản đã ký xác nhận."
Q_MINUTES_MISSING = "Biên bản chưa hoàn thành, hoặc thiếu điểm danh, kết luận."
Q_RESOLUTION_LABEL = "Nghị quyết được biểu quyết thông qua"
Q_NO_VOTE = "Chưa biểu quyết nghị quyết."
Q_BAD_RATING = "Vui lòng chọn mức tự đánh giá."
Q_ASSESSED = "Đã lưu tự đánh giá chất lượng buổi họp."

# The quality page's members absent from three regular meetings in a row.
Q_ABSENT_REASON = "{day}: có lý do: {reason}"
Q_ABSENT_NO_REASON = "{day}: không lý do"
Q_REASON_UNWRITTEN = "(lý do chưa ghi)"
Q_ABSENT_SUMMARY = "{excused} buổi có lý do, {unexcused} buổi không lý do"
