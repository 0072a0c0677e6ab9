"""Forms of the agenda builder: the meeting's details (a new meeting's starting agenda too), an
item, publishing."""

from flask_wtf import FlaskForm
from wtforms import BooleanField, DateTimeLocalField, HiddenField, RadioField, SelectField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, InputRequired, Length, Optional, ValidationError

from handbook.integers import BoundedIntegerField
from handbook.meetings.forms import REQUIRED, strip
from handbook.meetings.models import KIND_LABELS

TEMPLATE_CHOICES = [
    SelectChoice("regular", "Chương trình sinh hoạt định kỳ chuẩn"),
    SelectChoice("thematic", "Chương trình sinh hoạt chuyên đề"),
    SelectChoice("copy", "Sao chép buổi họp gần nhất"),
    SelectChoice("blank", "Chương trình trống"),
]


class MeetingForm(FlaskForm):
    kind = SelectField("Loại buổi họp", choices=[SelectChoice(k, v) for k, v in KIND_LABELS.items()])
    title = StringField("Tên buổi họp", filters=[strip],
                        validators=[DataRequired(REQUIRED.format("tên buổi họp")), Length(max=300)])
    starts_at = DateTimeLocalField("Bắt đầu", format="%Y-%m-%dT%H:%M",
                                   validators=[InputRequired("Vui lòng chọn ngày giờ bắt đầu.")])
    ends_at = DateTimeLocalField("Kết thúc (dự kiến)", format="%Y-%m-%dT%H:%M",
                                 validators=[InputRequired("Vui lòng chọn giờ kết thúc.")])
    location = StringField("Địa điểm", validators=[Length(max=300)])
    paper_author = StringField("Người viết chuyên đề", validators=[Length(max=120)])
    confirm_time = BooleanField("Tôi xác nhận đổi thời gian họp; đảng viên sẽ được báo giờ cũ và giờ mới")
    seq = HiddenField()

    def validate_ends_at(self, field):
        if self.starts_at.data and field.data and field.data <= self.starts_at.data:
            raise ValidationError("Giờ kết thúc phải sau giờ bắt đầu.")
        if self.starts_at.data and field.data and (field.data - self.starts_at.data).total_seconds() > 12 * 3600:
            raise ValidationError("Một buổi họp không kéo dài quá 12 giờ.")

    def duration(self) -> int:
        return int((self.ends_at.data - self.starts_at.data).total_seconds() // 60)


class NewMeetingForm(MeetingForm):
    template = RadioField("Bắt đầu từ", choices=TEMPLATE_CHOICES, default="regular")
    document_id = SelectField("Tài liệu chuyên đề kèm theo", default="", validate_choice=False)


class ItemForm(FlaskForm):
    title = StringField("Nội dung", filters=[strip],
                        validators=[DataRequired(REQUIRED.format("nội dung mục")), Length(max=300)])
    description = TextAreaField("Mô tả", validators=[Length(max=5000)])
    presenter = StringField("Người trình bày", validators=[Length(max=120)])
    planned_minutes = BoundedIntegerField("Số phút", validators=[Optional()], minimum=1, maximum=600,
                                          message="Số phút từ 1 đến 600.")
    seq = HiddenField()


class NewItemForm(ItemForm):
    """Adding an item (prefix "new": its ids differ from the meeting's own title field)."""

    after = SelectField("Đặt mục mới", default="", validate_choice=False)


class PublishForm(FlaskForm):
    confirm = BooleanField("Tôi đã đọc cảnh báo và vẫn muốn công bố")
