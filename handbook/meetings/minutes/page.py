"""The minutes builder's page, rendered by the route modules that answer with the whole page
(a draft saved without htmx, a refused opinion, task or signature)."""

from flask import render_template, url_for
from flask_login import current_user
from wtforms.fields.choices import SelectChoice

from handbook.auth.permissions import manages_cell_id
from handbook.meetings import messages as msg
from handbook.meetings.forms import ConfirmForm
from handbook.meetings.minutes import service, signoff
from handbook.meetings.minutes.builder import opinions_of, record_of, tasks_of
from handbook.meetings.minutes.digest import digest
from handbook.meetings.minutes.forms import MinutesForm, OpinionForm, SignForm
from handbook.meetings.notify import cell_members
from handbook.meetings.tasks import service as tasks
from handbook.meetings.tasks.forms import TaskForm
from handbook.models_base import utcnow


def member_choices(meeting, blank: str) -> list[SelectChoice]:
    return [SelectChoice("", blank)] + [SelectChoice(str(m.id), m.full_name) for m in cell_members(meeting.cell_id)]


def minutes_form(meeting, **kwargs) -> MinutesForm:
    form = MinutesForm(**kwargs)
    form.chair_id.choices = member_choices(meeting, "— Chọn chủ trì —")
    form.note_taker_id.choices = member_choices(meeting, "— Chọn thư ký —")
    return form


def conflicts_of(minutes) -> list:
    """The texts kept from saves on older versions, as the shared conflict panel draws them."""
    return [(conflict, parts, url_for("meetings.resolve_minutes", meeting_id=minutes.meeting_id,
                                      conflict_id=conflict.id))
            for conflict, parts in service.kept_copies(minutes)]


def builder_page(meeting, minutes, form, notes, status=200, opinion_forms=None, task_form=None, sign_form=None,
                 typed=False):
    """The builder with `form` as sent (kept as typed when refused), the rest as stored. A page
    showing `typed` texts, not the stored ones, offers no signature: one signs what one reads."""
    task_form = task_form or TaskForm(formdata=None, prefix="task")
    task_form.owner_id.choices = member_choices(meeting, msg.WHOLE_CELL)
    record = record_of(meeting, minutes)
    signatures = signoff.state(minutes, record)
    my_roles = signoff.roles_of(current_user, minutes)
    # A signer who signed this very content is not offered the button again.
    my_due = [row["role"] for row in signatures if row["role"] in my_roles and not (row["line"] and row["line"].valid)]
    return render_template(
        "meetings/minutes.html", meeting=meeting, minutes=minutes, form=form, notes=notes,
        record=record, opinions=opinions_of(minutes), tasks=tasks_of(meeting),
        review=tasks.review_tasks(meeting) if tasks.reviews_tasks(meeting) else [], today=tasks.today(),
        speakers=cell_members(meeting.cell_id), opinion_forms=opinion_forms or {}, task_form=task_form,
        sign_form=sign_form or SignForm(formdata=None, data={"version": minutes.version}),
        signatures=signatures, my_roles=my_roles, my_due=my_due,
        sign_digest=digest(record), shows_stored=not typed, pending=service.current_revision(minutes),
        may_choose_signers=manages_cell_id(current_user, meeting.cell_id),
        confirm_form=ConfirmForm(), conflicts=conflicts_of(minutes), blank_opinion=OpinionForm(formdata=None),
        early=meeting.starts_at > utcnow(),
    ), status
