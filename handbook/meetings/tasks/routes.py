"""The resolution's tasks: planned in the minutes' builder (what, who, by when), then kept up to
date by their owner or the cell's secretary."""

from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from handbook.actions import act
from handbook.auth.permissions import require
from handbook.auth.queries import user_by_id
from handbook.domain import DomainError
from handbook.extensions import db
from handbook.meetings import bp
from handbook.meetings import messages as msg
from handbook.meetings.access import get_minutes_meeting_or_404, get_visible_task_or_404
from handbook.meetings.forms import ConfirmForm
from handbook.meetings.minutes import service as minutes_service
from handbook.meetings.minutes.page import builder_page, minutes_form
from handbook.meetings.status import Action
from handbook.meetings.tasks import service as tasks
from handbook.meetings.tasks.forms import TaskForm
from handbook.meetings.tasks.models import Task
from handbook.security import is_htmx


def _planning(meeting_id):
    """The meeting and its minutes, whose builder page the tasks are planned on."""
    meeting = get_minutes_meeting_or_404(meeting_id, Action.PLAN_TASKS)
    return meeting, minutes_service.get_or_start(meeting)


@bp.post("/meetings/<int:meeting_id>/tasks")
@login_required
def add_task(meeting_id):
    """A task of the resolution: what, who (a member or the whole cell), by when."""
    meeting, minutes = _planning(meeting_id)
    form = TaskForm(prefix="task")
    if form.validate_on_submit():
        chosen = form.owner_id.data

        def add():
            owner = user_by_id(chosen) if chosen is not None and chosen > 0 else None
            if chosen is not None and owner is None:
                raise DomainError(msg.TASK_OWNER_OTHER_CELL, field="owner_id")
            tasks.add_task(meeting, title=form.title.data, owner=owner, due_on=form.due_on.data)

        answer = act(add, form=form, field="title", ok=msg.TASK_ADDED,
                     done=url_for("meetings.minutes", meeting_id=meeting.id) + "#nhiem-vu")
        if answer:
            return answer
    return builder_page(meeting, minutes, minutes_form(meeting, formdata=None, obj=minutes),
                        minutes_service.notes_of(minutes), 400, task_form=form)


@bp.post("/meetings/<int:meeting_id>/tasks/<int:task_id>/delete")
@login_required
def remove_task(meeting_id, task_id):
    """Take a task out of the draft resolution."""
    meeting, _minutes = _planning(meeting_id)
    task = db.session.get(Task, task_id)
    require(task is not None and task.meeting_id == meeting.id)
    if ConfirmForm().validate_on_submit():
        tasks.remove_task(meeting, task)
        db.session.commit()
        flash(msg.TASK_REMOVED, "success")
    return redirect(url_for("meetings.minutes", meeting_id=meeting.id) + "#nhiem-vu")


@bp.post("/meetings/tasks/<int:task_id>/status")
@login_required
def task_status(task_id):
    """Its owner or the secretary marks a task done, or back in progress."""
    task = get_visible_task_or_404(task_id)
    if not ConfirmForm().validate_on_submit():
        raise DomainError(msg.TASK_BAD_STATUS)
    tasks.set_status(task, current_user, request.form.get("status", ""))
    db.session.commit()
    if is_htmx():
        return render_template("meetings/_task_row.html", task=task, today=tasks.today(),
                               can_update=lambda t: tasks.can_update(current_user, t))
    flash(msg.TASK_UPDATED, "success")
    if request.form.get("back") == "home":
        return redirect(url_for("main.home"))
    return redirect(url_for("meetings.show", meeting_id=task.meeting_id) + "#nhiem-vu-thang-truoc")
