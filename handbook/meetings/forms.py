"""What the meetings' forms share: a text's filter, the sentence a required field says, a member
picked in a list, a length cap, and the bare form of a button. Each part's own forms are in its
subpackage (agenda/forms.py, votes/forms.py …), with their Vietnamese messages."""

from flask_wtf import FlaskForm
from wtforms.validators import Length

from handbook.integers import chosen_id

REQUIRED = "Vui lòng nhập {}."


def strip(value):
    return value.strip() if isinstance(value, str) else value


def member_id(value):
    """A member (or a ballot's choice) picked in a list: None for none, -1 for anything that is not
    a number an id column holds (the service then says the choice is not one it offered)."""
    return None if value in (None, "") else chosen_id(value)


def at_most(chars: int) -> Length:
    return Length(max=chars, message=f"Tối đa {chars} ký tự.")


class ConfirmForm(FlaskForm):
    """A bare form: CSRF only, for buttons."""
