"""Meetings routes. The demo gives cell 1 a held meeting last month (closed: minutes signed, a vote,
opinions, tasks), a published one and a draft thematic one."""

import json
from datetime import date, timedelta

from sqlalchemy import select

from handbook.extensions import db
from handbook.meetings.models import Meeting, MinutesOpinion, Task, Vote
from tests.routes import Rule, expect


def meeting_id(world, status: str, cell: str = "cell1") -> int:
    """The cell's latest meeting in this status: cell 1's closed one is last month's, with the record."""
    return db.session.scalar(select(Meeting.id).where(Meeting.cell_id == world[cell].id, Meeting.status == status)
                             .order_by(Meeting.starts_at.desc()))


def published(w):
    return f"/meetings/{meeting_id(w, 'published')}"


def draft(w):
    return f"/meetings/{meeting_id(w, 'draft')}"


def held(w):
    return f"/meetings/{meeting_id(w, 'closed')}"


def first_item(w, status="published") -> str:
    meeting = db.session.get(Meeting, meeting_id(w, status))
    return f"/meetings/{meeting.id}/items/{meeting.items[0].id}"


def vote_on_published(w, status: str = "open") -> int:
    """A vote of the published meeting, made for the walk (the demo's votes are on a closed one)."""
    meeting_id_ = meeting_id(w, "published")
    found = db.session.scalar(select(Vote.id).where(Vote.meeting_id == meeting_id_, Vote.status == status))
    if found is None:
        closed = status == "closed"
        vote = Vote(meeting_id=meeting_id_, kind="resolution", question=f"Biểu quyết thử ({status})",
                    choices=json.dumps(["Tán thành", "Không tán thành", "Không biểu quyết"]), status=status,
                    counts=json.dumps([1, 0, 0]) if closed else None,
                    basis=json.dumps({"official": 3, "left_out": {}}) if closed else None)
        db.session.add(vote)
        db.session.commit()
        found = vote.id
    return found


def task_on_published(w) -> int:
    meeting_id_ = meeting_id(w, "published")
    task = Task(meeting_id=meeting_id_, cell_id=w["cell1"].id, title="Nhiệm vụ thử",
                due_on=date.today() + timedelta(days=9))
    db.session.add(task)
    db.session.commit()
    return task.id


def task_of(w, username: str) -> int:
    return db.session.scalar(select(Task.id).where(Task.owner_id == w["users"][username].id))


def opinion_of_held(w) -> str:
    opinion = db.session.scalar(select(MinutesOpinion.id).limit(1))
    return f"{held(w)}/minutes/opinions/{opinion}/delete"


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
    # The demo's next meeting is days away: attendance waits for its day (400, told why).
    Rule("meetings.attendance", "POST", lambda w: published(w) + "/attendance", expect(member=404, secretary=400)),
    Rule("meetings.overview", "GET", lambda w: published(w) + "/overview", SECRETARY_ONLY),
    # The minutes are written by the cell's leaders and by the note-taker, "dangvien" in the demo.
    Rule("meetings.minutes", "GET", lambda w: held(w) + "/minutes", expect(other_member=404, admin=404)),
    Rule("meetings.minutes", "POST", lambda w: held(w) + "/minutes", expect(member=400, other_member=404, admin=404),
         data=lambda w: {"reason": ""}),
    # Final minutes take no choice between kept texts: they change only as a new revision.
    Rule("meetings.resolve_minutes", "POST", lambda w: held(w) + "/minutes/conflicts/999999",
         expect(member=302, other_member=404, admin=404), data=lambda w: {"choice": "other", "version": "0"}),
    # Signing: anyone who sees the meeting is answered; final minutes are signed no more.
    Rule("meetings.sign_minutes", "POST", lambda w: held(w) + "/minutes/sign", expect(member=400, other_member=404),
         data=lambda w: {"version": "1"}),
    # The demo's note-taker is "dangvien": a member writing the minutes (final here, so refused).
    Rule("meetings.add_opinion_view", "POST",
         lambda w: f"{held(w)}/minutes/items/{db.session.get(Meeting, meeting_id(w, 'closed')).items[0].id}/opinions",
         expect(member=400, other_member=404, admin=404), data=lambda w: {"text": "Ý kiến"}),
    Rule("meetings.remove_opinion_view", "POST", opinion_of_held, expect(member=400, other_member=404, admin=404)),
    Rule("meetings.add_task", "POST", lambda w: published(w) + "/tasks", expect(member=404, secretary=400),
         data=lambda w: {"task-title": ""}),
    Rule("meetings.remove_task", "POST", lambda w: f"{published(w)}/tasks/{task_on_published(w)}/delete",
         SECRETARY_POST),
    # Its owner (dangvien) or the secretary; an admin above sees it but may not change it.
    Rule("meetings.task_status", "POST", lambda w: f"/meetings/tasks/{task_of(w, 'dangvien')}/status",
         expect(member=302, other_member=404, admin=403), data=lambda w: {"status": "in_progress"}),
    Rule("meetings.minutes_pdf", "GET", lambda w: held(w) + "/minutes.pdf", expect(other_member=404)),
    Rule("meetings.votes_page", "GET", lambda w: published(w) + "/votes", SECRETARY_ONLY),
    Rule("meetings.open_vote", "POST", lambda w: published(w) + "/votes", expect(member=404, secretary=400),
         data=lambda w: {"question": ""}),
    Rule("meetings.close_vote", "POST", lambda w: f"{published(w)}/votes/{vote_on_published(w)}/close",
         SECRETARY_POST),
    Rule("meetings.annul_vote", "POST", lambda w: f"{published(w)}/votes/{vote_on_published(w, 'closed')}/annul",
         expect(member=404, secretary=400), data=lambda w: {"reason": ""}),
    # Members present vote; nobody is marked present at the demo's next meeting yet.
    Rule("meetings.cast_ballot", "POST", lambda w: f"{published(w)}/votes/{vote_on_published(w)}/ballot",
         expect(member=400, other_member=404), data=lambda w: {"choice": "0"}),
    Rule("meetings.vote_fragment", "GET", lambda w: published(w) + "/vote", expect(other_member=404)),
    # The demo's next meeting has not begun: the banner tells the page to stop asking (286).
    Rule("meetings.live_banner", "GET", lambda w: published(w) + "/live", expect(member=286, other_member=404)),
    Rule("meetings.vote_tally", "GET", lambda w: f"{published(w)}/votes/{vote_on_published(w)}/tally", SECRETARY_ONLY),
    Rule("meetings.quality_page", "GET", lambda w: held(w) + "/quality", SECRETARY_ONLY),
    Rule("meetings.quality_page", "POST", lambda w: held(w) + "/quality", expect(member=404, secretary=400)),
    Rule("meetings.minutes_revisions", "GET", lambda w: held(w) + "/minutes/revisions", expect(other_member=404)),
    Rule("meetings.feed", "GET", lambda w: "/calendar/not-a-token.ics", expect(anonymous=404, member=404)),
    Rule("meetings.regenerate_token", "POST", lambda w: "/calendar/token", expect(member=302)),
    Rule("meetings.notifications", "GET", lambda w: "/notifications", expect()),
]
