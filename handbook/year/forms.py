"""Forms of the member's year, with their Vietnamese messages."""

from flask_wtf import FlaskForm
from wtforms import SelectField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, Length, Optional

from handbook.integers import BoundedIntegerField, chosen_id
from handbook.versioning import VersionField
from handbook.year import messages as msg
from handbook.year.levels import CONDUCT, LEVELS

STALE_FORM = "Trang đã cũ: hãy tải lại trang."
TOO_LONG = "Nội dung quá dài (tối đa {max} ký tự)."


def _text(label: str, maximum: int = 20000):
    return TextAreaField(label, validators=[Optional(), Length(max=maximum, message=TOO_LONG)])


class CommitmentForm(FlaskForm):
    body = _text("Bản cam kết")
    version = VersionField(STALE_FORM)


class ReviewForm(FlaskForm):
    political = _text(msg.REVIEW_PARTS["political"])
    ethics = _text(msg.REVIEW_PARTS["ethics"])
    discipline = _text(msg.REVIEW_PARTS["discipline"])
    tasks = _text(msg.REVIEW_PARTS["tasks"])
    exemplary = _text(msg.REVIEW_PARTS["exemplary"])
    shortcomings = _text(msg.REVIEW_PARTS["shortcomings"])
    self_level = SelectField("Tự xếp loại", choices=[SelectChoice("", "— chọn —")]
                             + [SelectChoice(k, v) for k, v in LEVELS.items()], validate_choice=False)
    version = VersionField(STALE_FORM)

    def texts(self) -> dict[str, str]:
        return {name: self[name].data or "" for name in (*msg.REVIEW_PARTS, "self_level")}


class SubmitForm(FlaskForm):
    """A button: submitting takes what is stored, nothing typed."""


class EvidenceForm(FlaskForm):
    month = BoundedIntegerField("Tháng", validators=[InputRequired(message=msg.EVIDENCE_MONTH)], minimum=1,
                                maximum=12, message=msg.EVIDENCE_MONTH)
    text = _text("Việc đã làm", 2000)
    # One of the member's own meeting notes: its text (or the part typed above) is copied.
    note_id = SelectField("Hoặc chép từ ghi chép của tôi", coerce=chosen_id, validate_choice=False, default=0)
    # What another feature recognised of the member's year (signals.year_evidence): a good example.
    cite = SelectField("Hoặc dẫn việc tốt đã được ghi nhận", validate_choice=False, default="")


class RatingForm(FlaskForm):
    # Choices are checked by the service, which names what is wrong in Vietnamese.
    level = SelectField("Xếp loại", choices=[SelectChoice(k, v) for k, v in LEVELS.items()], validate_choice=False)
    conduct = SelectField("Nêu gương", choices=[SelectChoice(k, v) for k, v in CONDUCT.items()],
                          validate_choice=False)
    comment = _text("Nhận xét của chi bộ", 2000)


class TemplateForm(FlaskForm):
    body = _text("Mẫu bản cam kết")


def _percent(label: str, default: int):
    return BoundedIntegerField(label, default=default, validators=[InputRequired(message=MODEL_TARGET)], minimum=0,
                               maximum=100, message=MODEL_TARGET)


MODEL_TARGET = msg.MODEL_BAD_TARGET
YEAR_MESSAGE = "Hãy nhập năm (ví dụ 2026)."


class ModelCellForm(FlaskForm):
    cell_id = SelectField("Chi bộ", coerce=chosen_id, validate_choice=False)
    start_year = BoundedIntegerField("Từ năm", validators=[InputRequired(message=YEAR_MESSAGE)], minimum=2000,
                                     maximum=2100, message=YEAR_MESSAGE)
    end_year = BoundedIntegerField("Đến năm", validators=[InputRequired(message=YEAR_MESSAGE)], minimum=2000,
                                   maximum=2100, message=YEAR_MESSAGE)
    meetings_target = _percent("Tỷ lệ tháng có sinh hoạt (%)", 100)
    quality_target = _percent("Tỷ lệ buổi họp đạt từng tiêu chí chất lượng (%)", 85)
    good_target = _percent("Tỷ lệ đảng viên hoàn thành tốt nhiệm vụ trở lên (%)", 80)
    criteria = _text("Tiêu chí khác của cấp ủy (mỗi dòng một tiêu chí)", 5000)
