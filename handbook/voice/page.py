"""The question's page as its views draw it: the question and its answer, and for whoever it is
with now, the forms to answer, forward and publish it (refused forms come back with their
messages)."""

from flask import render_template
from flask_login import current_user

from handbook.voice.access import can_handle, faq_targets, forward_targets
from handbook.voice.forms import ActionForm, AnswerForm, ForwardForm, PublishForm
from handbook.voice.models import MemberQuestion

PER_PAGE = 20


def show_question(question: MemberQuestion, status: int = 200, **forms):
    handler = can_handle(current_user, question)
    if handler:
        # Forms not posted start empty (not from another form's post), the FAQ's from the question.
        forms.setdefault("answer_form", AnswerForm(formdata=None))
        forward = forms.setdefault("forward_form", ForwardForm(formdata=None))
        forward.org_id.choices = [(org.id, org.name) for org in forward_targets(question)]
        if "publish_form" not in forms:
            forms["publish_form"] = PublishForm(formdata=None, faq_subject=question.subject, faq_body=question.body)
        forms["publish_form"].faq_org.choices = [(org.id, org.name) for org in faq_targets(current_user, question)]
    return render_template("voice/show.html", question=question, handler=handler, action_form=ActionForm(),
                           **forms), status
