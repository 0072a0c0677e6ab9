"""Library forms: import a document, assign required study."""

from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import DateField, RadioField, SelectField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, Optional


class ImportForm(FlaskForm):
    file = FileField("Tệp văn bản (.docx, .pdf, .txt, .md)", validators=[FileRequired("Hãy chọn tệp cần nhập.")])
    number = StringField("Số hiệu", validators=[Optional(), Length(max=60)])
    doc_type = StringField("Loại văn bản", validators=[Optional(), Length(max=40)])
    issuer = StringField("Cơ quan ban hành", validators=[Optional(), Length(max=200)])
    issued_on = DateField("Ngày ban hành", validators=[Optional()])
    title = StringField("Trích yếu", validators=[Optional(), Length(max=500)])
    org_id = SelectField("Ai được xem", coerce=int)
    on_duplicate = RadioField(
        "Nếu số hiệu đã có",
        choices=[SelectChoice("", "Báo cho tôi"), SelectChoice("replace", "Thay thế văn bản cũ"),
                 SelectChoice("version", "Nhập thành phiên bản mới")],
        default="", validators=[Optional()],
    )


class AssignForm(FlaskForm):
    org_id = SelectField("Giao cho", coerce=int, validators=[DataRequired("Hãy chọn chi bộ hoặc tổ chức.")])
    due_on = DateField("Hạn hoàn thành", validators=[DataRequired("Hãy chọn hạn hoàn thành (ngày/tháng/năm).")])
