"""What the notebook tells its owner after an action, in one place, ready for translation.
The editor's other words are the shared editor's (handbook/editing); the form's stay with the form."""

SAVED_AT = "Đã lưu ghi chép lúc {time}."
RESTORED = "Đã khôi phục bản lúc {time}; bản trước đó được giữ trong lịch sử."
