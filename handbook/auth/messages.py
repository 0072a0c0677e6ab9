"""What accounts tell people, in one place, ready for translation: logging in, passwords.
Pages say the rest in their templates; form labels stay with the form."""

LOGIN_FIRST = "Vui lòng đăng nhập để tiếp tục."
WRONG_CREDENTIALS = "Thông tin đăng nhập không đúng. Vui lòng kiểm tra và thử lại."
WRONG_CURRENT_PASSWORD = "Mật khẩu hiện tại không đúng."
PASSWORD_CHANGED = "Đã đổi mật khẩu."

# Why a new password is refused.
PASSWORD_TOO_SHORT = "Mật khẩu cần ít nhất {length} ký tự."
PASSWORD_TOO_LONG = "Mật khẩu dài tối đa {length} ký tự."
PASSWORD_TOO_COMMON = "Mật khẩu này quá phổ biến, dễ bị đoán. Hãy chọn mật khẩu khác."
PASSWORD_IS_USERNAME = "Mật khẩu không được trùng tên đăng nhập."
