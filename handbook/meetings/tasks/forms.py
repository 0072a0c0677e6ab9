"""The form of a resolution's task."""

from flask_wtf import FlaskForm
from wtforms import DateField, SelectField, StringField
from wtforms.validators import DataRequired, InputRequired, Length

from handbook.meetings.forms import member_id, strip


class VnDateField(DateField):
    """A date typed or picked; anything else is told in Vietnamese, never in WTForms' English."""

    def process_formdata(self, valuelist):
        try:
            super().process_formdata(valuelist)
        except ValueError:
            self.data = None
            raise ValueError("Ngày không hợp lệ.") from None


class TaskForm(FlaskForm):
    title = StringField("Nhiệm vụ", filters=[strip],
                        validators=[DataRequired("Vui lòng ghi nội dung nhiệm vụ."), Length(max=300)])
    owner_id = SelectField("Người thực hiện", coerce=member_id, validate_choice=False)
    due_on = VnDateField("Hạn hoàn thành", validators=[InputRequired("Vui lòng chọn hạn hoàn thành.")])
