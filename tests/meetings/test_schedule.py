"""The next meeting has one definition (handbook/meetings/schedule.py), which the home card, the
phone's meeting pack and the reminders all use: published or held, until three hours after it
starts; the home card over every meeting the user may see, the pack over the member's own cell."""

from datetime import timedelta

from handbook.extensions import db
from handbook.meetings.schedule import next_meeting_for, reminders_due
from handbook.models_base import utcnow
from tests.conftest import text_of
from tests.meetings.factories import meeting


def test_a_meeting_stays_next_until_three_hours_after_it_starts(world):
    member = world["users"]["dangvien"]
    running = meeting(world["cell1"], status="published", title="Họp đang diễn ra",
                      starts_in=-timedelta(hours=2, minutes=50))
    now = utcnow()
    assert next_meeting_for(member, now) == running
    assert next_meeting_for(member, now + timedelta(minutes=20)) not in (None, running)


def test_a_held_meeting_is_still_next_a_draft_cancelled_or_closed_one_is_not(world):
    member = world["users"]["dangvien"]
    soon = meeting(world["cell1"], status="held", title="Họp sớm", starts_in=timedelta(hours=1))
    assert next_meeting_for(member) == soon
    for status in ("draft", "cancelled", "closed"):
        soon.status = status
        db.session.commit()
        assert next_meeting_for(member) != soon, status


def test_the_home_card_and_the_pack_show_the_same_next_meeting(client, auth, world):
    soon = meeting(world["cell1"], status="published", title="Họp chi bộ tuần này", starts_in=timedelta(days=2))
    auth.login("dangvien")
    assert "Họp chi bộ tuần này" in text_of(client.get("/"))
    assert f"/meetings/{soon.id}" in {entry["url"] for entry in client.get("/offline/pack").get_json()["entries"]}


def test_a_committee_sees_its_cells_next_meeting_at_home_but_its_phone_keeps_none(world):
    admin = world["users"]["capuy"]
    assert admin.cell_id is None
    assert next_meeting_for(admin) is not None
    assert next_meeting_for(admin, own_cell=True) is None


def test_reminders_are_for_published_meetings_still_to_start_within_the_day(world):
    published = meeting(world["cell1"], status="published", starts_in=timedelta(hours=5))
    held = meeting(world["cell1"], status="held", starts_in=timedelta(hours=5))
    started = meeting(world["cell1"], status="published", starts_in=-timedelta(minutes=5))
    later = meeting(world["cell1"], status="published", starts_in=timedelta(days=2))
    due = set(db.session.scalars(reminders_due(utcnow(), timedelta(days=1))))
    assert published in due and not due & {held, started, later}
