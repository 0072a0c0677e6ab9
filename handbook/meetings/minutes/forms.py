"""Forms of the minutes: the text, a signature, an opinion by speaker."""

from flask_wtf import FlaskForm
from wtforms import BooleanField, HiddenField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired

from handbook.meetings.forms import at_most, member_id, strip
from handbook.versioning import VersionField


class MinutesForm(FlaskForm):
    # The long texts' caps are the service's (size.py), told with the length sent.
    held_from = StringField("Bắt đầu lúc", validators=[at_most(60)])
    held_to = StringField("Kết thúc lúc", validators=[at_most(60)])
    place = StringField("Địa điểm", validators=[at_most(300)])
    chair_id = SelectField("Chủ trì", coerce=member_id, validate_choice=False)
    note_taker_id = SelectField("Thư ký", coerce=member_id, validate_choice=False)
    conclusions = TextAreaField("Kết luận")
    resolution = TextAreaField("Nghị quyết")
    reason = StringField("Lý do sửa", validators=[at_most(500)])
    version = VersionField(message="Phiên bản biên bản không hợp lệ, xin tải lại trang.")


class SignForm(FlaskForm):
    """The chair's or note-taker's confirmation of the version they read, and of the hash of
    the whole content their page showed (digest.py)."""

    version = VersionField(message="Phiên bản biên bản không hợp lệ, xin tải lại trang.")
    digest = HiddenField()
    confirm = BooleanField("Buổi họp chưa bắt đầu, tôi vẫn ký xác nhận biên bản")
    back = HiddenField()  # "meeting": signed from the meeting page, which the signer gets back to


class OpinionForm(FlaskForm):
    speaker_id = SelectField("Người phát biểu", coerce=member_id, validate_choice=False)
    speaker_name = StringField("Hoặc tên khách mời", filters=[strip], validators=[at_most(120)])
    # Its cap is the service's (size.py), told with the length sent.
    text = TextAreaField("Ý kiến", filters=[strip], validators=[DataRequired("Vui lòng ghi nội dung ý kiến.")])
