"""Styled Vietnamese error pages; a 500 never shows a traceback outside debug mode."""

from contextlib import suppress

from flask import render_template, request
from flask_wtf.csrf import CSRFError
from sqlalchemy.exc import OperationalError
from werkzeug.exceptions import HTTPException

from handbook.domain import DomainError
from handbook.extensions import db
from handbook.storage import StorageUnavailable

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
    503: ("Hệ thống tạm thời gián đoạn", "Máy chủ dữ liệu đang khởi động lại hoặc tạm ngừng. Những gì đồng chí đã "
          "lưu vẫn an toàn; vui lòng thử lại sau ít phút."),
}
RETRY_AFTER_SECONDS = 5


def render_error(code: int, detail: str | None = None):
    title, message = MESSAGES.get(code, MESSAGES[500])
    return render_template("errors/error.html", code=code, title=title, message=detail or message), code


def is_outage(error) -> bool:
    """A database that is away (restarting, unreachable, busy), not a bug in a query: SQLite
    reports both as OperationalError, and a missing table must stay a logged 500."""
    if isinstance(error, StorageUnavailable):
        return True
    orig = getattr(error, "orig", None)
    if type(orig).__module__.startswith("sqlite3"):
        return "locked" in str(orig) or "unable to open" in str(orig)
    return True


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

    @app.errorhandler(OperationalError)
    @app.errorhandler(StorageUnavailable)
    def unavailable(error):
        # The database (or the storage) dropped or refused the connection: answer at once,
        # on a page that needs neither (no account, no navigation). The pool pings each
        # connection it hands out, so the next request after the restart simply works.
        if not is_outage(error):
            return server_error(error)
        with suppress(Exception):  # the connection may be gone already: nothing left to undo
            db.session.rollback()
        app.logger.warning("database or storage unavailable: %s", getattr(error, "orig", error))
        title, message = MESSAGES[503]
        # Straight from the template: the layout's context (the bell, the account) would ask
        # the database again.
        page = app.jinja_env.get_template("errors/unavailable.html").render(title=title, message=message,
                                                                              request=request)
        return page, 503, {"Retry-After": str(RETRY_AFTER_SECONDS), "Cache-Control": "no-store"}

    @app.errorhandler(Exception)
    def server_error(error):
        if app.debug or app.testing and app.config.get("PROPAGATE_EXCEPTIONS"):
            raise error
        db.session.rollback()
        app.logger.exception("Unhandled error")
        return render_error(500)
