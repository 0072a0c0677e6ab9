"""Forms of the quizzes, with their Vietnamese messages."""

from datetime import datetime

from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import BooleanField, DateTimeLocalField, SelectField, StringField
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange

from handbook.integers import BoundedIntegerField, chosen_id
from handbook.quiz import messages as msg

BAD_TIME = "Ngày giờ không hợp lệ: chọn ngày và giờ (ví dụ 20/05/2026 08:00)."


def strip(value):
    return value.strip() if isinstance(value, str) else value


class TimeField(DateTimeLocalField):
    """A date and time typed in Vietnam; a value that is not one gets a Vietnamese message."""

    def process_formdata(self, valuelist):
        try:
            super().process_formdata(valuelist)
        except ValueError:
            self.data = None
            raise ValueError(BAD_TIME) from None


def _number(label: str, low: int, high: int, default: int):
    message = f"Nhập một số từ {low} đến {high}."
    return BoundedIntegerField(label, default=default, minimum=low, maximum=high, message=message,
                               validators=[InputRequired(message), NumberRange(low, high, message)])


class ActionForm(FlaskForm):
    """A button (start, hand in): what is done is the button's, nothing typed but the answers."""


class BankForm(FlaskForm):
    title = StringField("Tên ngân hàng câu hỏi", filters=[strip],
                        validators=[DataRequired(msg.TITLE_MISSING), Length(max=200)])
    org_id = SelectField("Đơn vị giữ ngân hàng", coerce=chosen_id, validate_choice=False)
    document = SelectField("Văn bản chính (câu hỏi không ghi văn bản được hiểu là về văn bản này)",
                           validate_choice=False, default="")


class ImportForm(FlaskForm):
    file = FileField("Tệp CSV câu hỏi")


class QuizForm(FlaskForm):
    title = StringField("Tên bài kiểm tra", filters=[strip], validators=[DataRequired(msg.TITLE_MISSING),
                                                                          Length(max=200)])
    bank_id = SelectField("Ngân hàng câu hỏi", coerce=chosen_id, validate_choice=False)
    org_id = SelectField("Đảng viên phải làm bài thuộc", coerce=chosen_id, validate_choice=False)
    leaders_only = BooleanField("Chỉ cán bộ lãnh đạo, quản lý")
    question_count = _number("Số câu hỏi mỗi lượt", 1, 200, 10)
    minutes = _number("Thời gian làm bài (phút)", 1, 600, 30)
    attempts_allowed = _number("Số lượt được làm", 1, 10, 1)
    opens_at = TimeField("Mở lúc", format="%Y-%m-%dT%H:%M", validators=[InputRequired(BAD_TIME)])
    closes_at = TimeField("Đóng lúc", format="%Y-%m-%dT%H:%M", validators=[InputRequired(BAD_TIME)])


def local_input(value: datetime) -> datetime:
    """A form's default: minutes only, as a datetime-local input shows them."""
    return value.replace(second=0, microsecond=0, tzinfo=None)
