"""What Web Push tells people: the answers of the subscribe routes and the notification's title."""

TITLE = "Sổ tay đảng viên"
SUBSCRIBED = "Đã bật thông báo trên thiết bị này."
UNSUBSCRIBED = "Đã tắt thông báo trên thiết bị này."
BAD_SUBSCRIPTION = "Trình duyệt gửi thông tin đăng ký không hợp lệ."
NOT_CONFIGURED = "Máy chủ chưa cấu hình thông báo đẩy."
DEVICE_REMOVED = "Thiết bị đó sẽ không nhận thông báo nữa."
