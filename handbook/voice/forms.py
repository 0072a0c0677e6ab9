"""Forms of the members' voice, with their Vietnamese messages. Choices (whom to write to, the
meeting, where to forward) are checked by the services, which name what is wrong."""

from flask_wtf import FlaskForm
from wtforms import BooleanField, HiddenField, SelectField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, Length

from handbook.integers import chosen_id
from handbook.voice import messages as msg
from handbook.voice.models import KIND_LABELS

TOO_LONG = "Tối đa {max} ký tự."
MAX_BODY = 4000


def _required(label: str, message: str, maximum: int, area: bool = False):
    field = TextAreaField if area else StringField
    return field(label, validators=[InputRequired(message=message), Length(max=maximum, message=TOO_LONG)])


class AskForm(FlaskForm):
    to_org = SelectField("Gửi tới", coerce=chosen_id, validate_choice=False)
    kind = SelectField("Loại", choices=[SelectChoice(k, v) for k, v in KIND_LABELS.items()], validate_choice=False)
    subject = _required("Tiêu đề", msg.SUBJECT_EMPTY, 200)
    body = _required("Nội dung", msg.BODY_EMPTY, MAX_BODY, area=True)
    # The article asked about, from the reader's "Hỏi" link: its id, checked by the service.
    section_id = HiddenField()
    meeting_id = SelectField("Về buổi sinh hoạt (nếu có)", coerce=chosen_id, validate_choice=False, default=0)
    name_consent = BooleanField("Đồng ý ghi tên tôi nếu câu hỏi được đưa vào mục hỏi đáp chung")


class AnswerForm(FlaskForm):
    answer = _required("Trả lời", msg.ANSWER_EMPTY, MAX_BODY, area=True)


class ForwardForm(FlaskForm):
    org_id = SelectField("Chuyển lên", coerce=chosen_id, validate_choice=False)


class PublishForm(FlaskForm):
    faq_org = SelectField("Đăng trong mục hỏi đáp của", coerce=chosen_id, validate_choice=False, default=0)
    faq_subject = _required("Tiêu đề trong mục hỏi đáp", msg.FAQ_SUBJECT_EMPTY, 200)
    faq_body = _required("Câu hỏi sẽ đăng (bỏ đi những gì riêng tư)", msg.FAQ_BODY_EMPTY, MAX_BODY,
                         area=True)


class ActionForm(FlaskForm):
    """The CSRF token of a button (taking an entry out of the FAQ)."""
