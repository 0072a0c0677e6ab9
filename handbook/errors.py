"""Styled Vietnamese error pages; a 500 never shows a traceback outside debug mode."""

from flask import render_template
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

from handbook.domain import DomainError
from handbook.extensions import db

MESSAGES = {
    400: ("Yêu cầu không hợp lệ", "Trang đã cũ hoặc dữ liệu gửi lên không đúng. Hãy tải lại trang và thử lại."),
    401: ("Cần đăng nhập", "Vui lòng đăng nhập để tiếp tục."),
    403: ("Không có quyền", "Tài khoản của đồng chí không có quyền xem trang này."),
    404: ("Không tìm thấy trang", "Trang này không tồn tại hoặc đồng chí không có quyền xem."),
    405: ("Không hỗ trợ", "Thao tác này không được hỗ trợ ở địa chỉ này."),
    409: ("Vừa có thay đổi khác", "Người khác vừa thay đổi nội dung này. Hãy tải lại trang, xem lại rồi làm lại."),
    413: ("Tệp quá lớn", "Tệp hoặc dữ liệu gửi lên vượt quá giới hạn cho phép."),
    429: ("Thao tác quá nhanh", "Đồng chí đã thử quá nhiều lần. Vui lòng đợi một phút rồi thử lại."),
    500: ("Có lỗi xảy ra", "Hệ thống gặp sự cố. Những gì đồng chí đã lưu vẫn an toàn; vui lòng thử lại sau."),
}


def render_error(code: int, detail: str | None = None):
    title, message = MESSAGES.get(code, MESSAGES[500])
    return render_template("errors/error.html", code=code, title=title, message=detail or message), code


def register(app) -> None:
    @app.errorhandler(CSRFError)
    def csrf_error(error):
        return render_error(400, "Phiên làm việc đã hết hạn hoặc biểu mẫu không hợp lệ. Hãy tải lại trang rồi gửi lại.")

    @app.errorhandler(DomainError)
    def domain_error(error):
        # A refusal no view turned into a form message: nothing it began is kept.
        db.session.rollback()
        return render_error(error.status, None if error.status == 404 else error.message)

    @app.errorhandler(HTTPException)
    def http_error(error):
        if error.code is None or error.code < 400:
            return error
        response = render_error(error.code if error.code in MESSAGES else 500)
        if error.code == 405 and hasattr(error, "valid_methods") and error.valid_methods:
            return response[0], 405, {"Allow": ", ".join(error.valid_methods)}
        return response

    @app.errorhandler(Exception)
    def server_error(error):
        if app.debug or app.testing and app.config.get("PROPAGATE_EXCEPTIONS"):
            raise error
        db.session.rollback()
        app.logger.exception("Unhandled error")
        return render_error(500)
