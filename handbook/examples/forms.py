"""Forms of good examples, with their Vietnamese messages. The organisation chosen and the member
named are checked by the services, which say what is wrong."""

from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import DateField, SelectField, StringField, TextAreaField
from wtforms.validators import InputRequired, Length, Optional

from handbook.examples import messages as msg
from handbook.integers import chosen_id

TOO_LONG = "Tối đa {max} ký tự."


def _optional(maximum: int) -> list:
    return [Optional(), Length(max=maximum, message=TOO_LONG)]


class DayField(DateField):
    """A date typed or picked; anything unreadable is refused in Vietnamese."""

    def process_formdata(self, valuelist):
        try:
            super().process_formdata(valuelist)
        except ValueError:
            raise ValueError(msg.BAD_DATE) from None


class ExampleForm(FlaskForm):
    org_id = SelectField("Nơi ghi nhận", coerce=chosen_id, validate_choice=False)
    person = StringField("Người (hoặc tập thể) được nêu gương", validators=_optional(120))
    member = StringField("Số thẻ đảng viên (nếu là đảng viên ở đây)", validators=_optional(64))
    title = StringField("Việc tốt", validators=[InputRequired(message=msg.TITLE_EMPTY),
                                                Length(max=200, message=TOO_LONG)])
    description = TextAreaField("Kể lại ngắn gọn", validators=_optional(4000))
    happened_on = DayField("Ngày", validators=[InputRequired(message=msg.BAD_DATE)])
    photo = FileField("Ảnh (không bắt buộc; JPEG, PNG hoặc WebP, tối đa 2 MB)")


class ReviewForm(FlaskForm):
    note = StringField("Lý do không duyệt", validators=_optional(500))
