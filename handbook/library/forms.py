"""Library forms: import a document, edit its details, assign required study."""

from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import DateField, IntegerField, RadioField, SelectField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, NumberRange, Optional, ValidationError

from handbook.integers import chosen_id


class ChoiceField(SelectField):
    """A select whose refusal of an unknown value is worded in Vietnamese."""

    def process_formdata(self, valuelist):
        try:
            super().process_formdata(valuelist)
        except ValueError:
            self.data = None  # not a value of the list: pre_validate says so

    def pre_validate(self, form):
        allowed = {str(c.value) if hasattr(c, "value") else str(c[0]) for c in self.choices or []}
        if str(self.data) not in allowed:
            raise ValidationError("Lựa chọn không hợp lệ — hãy chọn một mục trong danh sách.")


class DayField(DateField):
    """A date typed or picked; anything else is told in Vietnamese, never in WTForms' English."""

    def process_formdata(self, valuelist):
        try:
            super().process_formdata(valuelist)
        except ValueError:
            self.data = None
            raise ValueError("Ngày không hợp lệ.") from None


class YearField(IntegerField):
    def process_formdata(self, valuelist):
        try:
            super().process_formdata(valuelist)
        except ValueError:
            self.data = None
            raise ValueError("Năm phải là một số, ví dụ 2025.") from None


class ImportForm(FlaskForm):
    file = FileField("Tệp văn bản (.docx, .pdf, .txt, .md)", validators=[FileRequired("Hãy chọn tệp cần nhập.")])
    number = StringField("Số hiệu", validators=[Optional(), Length(max=60)])
    doc_type = StringField("Loại văn bản", validators=[Optional(), Length(max=40)])
    issuer = StringField("Cơ quan ban hành", validators=[Optional(), Length(max=200)])
    issued_on = DateField("Ngày ban hành", validators=[Optional()])
    title = StringField("Trích yếu", validators=[Optional(), Length(max=500)])
    org_id = ChoiceField("Ai được xem", coerce=chosen_id)
    on_duplicate = RadioField(
        "Nếu số hiệu đã có",
        choices=[SelectChoice("", "Báo cho tôi"), SelectChoice("replace", "Thay thế văn bản cũ"),
                 SelectChoice("version", "Nhập thành phiên bản mới")],
        default="", validators=[Optional()],
    )


class AssignForm(FlaskForm):
    org_id = ChoiceField("Giao cho", coerce=chosen_id, validators=[DataRequired("Hãy chọn chi bộ hoặc tổ chức.")])
    due_on = DateField("Hạn hoàn thành", validators=[DataRequired("Hãy chọn hạn hoàn thành (ngày/tháng/năm).")])


class DocumentForm(FlaskForm):
    """A document's details and what replaced it (committee admins of its scope)."""

    number = StringField("Số hiệu", validators=[DataRequired("Hãy nhập số hiệu."), Length(max=60)])
    doc_type = StringField("Loại văn bản", validators=[DataRequired("Hãy nhập loại văn bản."), Length(max=40)])
    issuer = StringField("Cơ quan ban hành", validators=[Optional(), Length(max=200)])
    issued_on = DayField("Ngày ban hành", validators=[Optional()])
    issued_year = YearField("Năm ban hành", validators=[
        Optional(), NumberRange(1930, 2100, "Năm ban hành từ 1930 đến 2100.")])
    title = StringField("Trích yếu", validators=[DataRequired("Hãy nhập trích yếu."), Length(max=500)])
    status = ChoiceField("Hiệu lực")
    replaced_by = ChoiceField("Được thay thế bởi", coerce=int)
