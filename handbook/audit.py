"""The audit log: who did what, when, from where. Rows are only ever added.

Every admin and secretary action calls `record(...)` in the same transaction as the
change it describes, so a rolled-back change leaves no audit row and vice versa.
"""

from datetime import datetime

from flask import has_request_context, request
from flask_login import current_user
from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from handbook.extensions import db
from handbook.models_base import UTCDateTime, utcnow

ACTION_LABELS = {
    "account.created": "Tạo tài khoản",
    "account.updated": "Sửa thông tin đảng viên",
    "account.deactivated": "Khóa tài khoản",
    "account.reactivated": "Mở lại tài khoản",
    "account.moved": "Chuyển chi bộ",
    "account.password_reset": "Cấp lại mật khẩu",
    "role.assigned": "Giao chức trách",
    "role.removed": "Thôi chức trách",
    "org.created": "Tạo tổ chức",
    "org.updated": "Sửa tổ chức",
    "org.closed": "Đóng tổ chức",
    "org.merged": "Sáp nhập tổ chức",
    "org.split": "Tách tổ chức",
    "members.imported": "Nhập danh sách đảng viên",
    "members.import_refused": "Từ chối nhập danh sách đảng viên",
    "agenda.published": "Công bố chương trình họp",
    "agenda.changed": "Sửa chương trình đã công bố",
    "meeting.cancelled": "Hủy buổi họp",
    "meeting.rescheduled": "Đổi thời gian họp",
    "attendance.saved": "Lưu điểm danh",
    "checkin.opened": "Tạo mã điểm danh",
    "vote.opened": "Mở biểu quyết",
    "vote.closed": "Đóng biểu quyết",
    "vote.annulled": "Hủy kết quả biểu quyết",
    "minutes.signed": "Ký xác nhận biên bản",
    "minutes.locked": "Hoàn thành biên bản",
    "meeting.assessed": "Tự đánh giá chất lượng buổi họp",
    "minutes.revised": "Sửa biên bản đã hoàn thành",
    "document.imported": "Nhập văn bản",
    "document.replaced": "Thay nội dung văn bản",
    "document.filled": "Nhập toàn văn cho văn bản mới có tóm tắt",
    "document.edited": "Sửa thông tin văn bản",
    "document.superseded": "Văn bản hết hiệu lực hoặc đổi phạm vi",
    "study.assigned": "Giao học tập văn bản",
    "fees.recorded": "Ghi đảng phí",
    "quiz.bank_created": "Tạo ngân hàng câu hỏi",
    "quiz.bank_imported": "Nhập câu hỏi kiểm tra",
    "quiz.set": "Ra bài kiểm tra",
    "study.set": "Đặt chương trình học tập",
    "example.registered": "Đăng ký gương người tốt, việc tốt",
    "example.approved": "Duyệt gương người tốt, việc tốt",
    "example.returned": "Trả lại gương người tốt, việc tốt",
    "faq.published": "Đăng câu hỏi và trả lời lên mục hỏi đáp",
    "faq.unpublished": "Gỡ câu hỏi khỏi mục hỏi đáp",
    "question.answered": "Trả lời câu hỏi, góp ý của đảng viên",
    "question.forwarded": "Chuyển câu hỏi, góp ý lên cấp trên",
    "year.rated": "Xếp loại đảng viên cuối năm",
    "year.finished": "Chốt xếp loại của chi bộ",
    "year.rated_on_demand": "Đánh giá, xếp loại khi cần thiết",
}


class AuditEntry(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"), index=True)
    action: Mapped[str] = mapped_column(String(40), index=True)
    # The organisation the action belongs to: admins see the log of their subtree.
    org_id: Mapped[int | None] = mapped_column(ForeignKey("organization.id"), index=True)
    target_type: Mapped[str] = mapped_column(String(30), default="")
    target_id: Mapped[int | None]
    summary: Mapped[str] = mapped_column(Text, default="")
    ip: Mapped[str] = mapped_column(String(45), default="")

    actor = relationship("User", lazy="joined")
    org = relationship("Organization", lazy="joined")

    @property
    def action_label(self) -> str:
        return ACTION_LABELS.get(self.action, self.action)


def record(action: str, *, org=None, target=None, summary: str = "", actor=None) -> AuditEntry:
    """Adds an audit row to the current transaction (the caller commits)."""
    if actor is None and has_request_context() and current_user.is_authenticated:
        actor = current_user
    entry = AuditEntry(
        action=action,
        actor_id=getattr(actor, "id", None),
        org_id=getattr(org, "id", None),
        target_type=type(target).__name__.lower() if target is not None else "",
        target_id=getattr(target, "id", None),
        summary=summary[:2000],
        ip=(request.remote_addr or "")[:45] if has_request_context() else "",
    )
    db.session.add(entry)
    return entry
