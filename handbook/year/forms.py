"""Forms of the member's year, with their Vietnamese messages."""

from flask_wtf import FlaskForm
from wtforms import IntegerField, SelectField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, Length, NumberRange, Optional

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
    month = IntegerField("Tháng", validators=[InputRequired(message=msg.EVIDENCE_MONTH),
                                              NumberRange(min=1, max=12, message=msg.EVIDENCE_MONTH)])
    text = _text("Việc đã làm (hoặc đoạn chép từ ghi chép của đồng chí)", 2000)


class RatingForm(FlaskForm):
    # Choices are checked by the service, which names what is wrong in Vietnamese.
    level = SelectField("Xếp loại", choices=[SelectChoice(k, v) for k, v in LEVELS.items()], validate_choice=False)
    conduct = SelectField("Nêu gương", choices=[SelectChoice(k, v) for k, v in CONDUCT.items()],
                          validate_choice=False)
    comment = _text("Nhận xét của chi bộ", 2000)


class TemplateForm(FlaskForm):
    body = _text("Mẫu bản cam kết")
