"""Forms of the votes: opening one, the show of hands at closing, annulling, a member's ballot."""

from flask_wtf import FlaskForm
from wtforms import BooleanField, RadioField, SelectField, SelectMultipleField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, InputRequired, Length, Optional
from wtforms.widgets import CheckboxInput, ListWidget

from handbook.integers import BoundedIntegerField
from handbook.meetings.forms import REQUIRED, member_id, strip
from handbook.meetings.votes.election import MAX_SEATS
from handbook.meetings.votes.rules import KINDS


class VoteForm(FlaskForm):
    """Opening a vote: what is decided, how, on which agenda item."""

    question = StringField("Nội dung biểu quyết", filters=[strip],
                           validators=[DataRequired(REQUIRED.format("nội dung biểu quyết")), Length(max=300)])
    kind = SelectField("Loại biểu quyết", choices=[SelectChoice(k, label) for k, (label, _t) in KINDS.items()],
                       validate_choice=False)
    item = SelectField("Thuộc mục chương trình", default="", validate_choice=False)
    seats = BoundedIntegerField("Số người cần bầu (khi bầu cử)", validators=[Optional()], minimum=1, maximum=MAX_SEATS,
                                message=f"Số người cần bầu phải là số từ 1 đến {MAX_SEATS}.")
    secret = BooleanField("Bỏ phiếu kín (không lưu ai chọn gì)")
    choices = TextAreaField("Danh sách người hoặc phương án, mỗi dòng một (khi bầu hoặc xếp loại)",
                            validators=[Length(max=5000)])


class AnnulVoteForm(FlaskForm):
    reason = StringField("Lý do hủy kết quả", filters=[strip],
                         validators=[DataRequired("Vui lòng ghi lý do hủy kết quả."), Length(max=500)])


class BallotForm(FlaskForm):
    # The service checks the choice is one of the vote's (votes.cast), in Vietnamese.
    choice = RadioField("Đồng chí biểu quyết", coerce=member_id, validate_choice=False,
                        validators=[InputRequired("Vui lòng chọn một phương án.")])


class ElectionBallotForm(FlaskForm):
    # Up to the election's seats, maybe none; the service refuses more, in Vietnamese.
    picks = SelectMultipleField("Đồng chí bầu", coerce=member_id, validate_choice=False,
                                widget=ListWidget(prefix_label=False), option_widget=CheckboxInput())


def close_vote_form(choices: list[str], election: bool = False, **kwargs) -> FlaskForm:
    """The show of hands, one count per choice (empty: nobody raised a hand for it); for an
    election also how many members voted by hand."""

    class CloseVoteForm(FlaskForm):
        pass

    if election:
        CloseVoteForm.hand_ballots = BoundedIntegerField(
            "Số đồng chí bầu bằng giơ tay", validators=[Optional()], minimum=0, maximum=1000,
            message="Số người phải là số từ 0 đến 1000.")
    for n, label in enumerate(choices):
        setattr(CloseVoteForm, f"hand_{n}", BoundedIntegerField(
            f"{label} (giơ tay)", validators=[Optional()], minimum=0, maximum=1000,
            message="Số phiếu phải là số từ 0 đến 1000."))
    return CloseVoteForm(**kwargs)
