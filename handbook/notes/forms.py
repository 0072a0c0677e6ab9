"""The note editor form and the export date range."""

from datetime import date

from flask_wtf import FlaskForm
from wtforms import DateField, HiddenField, TextAreaField
from wtforms.validators import InputRequired, Length, ValidationError

from handbook.notes.text import MAX_CHARS, clean_body
from handbook.versioning import VersionField

BAD_VERSION = "Phiên bản ghi chép không hợp lệ, xin tải lại trang."


class NoteForm(FlaskForm):
    body = TextAreaField(
        "Ghi chép của tôi",
        filters=[clean_body],
        validators=[Length(max=MAX_CHARS, message=(
            "Ghi chép dài quá giới hạn 100.000 ký tự nên chưa được lưu. "
            "Xin chia bớt sang ghi chép khác; chữ đã gõ vẫn còn nguyên trong ô."))],
    )
    version = VersionField(message=BAD_VERSION, validators=[
        InputRequired(message="Thiếu phiên bản ghi chép, xin tải lại trang."),
    ])

    def validate_body(self, field):
        # A request without the field must not read as "the member emptied the note".
        if not field.raw_data:
            raise ValidationError("Thiếu nội dung ghi chép, xin tải lại trang.")


class RestoreForm(FlaskForm):
    """Only the CSRF token: the revision is in the URL."""


class ExportForm(FlaskForm):
    class Meta:
        csrf = False  # a GET that changes nothing

    start = DateField("Từ ngày", validators=[InputRequired(message="Xin chọn ngày bắt đầu.")])
    end = DateField("Đến ngày", validators=[InputRequired(message="Xin chọn ngày kết thúc.")])
    fmt = HiddenField()

    def validate_end(self, field):
        if self.start.data and field.data and field.data < self.start.data:
            raise ValidationError("Ngày kết thúc phải sau ngày bắt đầu.")
        if field.data and not date(1990, 1, 1) <= field.data <= date(2100, 12, 31):
            raise ValidationError("Ngày không hợp lệ.")
