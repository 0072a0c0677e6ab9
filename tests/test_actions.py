"""The one view helper (handbook/actions.py): a refusal leaves nothing written and is told where
the member reads it; a done action is kept and said once."""

from flask import get_flashed_messages
from flask_wtf import FlaskForm
from sqlalchemy import select
from wtforms import StringField

from handbook.actions import act
from handbook.domain import DomainError
from handbook.extensions import db
from handbook.orgs.models import Organization, create_org


class _Form(FlaskForm):
    class Meta:
        csrf = False

    name = StringField()
    day = StringField()


def _names() -> set[str]:
    return set(db.session.scalars(select(Organization.name)))


def _add_then_refuse(field=None):
    def call():
        create_org("Chi bộ nửa chừng", "cell")
        db.session.flush()
        raise DomainError("Không được.", field=field)
    return call


def test_a_refusal_leaves_nothing_written_and_is_flashed(app):
    with app.test_request_context("/", method="POST"):
        answer = act(_add_then_refuse(), ok="Đã lưu.", done="/xong")
        assert answer.status_code == 302 and answer.location == "/xong"
        assert get_flashed_messages(with_categories=True) == [("error", "Không được.")]
    assert "Chi bộ nửa chừng" not in _names()


def test_a_refusal_goes_under_its_field_and_the_view_draws_its_form_again(app):
    with app.test_request_context("/", method="POST", data={"name": "x", "day": "y"}):
        form = _Form()
        assert act(_add_then_refuse(field="day"), form=form, field="name", ok="Đã lưu.", done="/xong") is None
        assert list(form.day.errors) == ["Không được."] and not form.name.errors
        assert get_flashed_messages() == []
    assert "Chi bộ nửa chừng" not in _names()


def test_a_done_action_is_committed_said_and_answered(app):
    with app.test_request_context("/", method="POST"):
        answer = act(lambda: create_org("Chi bộ mới", "cell"), ok=lambda org: f"Đã thêm {org.name}.",
                     done=lambda org: ("trang của " + org.name, 201))
        assert answer == ("trang của Chi bộ mới", 201)
        assert get_flashed_messages(with_categories=True) == [("success", "Đã thêm Chi bộ mới.")]
    db.session.rollback()  # what was committed stays
    assert "Chi bộ mới" in _names()
