"""Forms of the member's year, with their Vietnamese messages."""

from flask_wtf import FlaskForm
from wtforms import SelectField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, Length, Optional, ValidationError

from handbook.integers import BoundedIntegerField, chosen_id
from handbook.versioning import VersionField
from handbook.year import messages as msg
from handbook.year.levels import CONDUCT
from handbook.year.scoring import GROUPS, KINDS

STALE_FORM = "Trang đã cũ: hãy tải lại trang."
TOO_LONG = "Nội dung quá dài (tối đa {max} ký tự)."


def _text(label: str, maximum: int = 20000):
    return TextAreaField(label, validators=[Optional(), Length(max=maximum, message=TOO_LONG)])


class CommitmentForm(FlaskForm):
    body = _text("Bản cam kết")
    version = VersionField(STALE_FORM)


def _points(label: str):
    # Kept as typed while the paper is a draft; checked when it is submitted (papers.proposal).
    return StringField(label, validators=[Optional(), Length(max=8, message=TOO_LONG)])


class ReviewForm(FlaskForm):
    """The paper under Quy định 366-QĐ/TW; the page draws the parts of the paper's kind."""

    kind = SelectField("Mẫu bản kiểm điểm", choices=[SelectChoice(k, v) for k, v in KINDS.items()],
                       validate_choice=False)
    political = _text(msg.REVIEW_PARTS_366["political"])
    ethics = _text(msg.REVIEW_PARTS_366["ethics"])
    discipline = _text(msg.REVIEW_PARTS_366["discipline"])
    tasks = _text(msg.REVIEW_PARTS_366["tasks"])
    leadership = _text(msg.REVIEW_PARTS_366["leadership"])
    exemplary = _text(msg.REVIEW_PARTS_366["exemplary"])
    shortcomings = _text(msg.REVIEW_PARTS_366["shortcomings"])
    proposed_political = _points(GROUPS["political"])
    proposed_ethics = _points(GROUPS["ethics"])
    proposed_discipline = _points(GROUPS["discipline"])
    proposed_tasks = _points(GROUPS["tasks"])
    proposed_beyond = _points("Nhiệm vụ hoàn thành vượt mức yêu cầu (%)")
    version = VersionField(STALE_FORM)

    def validate_kind(self, field):
        if field.data not in KINDS:
            raise ValidationError(msg.BAD_KIND)


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
    """The cell's decision on one member: points per group, the share of tasks done beyond
    requirement, exemplary conduct. Nothing is chosen in advance; the service checks each value
    and names what is wrong in Vietnamese; the level follows from them."""

    score_political = _points(GROUPS["political"])
    score_ethics = _points(GROUPS["ethics"])
    score_discipline = _points(GROUPS["discipline"])
    score_tasks = _points(GROUPS["tasks"])
    beyond = _points("Nhiệm vụ hoàn thành vượt mức yêu cầu (%)")
    conduct = SelectField("Nêu gương", choices=[SelectChoice("", "— chọn —")]
                          + [SelectChoice(k, v) for k, v in CONDUCT.items()], validate_choice=False)
    comment = _text("Nhận xét của chi bộ", 2000)

    def typed_points(self) -> dict[str, str]:
        return {group: self[f"score_{group}"].data or "" for group in GROUPS}


class OccasionalForm(RatingForm):
    reason = StringField("Lý do đánh giá", validators=[Optional(), Length(max=300, message=TOO_LONG)])


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
