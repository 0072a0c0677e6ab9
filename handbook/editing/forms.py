"""The writer's choice after two saves kept different texts."""

from flask_wtf import FlaskForm
from wtforms import RadioField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired

from handbook.editing.store import CHOICES
from handbook.versioning import VersionField


class ResolveForm(FlaskForm):
    """`version` is the stored version the writer saw while choosing."""

    choice = RadioField(choices=[SelectChoice(value, value) for value in CHOICES], validators=[InputRequired()])
    version = VersionField(message="Phiên bản không hợp lệ, xin tải lại trang.")
