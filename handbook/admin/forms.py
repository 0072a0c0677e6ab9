"""Administration forms; field rules come from validation.py so the CSV import agrees with them."""

from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import BooleanField, HiddenField, SelectField, SelectMultipleField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, ValidationError

from handbook.admin import messages as msg
from handbook.admin import validation as v
from handbook.auth.models import STANDING_LABELS
from handbook.orgs.models import ORG_KINDS

REQUIRED = "Vui lòng nhập {}."


def options(pairs) -> list[SelectChoice]:
    return [SelectChoice(str(value), label) for value, label in pairs]


def _check(cleaner):
    def check(form, field):
        value, problem = cleaner(field.data or "")
        if problem:
            raise ValidationError(problem)
        field.cleaned = value

    return check


def _date(label):
    def check(form, field):
        value, problem = v.parse_date(field.data or "", label)
        if problem:
            raise ValidationError(problem)
        field.cleaned = value

    return check


class OrgForm(FlaskForm):
    name = StringField("Tên tổ chức", validators=[DataRequired(REQUIRED.format("tên tổ chức")), Length(max=200)])
    kind = SelectField("Loại", choices=options(ORG_KINDS.items()))
    valid_from = StringField("Ngày thành lập (ngày/tháng/năm, nếu biết)", validators=[_date("Ngày thành lập")])


def _required_date(label):
    def check(form, field):
        if not (field.data or "").strip():
            raise ValidationError(REQUIRED.format(label.lower()))
        _date(label)(form, field)

    return check


class RenameForm(FlaskForm):
    # Its own id: the organisation's page also holds the form creating a child, with a "name" too.
    name = StringField("Tên mới", validators=[DataRequired(REQUIRED.format("tên mới")), Length(max=200)],
                       id="new-name")
    day = StringField("Có hiệu lực từ ngày (để trống: hôm nay)", validators=[_date("Ngày có hiệu lực")])


class MergeForm(FlaskForm):
    """Step one names the survivor and the day; the confirmation page sends them back with confirm=1.
    Used with the prefix "merge" (and SplitForm with "split"): the organisation page holds several forms."""

    target = SelectField("Sáp nhập vào", coerce=str, validate_choice=False)
    day = StringField("Từ ngày (ngày/tháng/năm)", validators=[_required_date("Ngày sáp nhập")])
    confirm = HiddenField()


class SplitForm(FlaskForm):
    name = StringField("Tên tổ chức mới", validators=[DataRequired(REQUIRED.format("tên tổ chức mới")),
                                                       Length(max=200)])
    day = StringField("Từ ngày (ngày/tháng/năm)", validators=[_required_date("Ngày tách")])
    parts = SelectMultipleField("Chuyển sang tổ chức mới", coerce=str, validate_choice=False)
    confirm = HiddenField()


class MoveOrgForm(FlaskForm):
    parent = SelectField("Chuyển về trực thuộc", coerce=str, validate_choice=False)


class MemberForm(FlaskForm):
    full_name = StringField("Họ và tên", validators=[_check(v.clean_name)])
    card_number = StringField("Số thẻ đảng viên", validators=[_check(v.clean_card)])
    phone = StringField("Điện thoại", validators=[_check(v.clean_phone)])
    date_of_birth = StringField("Ngày sinh (ngày/tháng/năm)", validators=[_date("Ngày sinh")])
    sex = SelectField("Giới tính", choices=options([("", "—"), ("Nam", "Nam"), ("Nữ", "Nữ")]))
    admitted_on = StringField("Ngày vào Đảng", validators=[_date("Ngày vào Đảng")])
    official_on = StringField("Ngày chính thức", validators=[_date("Ngày chính thức")])
    holds_leadership_post = BooleanField("Giữ chức vụ lãnh đạo, quản lý")
    party_standing = SelectField("Tình trạng sinh hoạt", choices=options(STANDING_LABELS.items()), default="regular",
                                 validate_choice=False)
    cell = SelectField("Chi bộ", coerce=str, validate_choice=False)

    def validate_official_on(self, field):
        problems = v.date_order_problems(getattr(self.date_of_birth, "cleaned", None),
                                         getattr(self.admitted_on, "cleaned", None), getattr(field, "cleaned", None))
        if problems:
            raise ValidationError(problems[0])

    def validate_party_standing(self, field):
        if field.data not in STANDING_LABELS:
            raise ValidationError(msg.STANDING_VALUES)

    def member_fields(self) -> dict:
        return {
            "full_name": self.full_name.cleaned, "card_number": self.card_number.cleaned,
            "phone": self.phone.cleaned, "date_of_birth": self.date_of_birth.cleaned,
            "sex": self.sex.data or None, "admitted_on": self.admitted_on.cleaned,
            "official_on": self.official_on.cleaned, "holds_leadership_post": self.holds_leadership_post.data,
            "party_standing": self.party_standing.data,
        }


class MoveMemberForm(FlaskForm):
    cell = SelectField("Chuyển sang chi bộ", coerce=str, validate_choice=False)


class RoleForm(FlaskForm):
    role = SelectField("Chức trách", choices=options([("secretary", "Bí thư chi bộ"), ("deputy", "Phó bí thư chi bộ")]))


class ImportForm(FlaskForm):
    file = FileField("Tệp CSV danh sách đảng viên")
