"""The one rule of who sees which meeting, asked two ways: object by object (views) and in
SQL (lists, search, feeds). Both must agree for every account and every meeting."""

from sqlalchemy import select

from handbook.auth.models import User
from handbook.extensions import db
from handbook.meetings.access import can_see_meeting, visible_meetings
from handbook.meetings.models import Meeting


def test_object_check_and_sql_query_agree_for_everyone(world):
    meetings = db.session.scalars(select(Meeting)).all()
    assert {m.status for m in meetings} >= {"draft", "published"}
    checked = 0
    for user in db.session.scalars(select(User)).all():
        listed = set(db.session.scalars(visible_meetings(user).with_only_columns(Meeting.id)))
        for meeting in meetings:
            db.session.expire_all()  # each check starts as a request does: no cell loaded yet
            assert can_see_meeting(user, meeting) == (meeting.id in listed), (user.username, meeting.title)
            checked += 1
    assert checked


def test_members_see_their_cells_published_meetings_and_no_drafts(world):
    member = db.session.scalar(select(User).where(User.username == "dangvien"))
    other = db.session.scalar(select(User).where(User.username == "dangvien3"))
    secretary = db.session.scalar(select(User).where(User.username == "bithu"))
    admin = db.session.scalar(select(User).where(User.username == "capuy"))
    own = db.session.scalars(select(Meeting).where(Meeting.cell_id == member.cell_id)).all()
    published = [m for m in own if m.status != "draft"]
    drafts = [m for m in own if m.status == "draft"]
    assert published and drafts
    assert all(can_see_meeting(member, m) for m in published)
    assert not any(can_see_meeting(member, m) for m in drafts)
    assert not any(can_see_meeting(other, m) for m in own)
    assert all(can_see_meeting(secretary, m) for m in own)
    assert all(can_see_meeting(admin, m) for m in published)
    assert not any(can_see_meeting(admin, m) for m in drafts)
