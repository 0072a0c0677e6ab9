"""Login and password forms."""

from flask_wtf import FlaskForm
from wtforms import PasswordField, StringField
from wtforms.validators import DataRequired, EqualTo, Length, ValidationError

from handbook.auth.passwords import MAX_LENGTH, password_problem

REQUIRED = "Vui lòng nhập {}."


class LoginForm(FlaskForm):
    username = StringField(
        "Tên đăng nhập, số thẻ đảng viên hoặc số điện thoại",
        validators=[DataRequired(REQUIRED.format("tên đăng nhập")), Length(max=120)],
    )
    password = PasswordField(
        "Mật khẩu", validators=[DataRequired(REQUIRED.format("mật khẩu")), Length(max=MAX_LENGTH * 4)]
    )


class ChangePasswordForm(FlaskForm):
    current_password = PasswordField(
        "Mật khẩu hiện tại", validators=[DataRequired(REQUIRED.format("mật khẩu hiện tại"))]
    )
    new_password = PasswordField("Mật khẩu mới", validators=[DataRequired(REQUIRED.format("mật khẩu mới"))])
    confirm = PasswordField(
        "Nhập lại mật khẩu mới",
        validators=[
            DataRequired(REQUIRED.format("lại mật khẩu mới")),
            EqualTo("new_password", "Hai lần nhập mật khẩu mới không khớp."),
        ],
    )

    def __init__(self, *args, username: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self._username = username

    def validate_new_password(self, field):
        problem = password_problem(field.data or "", username=self._username)
        if problem:
            raise ValidationError(problem)
        if field.data == self.current_password.data:
            raise ValidationError("Mật khẩu mới phải khác mật khẩu hiện tại.")
