"""A member's answer (tham dự, or vắng with a reason) and the check-in code."""

from flask_wtf import FlaskForm
from wtforms import RadioField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, Length, ValidationError


class RsvpForm(FlaskForm):
    answer = RadioField("Đồng chí sẽ", choices=[SelectChoice("yes", "Tham dự"), SelectChoice("no", "Vắng")],
                        validators=[InputRequired("Vui lòng chọn Tham dự hoặc Vắng.")])
    reason = StringField("Lý do vắng", validators=[Length(max=500)])

    def validate_reason(self, field):
        if self.answer.data == "no" and not (field.data or "").strip():
            raise ValidationError("Vui lòng ghi lý do vắng.")


class CheckinForm(FlaskForm):
    code = StringField("Mã điểm danh", validators=[InputRequired("Vui lòng nhập mã điểm danh."), Length(max=12)])
