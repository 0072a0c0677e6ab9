"""The home page's cards after a change made on another server: each card asks the database on
every opening (the meeting's heading is kept per content version, read in the same statement),
so the member's next visit shows the change.

"Another server" is a write that bypasses this process's ORM (a plain connection), as a write
on another node does. Each test opens home first, so anything this worker keeps is warm.
"""

import re
from datetime import timedelta

from sqlalchemy import insert, select, update

from handbook.extensions import db
from handbook.fees.models import FeeRecord
from handbook.library.models import Document, Section, StudyMark
from handbook.meetings.models import Attendance, Meeting, Rsvp
from handbook.meetings.votes.models import Ballot, Vote
from handbook.models_base import utcnow
from handbook.notes.models import Note
from handbook.quiz.models import Attempt, Quiz
from handbook.study.models import Harvest, Programme
from tests.conftest import text_of
from tests.meetings.factories import meeting
from tests.meetings.votes.test_votes import open_vote, the_vote


def _elsewhere(statement) -> None:
    """A write made by another application server: this process's ORM never sees it."""
    with db.engine.begin() as connection:
        connection.execute(statement)


def _home(client) -> str:
    answer = client.get("/")
    assert answer.status_code == 200
    return text_of(answer)


def _next_meeting(client) -> Meeting:
    found = re.search(r'href="/meetings/(\d+)"><strong>', client.get("/").get_data(as_text=True))
    return db.session.get(Meeting, int(found.group(1)))


def test_the_meeting_renamed_and_moved_elsewhere_shows_on_the_next_visit(client, auth, world):
    auth.login("dangvien")
    meeting = _next_meeting(client)
    old_title, starts_at = meeting.title, meeting.starts_at
    assert old_title in _home(client)
    _elsewhere(update(Meeting.__table__).where(Meeting.__table__.c.id == meeting.id).values(
        title="Sinh hoạt chi bộ đã đổi tên", location="Hội trường tầng 5", starts_at=starts_at + timedelta(hours=2)))
    page = _home(client)
    assert "Sinh hoạt chi bộ đã đổi tên" in page and "Hội trường tầng 5" in page and old_title not in page
    moved = starts_at + timedelta(hours=2 + 7)  # Vietnam's time on the card
    assert f"{moved:%d/%m/%Y, %H:%M}" in page


def test_the_heading_kept_for_one_member_names_the_meeting_for_another_after_a_change(client, auth, world):
    auth.login("dangvien")
    meeting = _next_meeting(client)
    auth.logout()
    auth.login("dangvien2")
    assert meeting.title in _home(client)
    _elsewhere(update(Meeting.__table__).where(Meeting.__table__.c.id == meeting.id).values(title="Họp đổi tên"))
    auth.logout()
    auth.login("dangvien")
    page = _home(client)
    assert "Họp đổi tên" in page and "Đồng chí chưa trả lời có tham dự hay không." in page


def test_the_members_answer_and_check_in_made_elsewhere_show_on_the_next_visit(client, auth, world):
    auth.login("dangvien")
    meeting = _next_meeting(client)
    member = world["users"]["dangvien"].id
    assert "Đồng chí chưa trả lời có tham dự hay không." in _home(client)
    _elsewhere(insert(Rsvp.__table__).values(meeting_id=meeting.id, user_id=member, attending=False,
                                             reason="Đi công tác", answered_at=utcnow()))
    assert "Đồng chí đã đăng ký: Vắng — lý do: Đi công tác." in _home(client)
    _elsewhere(insert(Attendance.__table__).values(meeting_id=meeting.id, user_id=member, status="present",
                                                   reason="", checked_in_by_self=True, recorded_at=utcnow()))
    page = _home(client)
    assert "Đã điểm danh lúc" in page and "Đồng chí đã đăng ký" not in page


def test_reading_marked_and_thu_hoach_submitted_elsewhere_move_the_study_card(client, auth, world):
    auth.login("dangvien")
    member = world["users"]["dangvien"]
    programme = db.session.scalar(select(Programme).where(Programme.title.contains("(demo)")))
    unread = [d for d in programme.document_ids if db.session.scalar(select(StudyMark.id).where(
        StudyMark.user_id == member.id, StudyMark.document_id == d)) is None]
    total = len(programme.document_ids)
    assert f"Đã học {total - len(unread)}/{total} văn bản · chưa viết thu hoạch" in _home(client)
    for document_id in unread:
        _elsewhere(insert(StudyMark.__table__).values(user_id=member.id, document_id=document_id, studied_at=utcnow()))
    _elsewhere(insert(Harvest.__table__).values(programme_id=programme.id, user_id=member.id, cell_id=member.cell_id,
                                                body="Thu hoạch", status="writing"))
    assert f"Đã học {total}/{total} văn bản · thu hoạch đang viết" in _home(client)
    _elsewhere(update(Harvest.__table__).where(Harvest.__table__.c.user_id == member.id).values(status="submitted"))
    assert programme.title not in _home(client)  # finished: off the card


def test_a_document_marked_studied_elsewhere_leaves_the_reading_card(client, auth, world):
    auth.login("dangvien")
    assert "Văn bản cần học" in _home(client)
    document = db.session.scalar(select(Document).where(Document.slug == "08-qdi-tw"))
    _elsewhere(insert(StudyMark.__table__).values(user_id=world["users"]["dangvien"].id, document_id=document.id,
                                                  studied_at=utcnow()))
    assert "Quy định 08-QĐi/TW" not in _home(client).split("Văn bản cần học")[-1].split("Ghi chép gần đây")[0]


def test_an_attempt_started_elsewhere_shows_as_under_way(client, auth, world):
    auth.login("dangvien")
    quiz = db.session.scalar(select(Quiz).where(Quiz.title.contains("(demo)")))
    assert quiz.title in _home(client) and "Đang làm dở" not in _home(client)
    _elsewhere(insert(Attempt.__table__).values(quiz_id=quiz.id, user_id=world["users"]["dangvien"].id, number=1,
                                                total=10, started_at=utcnow(),
                                                deadline=utcnow() + timedelta(minutes=20)))
    page = client.get("/").get_data(as_text=True)
    attempt = db.session.scalar(select(Attempt.id).where(Attempt.quiz_id == quiz.id))
    assert "Đang làm dở" in page and f'href="/quiz/attempts/{attempt}"' in page


def test_last_months_due_changed_elsewhere_shows_in_the_fee_reminder(client, auth, world):
    auth.login("dangvien")
    page = _home(client)
    assert "Chưa ghi đảng phí tháng này của đồng chí." in page, page[page.find("Đảng phí"):][:300]
    _elsewhere(update(FeeRecord.__table__).where(FeeRecord.__table__.c.user_id == world["users"]["dangvien"].id)
               .values(due=71000))
    assert "Mức tháng trước: 71.000 đ" in _home(client)


def test_a_note_on_an_article_links_to_that_articles_note(client, auth, world):
    section = db.session.scalar(select(Section).join(Document).where(Document.slug == "08-qdi-tw",
                                                                     Section.anchor != "").limit(1))
    db.session.add(Note(owner_id=world["users"]["dangvien"].id, section_id=section.id, context_title="Ghi chép điều",
                        body="Nêu gương", updated_at=utcnow() + timedelta(minutes=1)))
    db.session.commit()
    auth.login("dangvien")
    page = client.get("/").get_data(as_text=True)
    assert f'href="/library/08-qdi-tw/sections/{section.anchor}/note">Ghi chép điều</a>' in page


def test_the_vote_banner_follows_votes_and_ballots_changed_elsewhere(client, auth, world):
    m = meeting(world["cell1"], status="published", starts_in=timedelta(minutes=-10))  # in its hour
    open_vote(client, auth, m)
    vote = the_vote(m)
    auth.logout()
    auth.login("dangvien")
    assert "Biểu quyết ngay" in _home(client)
    _elsewhere(insert(Ballot.__table__).values(vote_id=vote.id, user_id=world["users"]["dangvien"].id, choice=0))
    assert "Đã gửi phiếu — xem, đổi" in _home(client)
    _elsewhere(update(Vote.__table__).where(Vote.__table__.c.id == vote.id).values(status="annulled"))
    assert "Đang biểu quyết" not in _home(client)


def test_the_cell_renamed_elsewhere_shows_under_the_greeting_on_the_next_visit(client, auth, world):
    from handbook.orgs.models import Organization

    auth.login("dangvien")
    assert world["cell1"].name in _home(client)
    table = Organization.__table__
    _elsewhere(update(table).where(table.c.id == world["cell1"].id).values(name="Chi bộ đổi tên nơi khác"))
    assert "Chi bộ đổi tên nơi khác" in _home(client)
