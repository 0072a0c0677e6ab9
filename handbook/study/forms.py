"""Forms of the study programmes, with their Vietnamese messages."""

from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    DateField,
    DateTimeLocalField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange

from handbook.integers import BoundedIntegerField, chosen_id
from handbook.study import messages as msg
from handbook.versioning import VersionField

BAD_TIME = "Ngày giờ không hợp lệ: chọn ngày và giờ (ví dụ 20/05/2026 08:00)."


def strip(value):
    return value.strip() if isinstance(value, str) else value


YEARS = range(2000, 2101)  # a typed year 0001 or 9999 is a slip, and would overflow time zone arithmetic


class DayField(DateField):
    """A day; a value that is not one gets a Vietnamese message, not the library's English."""

    def process_formdata(self, valuelist):
        try:
            super().process_formdata(valuelist)
            if self.data is not None and self.data.year not in YEARS:
                raise ValueError(self.data)
        except ValueError:
            self.data = None
            raise ValueError(msg.BAD_DATE) from None


class TimeField(DateTimeLocalField):
    def process_formdata(self, valuelist):
        try:
            super().process_formdata(valuelist)
            if self.data is not None and self.data.year not in YEARS:
                raise ValueError(self.data)
        except ValueError:
            self.data = None
            raise ValueError(BAD_TIME) from None


class PicksField(SelectMultipleField):
    """The documents and articles ticked: checked by the service (programmes.parse_picks), so a
    value that is not offered is a Vietnamese message, not a crash."""

    def pre_validate(self, form):
        pass


class ProgrammeForm(FlaskForm):
    title = StringField("Tên chương trình học tập", filters=[strip],
                        validators=[DataRequired(msg.TITLE_MISSING), Length(max=200)])
    org_id = SelectField("Đảng viên phải học thuộc", coerce=chosen_id, validate_choice=False)
    leaders_only = BooleanField("Chỉ cán bộ lãnh đạo, quản lý")
    starts_on = DayField("Từ ngày", validators=[InputRequired(msg.BAD_DATE)])
    ends_on = DayField("Đến ngày", validators=[InputRequired(msg.BAD_DATE)])
    items = PicksField("Văn bản, điều khoản cần học", choices=[])


class SessionForm(FlaskForm):
    cell_id = SelectField("Chi bộ", coerce=chosen_id, validate_choice=False)
    starts_at = TimeField("Bắt đầu", format="%Y-%m-%dT%H:%M", validators=[InputRequired(BAD_TIME)])
    duration = BoundedIntegerField("Thời lượng (phút)", default=90, minimum=30, maximum=480,
                                   message="Nhập số phút từ 30 đến 480.",
                                   validators=[InputRequired("Nhập số phút từ 30 đến 480."),
                                               NumberRange(30, 480, "Nhập số phút từ 30 đến 480.")])
    location = StringField("Địa điểm", filters=[strip], validators=[Length(max=300)])


class HarvestForm(FlaskForm):
    body = TextAreaField("Bài thu hoạch", validators=[Length(max=20000, message="Bài dài quá (tối đa 20.000 ký tự).")])
    version = VersionField(msg.BAD_VERSION)


class ActionForm(FlaskForm):
    """A button (submit the thu hoạch): nothing typed."""
