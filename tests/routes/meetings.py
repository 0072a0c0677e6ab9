"""Meetings routes. The demo gives cell 1 a held meeting, a published one and a draft thematic one."""

from sqlalchemy import select

from handbook.extensions import db
from handbook.meetings.models import Meeting
from tests.routes import Rule, expect


def meeting_id(world, status: str, cell: str = "cell1") -> int:
    return db.session.scalar(select(Meeting.id).where(Meeting.cell_id == world[cell].id, Meeting.status == status))


def published(w):
    return f"/meetings/{meeting_id(w, 'published')}"


def draft(w):
    return f"/meetings/{meeting_id(w, 'draft')}"


def held(w):
    return f"/meetings/{meeting_id(w, 'closed')}"


def first_item(w, status="published") -> str:
    meeting = db.session.get(Meeting, meeting_id(w, status))
    return f"/meetings/{meeting.id}/items/{meeting.items[0].id}"


# Secretary-only pages: members and admins above get 404 like anyone else.
SECRETARY_ONLY = expect(member=404, secretary=200)
SECRETARY_POST = expect(member=404, secretary=302)
SECRETARY_HTMX = expect(member=404, secretary=302)

RULES = [
    Rule("meetings.show", "GET", published, expect(other_member=404)),
    Rule("meetings.preview", "GET", lambda w: draft(w) + "/preview", SECRETARY_ONLY),
    Rule("meetings.print_view", "GET", lambda w: held(w) + "/print", expect(other_member=404)),
    Rule("meetings.meeting_ics", "GET", lambda w: published(w) + ".ics", expect(other_member=404)),
    Rule("meetings.new", "GET", lambda w: "/meetings/new", SECRETARY_ONLY),
    Rule("meetings.new", "POST", lambda w: "/meetings/new", expect(member=404, secretary=400),
         data=lambda w: {"title": "", "kind": "regular", "template": "regular"}),
    Rule("meetings.edit", "GET", lambda w: draft(w) + "/edit", SECRETARY_ONLY),
    Rule("meetings.edit", "POST", lambda w: draft(w) + "/edit", expect(member=404, secretary=400),
         data=lambda w: {"title": ""}),
    Rule("meetings.publish", "POST", lambda w: draft(w) + "/publish", SECRETARY_POST),
    Rule("meetings.cancel", "POST", lambda w: draft(w) + "/cancel", SECRETARY_POST, data=lambda w: {"confirm": "y"}),
    Rule("meetings.add_item", "POST", lambda w: published(w) + "/items", expect(member=404, secretary=400),
         data=lambda w: {"title": ""}),
    Rule("meetings.update_item", "POST", first_item, expect(member=404, secretary=400), data=lambda w: {"title": ""}),
    Rule("meetings.remove_item", "POST", lambda w: first_item(w, "draft") + "/delete",
         expect(member=404, secretary=409), data=lambda w: {"seq": "0"}),
    Rule("meetings.move_item", "POST", lambda w: first_item(w, "draft") + "/move", SECRETARY_POST,
         data=lambda w: {"direction": "down", "seq": str(db.session.get(Meeting, meeting_id(w, "draft")).edit_seq)}),
    Rule("meetings.search_sections", "GET", lambda w: first_item(w, "draft") + "/sections?q=dieu", SECRETARY_ONLY),
    Rule("meetings.link_section", "POST", lambda w: first_item(w, "draft") + "/links",
         expect(member=404, secretary=404), data=lambda w: {"section_id": "999999"}),
    Rule("meetings.unlink_section", "POST", lambda w: first_item(w, "draft") + "/links/999999/delete",
         expect(member=404, secretary=404)),
    # The secretary is a member of cell 1 too; the committee admin is not in the cell.
    Rule("meetings.rsvp", "POST", lambda w: published(w) + "/rsvp", expect(member=302, other_member=404, admin=404),
         data=lambda w: {"answer": "yes"}),
    Rule("meetings.checkin", "POST", lambda w: published(w) + "/checkin",
         expect(member=400, other_member=404, admin=404), data=lambda w: {"code": "000000"}),
    Rule("meetings.open_checkin_view", "POST", lambda w: published(w) + "/checkin/open", SECRETARY_POST),
    Rule("meetings.attendance", "GET", lambda w: published(w) + "/attendance", SECRETARY_ONLY),
    Rule("meetings.attendance", "POST", lambda w: published(w) + "/attendance", SECRETARY_POST),
    Rule("meetings.overview", "GET", lambda w: published(w) + "/overview", SECRETARY_ONLY),
    Rule("meetings.minutes", "GET", lambda w: held(w) + "/minutes", SECRETARY_ONLY),
    Rule("meetings.minutes", "POST", lambda w: held(w) + "/minutes", expect(member=404, secretary=400),
         data=lambda w: {"reason": ""}),
    Rule("meetings.lock_minutes", "POST", lambda w: held(w) + "/minutes/lock", expect(member=404, secretary=404)),
    Rule("meetings.minutes_revisions", "GET", lambda w: held(w) + "/minutes/revisions", expect(other_member=404)),
    Rule("meetings.feed", "GET", lambda w: "/calendar/not-a-token.ics", expect(anonymous=404, member=404)),
    Rule("meetings.regenerate_token", "POST", lambda w: "/calendar/token", expect(member=302)),
    Rule("meetings.notifications", "GET", lambda w: "/notifications", expect()),
]
