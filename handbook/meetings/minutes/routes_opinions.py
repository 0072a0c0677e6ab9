"""Opinions by speaker on each agenda item, written into the minutes by the note-taker."""

from flask import redirect, render_template, url_for
from flask_login import login_required

from handbook.actions import act
from handbook.auth.permissions import require
from handbook.auth.queries import user_by_id
from handbook.domain import DomainError
from handbook.extensions import db
from handbook.meetings import bp
from handbook.meetings import messages as msg
from handbook.meetings.access import get_minutes_meeting_or_404
from handbook.meetings.forms import ConfirmForm
from handbook.meetings.minutes import service as minutes_service
from handbook.meetings.minutes.builder import add_opinion, opinions_of, remove_opinion
from handbook.meetings.minutes.forms import OpinionForm
from handbook.meetings.minutes.models import MinutesOpinion
from handbook.meetings.minutes.page import builder_page, minutes_form
from handbook.meetings.models import AgendaItem
from handbook.meetings.notify import cell_members
from handbook.meetings.status import Action
from handbook.security import is_htmx


def _builder(meeting_id):
    meeting = get_minutes_meeting_or_404(meeting_id, Action.WRITE_MINUTES)
    return meeting, minutes_service.get_or_start(meeting)


def _member_of(meeting, user_id):
    """A member of the meeting's cell chosen in a list; refused when it is anyone else."""
    if user_id is None:
        return None
    user = user_by_id(user_id) if user_id > 0 else None
    if user is None or user.cell_id != meeting.cell_id or not user.active:
        raise DomainError(msg.NOT_CELL_MEMBER, field="speaker_id")
    return user


def _opinions(meeting, minutes, item, form=None, status=200):
    """One item's opinions and its form (htmx); the builder page otherwise."""
    if is_htmx():
        # htmx swaps only 2xx answers: a refused opinion is a 200 that shows its message.
        return render_template("meetings/_opinions.html", meeting=meeting, minutes=minutes, item=item,
                               item_opinions=opinions_of(minutes).get(str(item.id), []),
                               speakers=cell_members(meeting.cell_id),
                               opinion_form=OpinionForm(formdata=None) if status < 400 else form)
    if status >= 400:
        return builder_page(meeting, minutes, minutes_form(meeting, formdata=None, obj=minutes),
                            minutes_service.notes_of(minutes), status, opinion_forms={item.id: form})
    return redirect(url_for("meetings.minutes", meeting_id=meeting.id) + f"#muc-{item.id}")


@bp.post("/meetings/<int:meeting_id>/minutes/items/<int:item_id>/opinions")
@login_required
def add_opinion_view(meeting_id, item_id):
    """The note-taker writes down what a speaker said on an agenda item."""
    meeting, minutes = _builder(meeting_id)
    item = db.session.get(AgendaItem, item_id)
    require(item is not None and item.meeting_id == meeting.id)
    form = OpinionForm()
    if form.validate_on_submit() and (answer := act(
            lambda: add_opinion(minutes, item, speaker=_member_of(meeting, form.speaker_id.data),
                                speaker_name=form.speaker_name.data or "", text=form.text.data),
            form=form, field="text", done=lambda _: _opinions(meeting, minutes, item))):
        return answer
    return _opinions(meeting, minutes, item, form, 400)


@bp.post("/meetings/<int:meeting_id>/minutes/opinions/<int:opinion_id>/delete")
@login_required
def remove_opinion_view(meeting_id, opinion_id):
    """Take back an opinion written down by mistake (while the minutes are a draft)."""
    meeting, minutes = _builder(meeting_id)
    opinion = db.session.get(MinutesOpinion, opinion_id)
    require(opinion is not None and opinion.minutes_id == minutes.id)
    item = db.session.get(AgendaItem, opinion.item_id)
    if ConfirmForm().validate_on_submit():
        remove_opinion(minutes, opinion)
        db.session.commit()
    return _opinions(meeting, minutes, item)
