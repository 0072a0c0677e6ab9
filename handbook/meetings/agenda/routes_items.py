"""Agenda items, edited in place with htmx: add, save, remove, move, link library sections."""

from flask import flash, redirect, render_template, request, url_for
from flask_login import login_required

from handbook.auth.permissions import require
from handbook.extensions import db
from handbook.library.access import cell_section
from handbook.meetings import bp
from handbook.meetings import messages as msg
from handbook.meetings.access import get_managed_meeting_or_404
from handbook.meetings.agenda import service as agenda
from handbook.meetings.agenda.editor import new_item_form, render_edit
from handbook.meetings.agenda.forms import ItemForm
from handbook.meetings.agenda.sections import find_sections
from handbook.meetings.forms import ConfirmForm
from handbook.meetings.models import AgendaItem
from handbook.meetings.status import Action
from handbook.security import is_htmx
from handbook.versioning import StaleVersion, guarded_write


def _editable(meeting_id):
    return get_managed_meeting_or_404(meeting_id, Action.EDIT)


def _item(meeting, item_id) -> AgendaItem:
    item = db.session.get(AgendaItem, item_id)
    require(item is not None and item.meeting_id == meeting.id)
    return item


def _items(meeting, status=200, message=None, drafts=None, new_form=None):
    """The items fragment for htmx; a full edit page otherwise."""
    if not is_htmx():
        if message:
            flash(message, "error")
        if status >= 400:
            return render_edit(meeting, status, stale=status == 409)
        return redirect(url_for("meetings.edit", meeting_id=meeting.id))
    # htmx swaps only 2xx answers, so a refused save is still a 200 that shows its message.
    return render_template("meetings/_items.html", meeting=meeting, message=message, drafts=drafts or {},
                           item_form=new_form or new_item_form(meeting), confirm_form=ConfirmForm()), 200


def _fields(form) -> dict:
    return {"title": form.title.data.strip(), "description": form.description.data or "",
            "presenter": (form.presenter.data or "").strip(), "planned_minutes": form.planned_minutes.data}


@bp.post("/meetings/<int:meeting_id>/items")
@login_required
def add_item(meeting_id):
    """Add an item: before the closing item, or where the secretary chose."""
    meeting = _editable(meeting_id)
    form = new_item_form(meeting, request.form)
    if not form.validate_on_submit():
        return _items(meeting, 400 if not is_htmx() else 200, new_form=form)
    return _change(meeting, form.seq.data,
                   lambda: agenda.add_item(meeting, **_fields(form), after=form.after.data or ""), new_form=form)


@bp.post("/meetings/<int:meeting_id>/items/<int:item_id>")
@login_required
def update_item(meeting_id, item_id):
    """Save one item's text, presenter and minutes."""
    meeting = _editable(meeting_id)
    item = _item(meeting, item_id)
    form = ItemForm()
    if not form.validate_on_submit():
        return _items(meeting, 400 if not is_htmx() else 200, drafts={item.id: form})
    return _change(meeting, form.seq.data, lambda: agenda.update_item(meeting, item, **_fields(form)),
                   drafts={item.id: form})


def _change(meeting, seq, change, **kept):
    """Applies `change` on the agenda version `seq` the form was typed on (None: buttons that send
    none) and commits. A form typed on an older version, or another save landing first, answers
    409 with the agenda as it stands now and the text that was typed kept in its form (`kept`)."""
    try:
        with guarded_write():
            if seq is not None:
                agenda.check_seq(meeting, seq)
            change()
    except StaleVersion:
        return _items(meeting, 409, msg.AGENDA_STALE, **kept)
    db.session.commit()
    return _items(meeting)


def _simple_change(meeting_id, item_id, change):
    meeting = _editable(meeting_id)
    item = _item(meeting, item_id)
    if not ConfirmForm().validate_on_submit():
        return _items(meeting, 400)
    return _change(meeting, request.form.get("seq", ""), lambda: change(meeting, item))


@bp.post("/meetings/<int:meeting_id>/items/<int:item_id>/delete")
@login_required
def remove_item(meeting_id, item_id):
    """Remove an item; the others close up."""
    return _simple_change(meeting_id, item_id, agenda.remove_item)


@bp.post("/meetings/<int:meeting_id>/items/<int:item_id>/move")
@login_required
def move_item(meeting_id, item_id):
    """Move an item one place up or down."""
    direction = "up" if request.form.get("direction") == "up" else "down"
    return _simple_change(meeting_id, item_id, lambda m, i: agenda.move_item(m, i, direction))


@bp.get("/meetings/<int:meeting_id>/items/<int:item_id>/sections")
@login_required
def search_sections(meeting_id, item_id):
    """Inline library search for sections to link to this item."""
    meeting = _editable(meeting_id)
    item = _item(meeting, item_id)
    query = request.args.get("q", "")[:200]
    results = find_sections(meeting.cell, query) if query.strip() else []
    return render_template("meetings/_section_results.html", meeting=meeting, item=item, query=query,
                           results=results)


@bp.post("/meetings/<int:meeting_id>/items/<int:item_id>/links")
@login_required
def link_section(meeting_id, item_id):
    """Link a library section (visible to the cell) to the item."""
    meeting = _editable(meeting_id)
    item = _item(meeting, item_id)
    section = cell_section(meeting.cell, request.form.get("section_id"))
    require(section is not None)
    if not ConfirmForm().validate_on_submit():
        return _items(meeting, 400)
    return _change(meeting, None, lambda: agenda.link_section(meeting, item, section))


@bp.post("/meetings/<int:meeting_id>/items/<int:item_id>/links/<int:link_id>/delete")
@login_required
def unlink_section(meeting_id, item_id, link_id):
    """Remove a linked section from the item."""
    meeting = _editable(meeting_id)
    item = _item(meeting, item_id)
    link = next((link for link in item.links if link.id == link_id), None)
    require(link is not None)
    if not ConfirmForm().validate_on_submit():
        return _items(meeting, 400)
    return _change(meeting, None, lambda: agenda.unlink_section(meeting, item, link))
