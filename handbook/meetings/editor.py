"""The agenda builder's page: the details form, the items and the publish box, rendered by the
route modules that answer with the whole page (details saved, an item refused without htmx)."""

from flask import render_template

from handbook.meetings import agenda
from handbook.meetings.forms import ConfirmForm, ItemForm, MeetingForm, PublishForm
from handbook.timefmt import to_vn


def edit_page(meeting, form, status=200, stale=False):
    """The page around `form` as the secretary sent it (kept as typed when it is refused)."""
    return render_template("meetings/edit.html", meeting=meeting, form=form, item_form=ItemForm(formdata=None),
                           publish_form=PublishForm(formdata=None), warnings=agenda.publish_warnings(meeting),
                           stale=stale, confirm_form=ConfirmForm()), status


def render_edit(meeting, status=200, stale=False):
    """The page with the details form filled from the meeting as stored."""
    form = MeetingForm(formdata=None, obj=meeting, data={
        "starts_at": to_vn(meeting.starts_at).replace(tzinfo=None),
        "ends_at": to_vn(meeting.ends_at).replace(tzinfo=None), "seq": meeting.edit_seq})
    return edit_page(meeting, form, status, stale)
