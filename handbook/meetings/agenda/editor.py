"""The agenda builder's page: the details form, the items and the publish box, rendered by the
route modules that answer with the whole page (details saved, an item refused without htmx)."""

from flask import render_template
from wtforms.fields.choices import SelectChoice

from handbook.meetings import messages as msg
from handbook.meetings.agenda import service as agenda
from handbook.meetings.agenda.forms import MeetingForm, NewItemForm, PublishForm
from handbook.meetings.forms import ConfirmForm
from handbook.timefmt import to_vn


def new_item_form(meeting, formdata=None) -> NewItemForm:
    """The add-item form, offering where the item goes: before the closing item by default."""
    form = NewItemForm(formdata=formdata, prefix="new")
    closing = agenda.closing_item(meeting)
    first = msg.BEFORE_CLOSING.format(title=closing.title) if closing else msg.AT_END
    form.after.choices = [SelectChoice("", first)] + ([SelectChoice("end", msg.AT_END)] if closing else []) + [
        SelectChoice(str(item.id), msg.AFTER_ITEM.format(n=item.position, title=item.title)[:120])
        for item in meeting.items]
    return form


def edit_page(meeting, form, status=200, stale=False, publish_error=None):
    """The page around `form` as the secretary sent it (kept as typed when it is refused)."""
    return render_template("meetings/edit.html", meeting=meeting, form=form, item_form=new_item_form(meeting),
                           publish_form=PublishForm(formdata=None), warnings=agenda.publish_warnings(meeting),
                           stale=stale, confirm_form=ConfirmForm(), publish_error=publish_error), status


def render_edit(meeting, status=200, stale=False, publish_error=None):
    """The page with the details form filled from the meeting as stored."""
    form = MeetingForm(formdata=None, obj=meeting, data={
        "starts_at": to_vn(meeting.starts_at).replace(tzinfo=None),
        "ends_at": to_vn(meeting.ends_at).replace(tzinfo=None), "seq": meeting.edit_seq})
    return edit_page(meeting, form, status, stale, publish_error)
