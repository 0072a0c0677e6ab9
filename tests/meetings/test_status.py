"""A meeting's status table: every action in every status, the conditions besides the status,
and how a refusal reaches the user (a field's message, a flash, 404, or the error page)."""

from datetime import UTC, datetime, timedelta

import pytest
from flask import Flask
from sqlalchemy import func, select

from handbook.domain import DomainError
from handbook.extensions import db
from handbook.meetings.messages import CHECKIN_CLOSED, NO_ITEMS, PAST_START, RSVP_CLOSED, VOTE_NOT_OPEN
from handbook.meetings.models import AgendaItem, Meeting, Minutes, Rsvp
from handbook.meetings.status import (
    Action,
    MeetingRefused,
    Status,
    allows,
    check_start,
    move,
)
from handbook.models_base import utcnow
from tests.conftest import text_of
from tests.meetings.agenda.test_agenda import local, new_form
from tests.meetings.factories import meeting, meetings_of

D, P, H, C, X = "draft", "published", "held", "closed", "cancelled"
# The product's lifecycle, written out by hand: action -> {allowed in: leads to}. Every other
# (action, status) pair is refused.
LIFECYCLE = {
    Action.EDIT: {D: D, P: P},
    Action.PUBLISH: {D: P},
    Action.CANCEL: {D: X, P: X},
    Action.RSVP: {P: P},
    Action.OPEN_CHECKIN: {P: P, H: H},
    Action.CHECK_IN: {P: P, H: H},
    Action.TAKE_ATTENDANCE: {P: P, H: H, C: C},  # ten minutes before the start: not held yet
    Action.WRITE_MINUTES: {P: P, H: H, C: C},
    Action.LOCK_MINUTES: {P: C, H: C, C: C},
    Action.SIGN_MINUTES: {P: P, H: H, C: C},  # closed: a new revision of the minutes is signed again
    Action.OPEN_VOTE: {P: P, H: H},
    Action.RUN_VOTE: {P: P, H: H},
    Action.CAST_VOTE: {P: P, H: H},
    Action.PLAN_TASKS: {P: P, H: H},
    Action.ASSESS: {H: H, C: C},
}
# Refusals that tell the member why; the others answer 404, as a page that is not there.
TOLD = {Action.RSVP: RSVP_CLOSED, Action.CHECK_IN: CHECKIN_CLOSED, Action.CAST_VOTE: VOTE_NOT_OPEN}


# A fixed morning (10:00 in Vietnam): the meeting ten minutes later is on the same day.
MORNING = datetime(2026, 5, 4, 3, 0, tzinfo=UTC)


def ready(status: str, now) -> Meeting:
    """A meeting (not stored) that meets every condition besides its status: it starts in ten
    minutes (answers still open, check-in window open), has an item and a check-in code."""
    m = Meeting(status=status, starts_at=now + timedelta(minutes=10), duration_minutes=90, title="Họp thử",
                checkin_code="123456", checkin_until=now + timedelta(days=2))
    m.items = [AgendaItem(position=1, title="Khai mạc")]
    return m


@pytest.mark.parametrize("action", list(Action))
@pytest.mark.parametrize("status", [s.value for s in Status])
def test_every_action_in_every_status(action, status):
    now = MORNING
    m = ready(status, now)
    expected = LIFECYCLE[action].get(status)
    if expected is None:
        with pytest.raises(MeetingRefused) as refused:
            move(m, action, now)
        assert refused.value.status == (400 if action in TOLD else 404)
        if action in TOLD:
            assert refused.value.message == TOLD[action]
        assert m.status == status and not allows(m, action, now)
    else:
        assert move(m, action, now) == expected and m.status == expected


def test_attendance_makes_the_meeting_held_once_it_has_begun_and_waits_for_its_day():
    m = ready(P, MORNING)
    assert move(m, Action.TAKE_ATTENDANCE, MORNING + timedelta(minutes=11)) == H and m.status == H
    early = ready(P, MORNING)
    with pytest.raises(MeetingRefused, match="điểm danh chỉ ghi từ ngày họp"):
        move(early, Action.TAKE_ATTENDANCE, MORNING - timedelta(days=1))
    assert early.status == P


def test_every_action_is_in_the_table():
    assert set(LIFECYCLE) == set(Action)


def test_answers_close_when_the_meeting_starts():
    now = utcnow()
    m = ready(P, now)
    m.starts_at = now - timedelta(minutes=1)
    with pytest.raises(MeetingRefused, match=RSVP_CLOSED):
        move(m, Action.RSVP, now)


@pytest.mark.parametrize("change", ["no code", "too early", "too late"])
def test_check_in_needs_its_code_and_its_window(change):
    now = utcnow()
    m = ready(P, now)
    if change == "no code":
        m.checkin_code = None
    elif change == "too early":
        m.starts_at = now + timedelta(hours=2)
    else:
        m.checkin_until = now - timedelta(minutes=1)
    with pytest.raises(MeetingRefused, match=CHECKIN_CLOSED):
        move(m, Action.CHECK_IN, now)


def test_an_agenda_without_items_is_not_published():
    now = utcnow()
    m = ready(D, now)
    m.items = []
    with pytest.raises(MeetingRefused, match=NO_ITEMS):
        move(m, Action.PUBLISH, now)
    assert m.status == D


def test_a_meeting_is_planned_only_for_a_time_to_come():
    now = utcnow()
    check_start(now + timedelta(minutes=1), now)
    with pytest.raises(DomainError) as refused:
        check_start(now, now)
    assert refused.value.message == PAST_START and refused.value.field == "starts_at"


# --- How refusals reach the user.

def test_actions_the_status_refuses_answer_404_and_change_nothing(client, auth, world):
    closed = meeting(world["cell1"], status=C, starts_in=timedelta(days=-3))
    published = meeting(world["cell1"], status=P)
    cancelled = meeting(world["cell1"], status=X)
    db.session.add(Minutes(meeting_id=cancelled.id, conclusions="Bản nháp còn dở."))
    db.session.commit()
    auth.login("bithu")
    assert client.post(f"/meetings/{closed.id}/edit", data={"title": "Đổi"}).status_code == 404
    assert client.post(f"/meetings/{published.id}/publish", data={"confirm": "y"}).status_code == 404
    assert client.get(f"/meetings/{cancelled.id}/minutes").status_code == 404
    assert client.post(f"/meetings/{cancelled.id}/minutes/lock", data={}).status_code == 404
    assert client.post(f"/meetings/{cancelled.id}/cancel", data={"confirm": "y"}).status_code == 404
    db.session.expire_all()
    assert db.session.get(Meeting, cancelled.id).status == X
    assert db.session.scalar(select(Minutes.status).where(Minutes.meeting_id == cancelled.id)) == "draft"
    assert db.session.get(Meeting, closed.id).title == "Họp chi bộ thử"


def test_an_answer_after_the_start_is_refused_on_the_form(client, auth, world):
    started = meeting(world["cell1"], status=P, starts_in=timedelta(minutes=-5))
    auth.login("dangvien")
    response = client.post(f"/meetings/{started.id}/rsvp", data={"answer": "yes"})
    assert response.status_code == 400 and RSVP_CLOSED in text_of(response)
    assert db.session.scalar(select(func.count(Rsvp.id)).where(Rsvp.meeting_id == started.id)) == 0


def test_a_meeting_in_the_past_is_refused_under_its_start(client, auth, world):
    auth.login("bithu")
    before = len(meetings_of(world["cell1"]))
    past = utcnow() - timedelta(hours=1)
    response = client.post("/meetings/new", data=new_form(starts_at=local(past),
                                                          ends_at=local(past + timedelta(minutes=90))))
    assert response.status_code == 400 and PAST_START in text_of(response)
    assert len(meetings_of(world["cell1"])) == before


def test_moving_a_meeting_into_the_past_is_refused_and_changes_nothing(client, auth, world):
    m = meeting(world["cell1"], status=D)
    starts = m.starts_at
    auth.login("bithu")
    past = utcnow() - timedelta(days=1)
    response = client.post(f"/meetings/{m.id}/edit", data={
        "kind": "regular", "title": "Đổi tên", "starts_at": local(past), "ends_at": local(past + timedelta(hours=2)),
        "seq": str(m.edit_seq)})
    assert response.status_code == 400 and PAST_START in text_of(response)
    db.session.expire_all()
    stored = db.session.get(Meeting, m.id)
    assert stored.starts_at == starts and stored.title == "Họp chi bộ thử"


def test_publishing_an_empty_agenda_is_refused_with_a_message(client, auth, world):
    m = meeting(world["cell1"], status=D, items=())
    auth.login("bithu")
    response = client.post(f"/meetings/{m.id}/publish", data={"confirm": "y"})
    assert response.status_code == 400 and NO_ITEMS in text_of(response)
    db.session.expire_all()
    assert db.session.get(Meeting, m.id).status == D


def test_a_refusal_no_view_catches_is_the_error_page_and_keeps_nothing(other_app, world):
    app: Flask = other_app()
    meeting_id, user_id = meetings_of(world["cell1"])[0].id, world["users"]["dangvien"].id

    @app.post("/thu-loi/<int:status>")
    def refuse(status):
        db.session.add(Rsvp(meeting_id=meeting_id, user_id=user_id, attending=True))
        db.session.flush()
        raise DomainError("Việc này không được phép.", status=status)

    with app.app_context():
        told = app.test_client().post("/thu-loi/400")
        hidden = app.test_client().post("/thu-loi/404")
        assert told.status_code == 400 and "Việc này không được phép." in text_of(told)
        assert hidden.status_code == 404 and "Việc này không được phép." not in text_of(hidden)
        assert db.session.scalar(select(func.count(Rsvp.id))) == 0


def test_a_vote_opens_only_from_half_an_hour_before_the_meeting():
    now = utcnow()
    m = ready(P, now)
    m.starts_at = now + timedelta(minutes=31)
    with pytest.raises(MeetingRefused, match="chưa bắt đầu"):
        move(m, Action.OPEN_VOTE, now)
    m.starts_at = now + timedelta(minutes=29)
    assert move(m, Action.OPEN_VOTE, now) == P
