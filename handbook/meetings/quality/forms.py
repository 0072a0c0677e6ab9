"""The form of the cell's self-assessment."""

from flask_wtf import FlaskForm
from wtforms import RadioField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, Length

from handbook.meetings.quality.models import SELF_RATINGS


class AssessForm(FlaskForm):
    """The cell's self-assessment of a meeting's quality."""

    rating = RadioField("Chi bộ tự đánh giá buổi sinh hoạt",
                        choices=[SelectChoice(k, v) for k, v in SELF_RATINGS.items()], validate_choice=False,
                        validators=[InputRequired("Vui lòng chọn mức tự đánh giá.")])
    reasons = TextAreaField("Lý do, điểm cần khắc phục", validators=[Length(max=5000)])
