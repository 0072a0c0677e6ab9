"""What the notebook tells its owner after an action, in one place, ready for translation.
The editor's other words are in its templates; the form's messages stay with the form."""

SAVED_AT = "Đã lưu ghi chép lúc {time}."
RESOLVED = {
    "mine": "Đã giữ bản của máy này. Bản của máy kia vẫn còn trong Lịch sử.",
    "other": "Đã giữ bản của máy kia. Bản của máy này vẫn còn trong Lịch sử.",
    "both": "Đã giữ cả hai bản, bản của máy này nối tiếp phía dưới. Bản trước khi ghép vẫn còn trong Lịch sử.",
}
RESOLVE_STALE = "Ghi chép vừa được lưu thêm từ máy khác trong lúc đồng chí chọn. Xin xem lại và chọn lần nữa."
RESOLVE_FAILED = "Không thực hiện được lựa chọn này, xin tải lại trang và chọn lại."
RESTORED = "Đã khôi phục bản lúc {time}; bản trước đó được giữ trong lịch sử."
